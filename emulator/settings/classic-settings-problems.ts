import { SEVERITIES } from "../classic/records";
import type { ProblemReporter } from "./setting-problems";

/**
 * The optional ClassicSettings members Inspector Classic reads beyond timeScale and maxConcurrentRuns, and their
 * checks. The emulator's settings validation lists these keys as known and calls `classicBehaviourProblems`.
 */
export const CLASSIC_BEHAVIOUR_KEYS: readonly string[] = ["outcome", "findingCounts"];

const OUTCOMES: readonly unknown[] = ["COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED"];

export function classicBehaviourProblems(
    classic: Readonly<Record<string, unknown>>,
    report: ProblemReporter,
): void {
    const { outcome, findingCounts } = classic;
    if (outcome !== undefined && outcome !== null && !OUTCOMES.includes(outcome)) {
        report("classic.outcome", outcome, "must be COMPLETED, COMPLETED_WITH_ERRORS, FAILED or null");
    }
    if (findingCounts === undefined || findingCounts === null) return;
    if (typeof findingCounts !== "object" || Array.isArray(findingCounts)) {
        report(
            "classic.findingCounts",
            findingCounts,
            `must be an object of counts by severity (${SEVERITIES.join(", ")}) or null`,
        );
        return;
    }
    for (const [severity, count] of Object.entries(findingCounts)) {
        const path = `classic.findingCounts.${severity}`;
        if (!(SEVERITIES as readonly string[]).includes(severity)) {
            report(path, count, `is not a severity; known: ${SEVERITIES.join(", ")}`);
        } else if (count !== undefined && !(Number.isSafeInteger(count) && (count as number) >= 0)) {
            report(path, count, "must be an integer of 0 or more");
        }
    }
}
