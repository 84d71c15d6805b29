import type { LifecycleContext } from "./context";
import type { RunInputs } from "./inputs";
import { inspectorCall } from "./inspector-call";
import { describeRun } from "./runs";
import { type SettledRun, settleRun } from "./settle";

/**
 * An update never starts a run (anything that calls for a new run is a replacement). It reads the recorded run
 * again, then waits and judges it under the new settings. This is also what the engine calls on the `pulumi up`
 * after a partial failure (a timed-out wait, a failed gate), so that update waits for or re-checks the SAME run.
 */
export async function updateRun(id: string, news: RunInputs, context: LifecycleContext): Promise<SettledRun> {
    const run = await inspectorCall(
        context,
        {
            operation: "DescribeAssessmentRuns",
            region: news.region,
            runName: news.assessmentRunName,
            runArn: id,
        },
        () => describeRun(context.clientFor(news.region), id),
    );
    if (!run) {
        throw new Error(
            `Assessment run "${news.assessmentRunName}" (${id}) no longer exists in Inspector: it was deleted ` +
                `outside Pulumi. Run pulumi refresh to drop it from the state; the next pulumi up starts a new run.`,
        );
    }
    return settleRun(news, run, context);
}
