import { seededUnit } from "./hash";
import type { RunOutcome } from "./records";

/** The share of runs that end FAILED, then COMPLETED_WITH_ERRORS, when the settings force nothing. */
export const FAILED_SHARE = 0.02;
export const COMPLETED_WITH_ERRORS_SHARE = 0.03;

/** How a run ends: the forced outcome if set, else a rare failure drawn from the seed and the run's ARN. */
export function runOutcome(seed: number, runArn: string, forced?: RunOutcome | null): RunOutcome {
    if (forced) return forced;
    const draw = seededUnit("outcome", seed, runArn);
    if (draw < FAILED_SHARE) return "FAILED";
    if (draw < FAILED_SHARE + COMPLETED_WITH_ERRORS_SHARE) return "COMPLETED_WITH_ERRORS";
    return "COMPLETED";
}
