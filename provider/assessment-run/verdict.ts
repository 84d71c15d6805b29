import { plural } from "../core/plural";
import type { FailOnSeverity } from "./args";
import { runPhase } from "./run-state";

/** The severities Inspector counts findings in, as DescribeAssessmentRuns names them. */
export const SEVERITIES: readonly Severity[] = ["High", "Medium", "Low", "Informational", "Undefined"];
/** A severity of Inspector Classic's findings, as DescribeAssessmentRuns names it. */
export type Severity = "High" | "Medium" | "Low" | "Informational" | "Undefined";

/** The severities a gate can name, most severe first. Undefined has no rank, so it is not among them. */
export const RANKED_SEVERITIES: readonly FailOnSeverity[] = ["High", "Medium", "Low", "Informational"];

/** An AssessmentRun's finding counts for every severity, zero where Inspector reported none. */
export type FindingCounts = Readonly<Record<Severity, number>>;

/** Inspector's findingCounts map (which may leave severities out) completed with zeros. */
export function completeCounts(
    reported: Readonly<Partial<Record<string, number>>> | undefined,
): FindingCounts {
    const counts = {} as Record<Severity, number>;
    for (const severity of SEVERITIES) counts[severity] = reported?.[severity] ?? 0;
    return counts;
}

/** The severities at or above a threshold, most severe first. */
export function severitiesAtOrAbove(threshold: FailOnSeverity): readonly FailOnSeverity[] {
    return RANKED_SEVERITIES.slice(0, RANKED_SEVERITIES.indexOf(threshold) + 1);
}

/** Counts as messages show them: `High 3, Medium 0, Low 1, Informational 0, Undefined 0`. */
export function formatCounts(counts: FindingCounts): string {
    return SEVERITIES.map((severity) => `${severity} ${counts[severity]}`).join(", ");
}

/** The outcome of the findings gate on a finished run. */
export interface GateResult {
    readonly passed: boolean;
    /** How many findings are at or above the threshold. */
    readonly blocking: number;
    /** Why the update fails, when it does. */
    readonly message?: string;
}

/**
 * Applies `failOnFindings` to a finished run's counts. The message names the run, the setting and every count,
 * and says how to get past it; it is the same on every `pulumi up` while the findings remain, because the
 * next update checks the same finished run again.
 */
export function evaluateGate(
    run: { readonly name: string; readonly arn: string },
    threshold: FailOnSeverity | undefined,
    counts: FindingCounts,
): GateResult {
    if (threshold === undefined) return { passed: true, blocking: 0 };
    const blocking = severitiesAtOrAbove(threshold).reduce((sum, severity) => sum + counts[severity], 0);
    if (blocking === 0) return { passed: true, blocking };
    return {
        passed: false,
        blocking,
        message:
            `Assessment run "${run.name}" has ${plural(blocking, "finding")} at or above failOnFindings "${threshold}" ` +
            `(${formatCounts(counts)}). Review them in Inspector (run ${run.arn}); after fixing them, start a ` +
            `new run by changing triggers, or change failOnFindings. Until then every pulumi up fails here ` +
            `without starting the run again.`,
    };
}

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
