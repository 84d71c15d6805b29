import type { LifecycleContext } from "./context";
import { inspectorCall } from "./inspector-call";
import { runOutputs } from "./outputs";
import { regionOfArn } from "./run-arn";
import { describeRun } from "./runs";

export interface ReadRun {
    /** Empty when the run no longer exists: the engine then drops the resource from the state. */
    readonly id: string;
    readonly props: Record<string, unknown>;
}

/**
 * Refresh: the run's current state and finding counts. A run deleted outside Pulumi reads as gone. The region is
 * the one in the run's ARN, so this also works for an import, where nothing else is known. Refresh never fails
 * on the gate; only an update applies it.
 */
export async function readRun(
    id: string,
    props: Readonly<Record<string, unknown>>,
    context: LifecycleContext,
): Promise<ReadRun> {
    const region = regionOfArn(id) ?? String(props.region);
    const run = await inspectorCall(
        context,
        { operation: "DescribeAssessmentRuns", region, runArn: id },
        () => describeRun(context.clientFor(region), id),
    );
    if (!run) return { id: "", props: {} };
    return {
        id,
        props: {
            ...props,
            assessmentTemplateArn: run.assessmentTemplateArn,
            assessmentRunName: run.name,
            region,
            ...runOutputs(run),
        },
    };
}
