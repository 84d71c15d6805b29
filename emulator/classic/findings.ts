import { seededBytes } from "./hash";
import { SEVERITIES, type FindingCounts, type Severity } from "./records";

/** The most findings of each severity a run reports: few severe ones, more informational ones. */
export const MAX_FINDINGS: Readonly<Record<Severity, number>> = {
    High: 3,
    Medium: 6,
    Low: 10,
    Informational: 15,
    Undefined: 0,
};

export function noFindings(): FindingCounts {
    return { High: 0, Medium: 0, Low: 0, Informational: 0, Undefined: 0 };
}

/**
 * Finding counts drawn from the seed and the run's identity (see runIdentity); a run without rules packages finds
 * nothing.
 */
export function derivedFindingCounts(
    seed: number,
    identity: string,
    rulesPackageCount: number,
): FindingCounts {
    if (rulesPackageCount === 0) return noFindings();
    const bytes = seededBytes("findings", seed, identity);
    const counts = noFindings();
    SEVERITIES.forEach((severity, index) => {
        counts[severity] = bytes[index] % (MAX_FINDINGS[severity] + 1);
    });
    return counts;
}

/** The forced counts (a severity left out counts 0) when set, else the derived ones. */
export function runFindingCounts(
    derived: FindingCounts,
    forced?: Readonly<Partial<Record<Severity, number>>> | null,
): FindingCounts {
    if (!forced) return derived;
    const counts = noFindings();
    for (const severity of SEVERITIES) counts[severity] = forced[severity] ?? 0;
    return counts;
}
