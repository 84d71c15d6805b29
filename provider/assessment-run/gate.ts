import type { FailOnSeverity } from "./args";
import { type FindingCounts, formatCounts, severitiesAtOrAbove } from "./severity";

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
    const noun = blocking === 1 ? "finding" : "findings";
    return {
        passed: false,
        blocking,
        message:
            `Assessment run "${run.name}" has ${blocking} ${noun} at or above failOnFindings "${threshold}" ` +
            `(${formatCounts(counts)}). Review them in Inspector (run ${run.arn}); after fixing them, start a ` +
            `new run by changing triggers, or change failOnFindings. Until then every pulumi up fails here ` +
            `without starting the run again.`,
    };
}
