import type { AssessmentRun } from "@aws-sdk/client-inspector";
import type { LifecycleContext } from "./context";
import { EVALUATION_ALLOWANCE_SECONDS, type RunInputs } from "./inputs";
import { inspectorCall } from "./inspector-call";
import { formatProgress } from "./progress";
import { isTerminal } from "./run-state";
import { describeRun } from "./runs";
import { nextPollDelay } from "./wait-policy";

export interface WaitResult {
    /** The run as last described: finished, unless the wait timed out. */
    readonly run: AssessmentRun;
    readonly timedOut: boolean;
    readonly waitedSeconds: number;
}

/** How long one update waits: the user's setting, else the run's duration plus time to evaluate the rules. */
export function waitTimeoutSeconds(
    inputs: Pick<RunInputs, "waitTimeoutSeconds">,
    run: AssessmentRun,
): number {
    return inputs.waitTimeoutSeconds ?? (run.durationInSeconds ?? 0) + EVALUATION_ALLOWANCE_SECONDS;
}

/**
 * Polls the run until it has finished or this update's timeout has passed, with growing delays, logging a line
 * of progress whenever it reads differently. The timeout counts from the start of this wait, so the next
 * `pulumi up` after a timeout waits for the same run as long again.
 */
export async function waitForRun(
    inputs: RunInputs,
    initial: AssessmentRun,
    context: LifecycleContext,
): Promise<WaitResult> {
    const client = context.clientFor(inputs.region);
    const arn = initial.arn ?? "";
    const timeoutMs = waitTimeoutSeconds(inputs, initial) * 1000;
    const began = context.now();
    const waited = () => context.now() - began;
    let run = initial;
    let delay: number | undefined;
    let lastProgress: string | undefined;
    while (!isTerminal(run.state ?? "")) {
        const startedAt = (run.startedAt ?? run.createdAt)?.getTime() ?? began;
        const progress = formatProgress(
            inputs.assessmentRunName,
            run.state ?? "",
            (context.now() - startedAt) / 1000,
            run.durationInSeconds ?? 0,
        );
        if (progress !== lastProgress) context.log(progress);
        lastProgress = progress;
        if (waited() >= timeoutMs) return { run, timedOut: true, waitedSeconds: Math.round(waited() / 1000) };
        delay = nextPollDelay(delay, context.policy);
        await context.sleep(Math.min(delay, Math.max(0, timeoutMs - waited())));
        const latest = await inspectorCall(
            context,
            {
                operation: "DescribeAssessmentRuns",
                region: inputs.region,
                runName: inputs.assessmentRunName,
                runArn: arn,
            },
            () => describeRun(client, arn),
        );
        if (!latest) {
            throw new Error(
                `Assessment run "${inputs.assessmentRunName}" (${arn}) disappeared while this update waited for ` +
                    `it: it was deleted outside Pulumi. Run pulumi refresh, then pulumi up starts a new run.`,
            );
        }
        run = latest;
    }
    context.log(formatFinished(inputs.assessmentRunName, run));
    return { run, timedOut: false, waitedSeconds: Math.round(waited() / 1000) };
}

function formatFinished(name: string, run: AssessmentRun): string {
    return `${name}: ${run.state}`;
}
