import type { FailOnSeverity } from "./args";
import { evaluateGate } from "./gate";
import { runPhase } from "./run-state";
import type { FindingCounts } from "./severity";

/** The parts of a finished run the verdict looks at. */
export interface FinishedRun {
    readonly name: string;
    readonly arn: string;
    readonly state: string;
    readonly findingCounts: FindingCounts;
    /** The messages of the run's error notifications, oldest first. */
    readonly errorNotes: readonly string[];
}

/** Whether a waited-for run lets the update succeed: a failure fails it, a warning is only shown. */
export interface Verdict {
    readonly failure?: string;
    readonly warning?: string;
}

const NEW_RUN = "start a new run by changing triggers (or with pulumi up --replace <urn>)";

/**
 * Judges a run that has finished, for an update that waited for it: FAILED and ERROR fail with Inspector's own
 * notes; a canceled run fails only a gate (its findings are incomplete); a completed run fails only the gate.
 */
export function judgeFinishedRun(run: FinishedRun, failOnFindings: FailOnSeverity | undefined): Verdict {
    const notes = run.errorNotes.length > 0 ? run.errorNotes.join("; ") : "Inspector gave no reason";
    switch (runPhase(run.state)) {
        case "failed":
            return {
                failure:
                    `Assessment run "${run.name}" ended ${run.state}: ${notes} (run ${run.arn}). ` +
                    `Fix the cause, then ${NEW_RUN}.`,
            };
        case "canceled":
            return failOnFindings === undefined
                ? {
                      warning: `Assessment run "${run.name}" was canceled before it completed (run ${run.arn}).`,
                  }
                : {
                      failure:
                          `Assessment run "${run.name}" was canceled before it completed, so failOnFindings ` +
                          `"${failOnFindings}" cannot be checked (run ${run.arn}); ${NEW_RUN}.`,
                  };
        case "succeeded": {
            const gate = evaluateGate(run, failOnFindings, run.findingCounts);
            const warning =
                run.state === "COMPLETED_WITH_ERRORS"
                    ? `Assessment run "${run.name}" completed with errors: ${notes}. Its findings may be incomplete.`
                    : undefined;
            return { ...(gate.message ? { failure: gate.message } : {}), ...(warning ? { warning } : {}) };
        }
        default:
            return {};
    }
}
