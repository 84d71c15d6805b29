import { type AssessmentRun, StartAssessmentRunCommand } from "@aws-sdk/client-inspector";
import type { LifecycleContext } from "./context";
import { busyRunArns, errorName, explainInspectorError, isRunNameTaken } from "./errors";
import type { RunInputs } from "./inputs";
import { inspectorCall } from "./inspector-call";
import { describeRun, describeRuns, findRunByName } from "./runs";

export interface StartedRun {
    readonly run: AssessmentRun;
    /** True when the run already existed (an earlier, interrupted create started it) and was taken over. */
    readonly adopted: boolean;
}

/**
 * Starts the run, unless a run of this template with this name exists already, which is then adopted.
 * StartAssessmentRun has no client token, so the name is the idempotency key: looked up before starting, and
 * again when Inspector refuses because a concurrent start took the name or the agents. Before each retry after
 * ServiceTemporarilyUnavailableException the lookup runs again, in case the refused start did get through.
 */
export async function startOrAdoptRun(inputs: RunInputs, context: LifecycleContext): Promise<StartedRun> {
    const client = context.clientFor(inputs.region);
    const name = inputs.assessmentRunName;
    const templateArn = inputs.assessmentTemplateArn;
    const about = { region: inputs.region, templateArn, runName: name };
    const call = <T>(operation: string, send: () => Promise<T>) =>
        inspectorCall(context, { ...about, operation }, send);
    const lookUp = () => call("ListAssessmentRuns", () => findRunByName(client, templateArn, name));
    const describe = (arns: string[]) => call("DescribeAssessmentRuns", () => describeRuns(client, arns));

    let delay = context.policy.unavailableDelayMs;
    for (let attempt = 1; ; attempt++) {
        const existing = await lookUp();
        if (existing) return { run: existing, adopted: true };
        let arn: string;
        try {
            const started = await client.send(
                new StartAssessmentRunCommand({
                    assessmentTemplateArn: templateArn,
                    assessmentRunName: name,
                }),
            );
            arn = started.assessmentRunArn ?? "";
        } catch (error) {
            if (isRunNameTaken(error)) {
                const raced = await lookUp();
                if (raced) return { run: raced, adopted: true };
            }
            if (errorName(error) === "AgentsAlreadyRunningAssessmentException") {
                const busy = await describe(busyRunArns(error));
                const ours = busy.find(
                    (run) => run.name === name && run.assessmentTemplateArn === templateArn,
                );
                if (ours) return { run: ours, adopted: true };
            }
            const unavailable = errorName(error) === "ServiceTemporarilyUnavailableException";
            if (unavailable && attempt < context.policy.unavailableAttempts) {
                await context.sleep(delay);
                delay *= 2;
                continue;
            }
            throw explainInspectorError(error, {
                ...about,
                operation: "StartAssessmentRun",
                ...(unavailable ? { attempts: attempt } : {}),
            });
        }
        const run = await call("DescribeAssessmentRuns", () => describeRun(client, arn));
        if (!run)
            throw new Error(
                `Inspector started run ${arn} ("${name}") but does not describe it; run pulumi up again`,
            );
        return { run, adopted: false };
    }
}
