import type { AssessmentRun } from "@aws-sdk/client-inspector";
import { type LifecycleContext, pollPauses, SCAN_POLLING } from "../core/context";
import { runDisappearedMessage } from "./errors";
import { type AssessmentRunInputs, EVALUATION_ALLOWANCE_SECONDS } from "./inputs";
import { describeRun, type RunTarget } from "./operations";
import { isTerminal, runPhase } from "./run-state";

export interface WaitResult {
    /** The run as last described: finished, unless the wait timed out. */
    readonly run: AssessmentRun;
    readonly timedOut: boolean;
    readonly waitedSeconds: number;
}

/** How long one update waits: the user's setting, else the run's duration plus time to evaluate the rules. */
export function waitTimeoutSeconds(
    inputs: Pick<AssessmentRunInputs, "waitTimeoutSeconds">,
    run: AssessmentRun,
): number {
    return inputs.waitTimeoutSeconds ?? (run.durationInSeconds ?? 0) + EVALUATION_ALLOWANCE_SECONDS;
}

/**
 * Polls the run until it has finished or this update's timeout has passed, with growing pauses
 * ({@link SCAN_POLLING}: it notices the end within 2 s or 15 % of the time waited), logging a line
 * of progress whenever it reads differently. The timeout counts from the start of this wait, so the next
 * `pulumi up` after a timeout waits for the same run as long again.
 */
export async function waitForRun(
    inputs: AssessmentRunInputs,
    initial: AssessmentRun,
    context: LifecycleContext,
): Promise<WaitResult> {
    const name = inputs.assessmentRunName;
    const arn = initial.arn ?? "";
    const target: RunTarget = { region: inputs.region, runName: name, runArn: arn };
    const began = context.now();
    const deadline = began + waitTimeoutSeconds(inputs, initial) * 1000;
    const waitedSeconds = () => Math.round((context.now() - began) / 1000);
    let run = initial;
    const pause = pollPauses(context, SCAN_POLLING);
    let lastProgress: string | undefined;
    while (!isTerminal(run.state ?? "")) {
        const startedAt = (run.startedAt ?? run.createdAt)?.getTime() ?? began;
        const progress = formatProgress(
            name,
            run.state ?? "",
            (context.now() - startedAt) / 1000,
            run.durationInSeconds ?? 0,
        );
        if (progress !== lastProgress) context.log(progress);
        lastProgress = progress;
        if (context.now() >= deadline) return { run, timedOut: true, waitedSeconds: waitedSeconds() };
        await pause(deadline);
        const latest = await describeRun(context, target, arn);
        if (!latest) throw new Error(runDisappearedMessage(name, arn));
        run = latest;
    }
    context.log(`${name}: ${run.state}`);
    return { run, timedOut: false, waitedSeconds: waitedSeconds() };
}

/**
 * Polls a stopped run until it has finished or the policy's stop wait is over; undefined when it vanished. Delete
 * waits so that the agents are free for a replacement's run, and a finished run can be deleted.
 */
export async function waitForStop(
    context: LifecycleContext,
    target: RunTarget,
    initial: AssessmentRun,
): Promise<AssessmentRun | undefined> {
    const arn = initial.arn ?? "";
    const deadline = context.now() + context.policy.stopWaitMs;
    let run: AssessmentRun | undefined = initial;
    const pause = pollPauses(context, SCAN_POLLING);
    while (run && !isTerminal(run.state ?? "") && context.now() < deadline) {
        await pause(deadline);
        run = await describeRun(context, target, arn);
    }
    return run;
}

/**
 * One line of progress for the `pulumi up` output, for example `release-42: COLLECTING_DATA (12 min of 60)`:
 * while data is collected, the minutes since the run started against the run's duration; afterwards, the
 * minutes since it started.
 */
export function formatProgress(
    name: string,
    state: string,
    elapsedSeconds: number,
    durationSeconds: number,
): string {
    const elapsed = Math.max(0, Math.floor(elapsedSeconds / 60));
    if (runPhase(state) === "collecting") {
        return `${name}: ${state} (${elapsed} min of ${Math.ceil(durationSeconds / 60)})`;
    }
    return `${name}: ${state} (after ${elapsed} min)`;
}
