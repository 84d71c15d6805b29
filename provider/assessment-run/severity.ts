import type { FailOnSeverity } from "./args";

/** The severities Inspector counts findings in, as DescribeAssessmentRuns names them. */
export const SEVERITIES = ["High", "Medium", "Low", "Informational", "Undefined"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The severities a gate can name, most severe first. Undefined has no rank, so it is not among them. */
export const RANKED_SEVERITIES: readonly FailOnSeverity[] = ["High", "Medium", "Low", "Informational"];

/** Finding counts for every severity, zero where Inspector reported none. */
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

/** A threshold in its canonical letter case, or undefined when the text names no ranked severity. */
export function parseSeverity(text: string): FailOnSeverity | undefined {
    return RANKED_SEVERITIES.find((severity) => severity.toLowerCase() === text.toLowerCase());
}

/** Counts as messages show them: `High 3, Medium 0, Low 1, Informational 0, Undefined 0`. */
export function formatCounts(counts: FindingCounts): string {
    return SEVERITIES.map((severity) => `${severity} ${counts[severity]}`).join(", ");
}
