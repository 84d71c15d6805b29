import type { AssessmentRun } from "@aws-sdk/client-inspector";
import { PartialFailure } from "../dynamic/partial-failure";
import type { LifecycleContext } from "./context";
import type { RunInputs } from "./inputs";
import { runOutputs } from "./outputs";
import { completeCounts } from "./severity";
import { judgeFinishedRun } from "./verdict";
import { waitForRun } from "./wait";

/** What create and update return to the engine: the run's ARN as id, the inputs and the run's state as outputs. */
export interface SettledRun {
    readonly id: string;
    readonly outs: Record<string, unknown>;
}

/**
 * What create (after starting or adopting the run) and update have in common: wait if asked, then judge the
 * finished run. Every failure after the run exists is a PartialFailure carrying the run, so the engine keeps it in
 * the state and the next `pulumi up` updates the same run (waits again, judges again) instead of starting another.
 */
export async function settleRun(
    inputs: RunInputs,
    run: AssessmentRun,
    context: LifecycleContext,
): Promise<SettledRun> {
    const id = run.arn ?? "";
    const outputsOf = (current: AssessmentRun) => ({ ...inputs, ...runOutputs(current) });
    if (!inputs.waitForCompletion) return { id, outs: outputsOf(run) };

    const waited = await waitForRun(inputs, run, context);
    const outs = outputsOf(waited.run);
    if (waited.timedOut) {
        throw new PartialFailure(
            `Assessment run "${inputs.assessmentRunName}" is still ${waited.run.state} after this update waited ` +
                `${waited.waitedSeconds} s (waitTimeoutSeconds). It goes on in Inspector and stays recorded in ` +
                `the state: the next pulumi up waits for the same run again. Raise waitTimeoutSeconds to wait ` +
                `longer in one update.`,
            id,
            outs,
        );
    }
    const verdict = judgeFinishedRun(
        {
            name: inputs.assessmentRunName,
            arn: id,
            state: waited.run.state ?? "",
            findingCounts: completeCounts(waited.run.findingCounts),
            errorNotes: (waited.run.notifications ?? [])
                .filter((note) => note.error)
                .map((note) => note.message ?? note.event ?? ""),
        },
        inputs.failOnFindings,
    );
    if (verdict.warning) context.warn(verdict.warning);
    if (verdict.failure) throw new PartialFailure(verdict.failure, id, outs);
    return { id, outs };
}
