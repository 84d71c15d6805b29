import { seededUnit } from "./hash";
import type { RunOutcome } from "./records";

/** The share of runs that end FAILED, then COMPLETED_WITH_ERRORS, when the settings force nothing. */
export const FAILED_SHARE = 0.02;
export const COMPLETED_WITH_ERRORS_SHARE = 0.03;

/** How a run ends: the forced outcome if set, else a rare failure drawn from the seed and the run's identity. */
export function runOutcome(seed: number, identity: string, forced?: RunOutcome | null): RunOutcome {
    if (forced) return forced;
    const draw = seededUnit("outcome", seed, identity);
    if (draw < FAILED_SHARE) return "FAILED";
    if (draw < FAILED_SHARE + COMPLETED_WITH_ERRORS_SHARE) return "COMPLETED_WITH_ERRORS";
    return "COMPLETED";
}

/** What a run assesses, as runIdentity reads it: the template's account, region, name and rules packages. */
export interface AssessedTemplate {
    readonly accountId: string;
    readonly region: string;
    readonly templateName: string;
    readonly rulesPackageArns: readonly string[];
}

/**
 * What a run's seeded outcome and findings are drawn from: what it assesses, never its ARN, name or start time. An
 * ARN numbers the entities created since the last reset and a default run name holds the stack's name, so drawing
 * from them made the same program find something else on another stack, or on an emulator that had served other
 * stacks first. Every run of one template finds the same, as assessing unchanged instances with unchanged rules
 * would.
 */
export function runIdentity(template: AssessedTemplate): string {
    const { accountId, region, templateName, rulesPackageArns } = template;
    return JSON.stringify([accountId, region, templateName, [...rulesPackageArns].sort()]);
}
