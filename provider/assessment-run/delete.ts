import {
    type AssessmentRun,
    DeleteAssessmentRunCommand,
    type InspectorClient,
    StopAssessmentRunCommand,
} from "@aws-sdk/client-inspector";
import type { StopAction } from "./args";
import type { LifecycleContext } from "./context";
import { errorName } from "./errors";
import { DEFAULT_STOP_ACTION } from "./inputs";
import { inspectorCall } from "./inspector-call";
import { regionOfArn } from "./run-arn";
import { isTerminal } from "./run-state";
import { describeRun } from "./runs";
import { nextPollDelay } from "./wait-policy";

/** The recorded settings delete acts on (from the state, which holds the checked inputs). */
export interface DeleteSettings {
    readonly assessmentRunName?: string;
    readonly region?: string;
    readonly stopActionOnDelete?: StopAction;
    readonly deleteOnDestroy?: boolean;
}

/**
 * Destroy or the first half of a replacement. A run in progress is stopped with the configured stop action and
 * followed until it has finished, so that its agents are free for the replacement's run. A finished run is kept
 * (its findings are the audit record) unless deleteOnDestroy is set. A run that is already gone is no error.
 */
export async function deleteRun(
    id: string,
    settings: DeleteSettings,
    context: LifecycleContext,
): Promise<void> {
    const region = regionOfArn(id) ?? settings.region ?? "";
    const name = settings.assessmentRunName ?? id;
    const client = context.clientFor(region);
    const about = { region, runName: settings.assessmentRunName, runArn: id };
    const call = <T>(operation: string, send: () => Promise<T>) =>
        inspectorCall(context, { ...about, operation }, send);

    let run = await call("DescribeAssessmentRuns", () => describeRun(client, id));
    if (!run) return context.log(`${name}: already gone from Inspector`);

    if (!isTerminal(run.state ?? "")) {
        const action = settings.stopActionOnDelete ?? DEFAULT_STOP_ACTION;
        if (!(await stopRun(client, id, action, call)))
            return context.log(`${name}: already gone from Inspector`);
        context.log(`${name}: stopping (${action}), was ${run.state}`);
        run = await followUntilFinished(client, run, context, call);
        if (!run) return;
        if (!isTerminal(run.state ?? "")) {
            const waited = `still ${run.state} ${Math.round(context.policy.stopWaitMs / 1000)} s after it was stopped`;
            if (settings.deleteOnDestroy) {
                throw new Error(
                    `Cannot delete assessment run "${name}" (${id}) yet: it is ${waited}. Run the destroy again later.`,
                );
            }
            return context.warn(`${name}: ${waited}; it finishes on its own and stays in Inspector.`);
        }
    }

    if (!settings.deleteOnDestroy) {
        return context.log(`${name}: kept in Inspector with its findings (deleteOnDestroy is false)`);
    }
    await call("DeleteAssessmentRun", () =>
        client
            .send(new DeleteAssessmentRunCommand({ assessmentRunArn: id }))
            .then(() => undefined, ignoreMissing),
    );
    context.log(`${name}: deleted with its findings`);
}

type Call = <T>(operation: string, send: () => Promise<T>) => Promise<T>;

/** Sends the stop; false when the run no longer exists. A run that finished meanwhile needs no stop. */
async function stopRun(
    client: InspectorClient,
    id: string,
    action: StopAction,
    call: Call,
): Promise<boolean> {
    return call("StopAssessmentRun", async () => {
        try {
            await client.send(new StopAssessmentRunCommand({ assessmentRunArn: id, stopAction: action }));
            return true;
        } catch (error) {
            if (errorName(error) === "NoSuchEntityException") return false;
            if (errorName(error) === "InvalidInputException") return true;
            throw error;
        }
    });
}

/** Polls a stopped run until it has finished or the policy's stop wait is over; undefined when it vanished. */
async function followUntilFinished(
    client: InspectorClient,
    initial: AssessmentRun,
    context: LifecycleContext,
    call: Call,
): Promise<AssessmentRun | undefined> {
    const began = context.now();
    let run: AssessmentRun | undefined = initial;
    let delay: number | undefined;
    while (run && !isTerminal(run.state ?? "") && context.now() - began < context.policy.stopWaitMs) {
        delay = nextPollDelay(delay, context.policy);
        await context.sleep(delay);
        const arn = initial.arn ?? "";
        run = await call("DescribeAssessmentRuns", () => describeRun(client, arn));
    }
    return run;
}

/** A run deleted by someone else in the meantime is as good as deleted. */
function ignoreMissing(error: unknown): void {
    if (errorName(error) !== "NoSuchEntityException") throw error;
}
