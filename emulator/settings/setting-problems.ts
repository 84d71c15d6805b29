/** What every settings check shares: how a problem is reported, and the checks of an object's shape. */

/** Reports one problem: the setting's path, its value and the rule it breaks. */
export type ProblemReporter = (path: string, value: unknown, rule: string) => void;

/** Reports each key of `value` that is not among `known`, naming the known ones. */
export function unknownKeys(
    path: string,
    value: Record<string, unknown>,
    known: readonly string[],
    report: ProblemReporter,
): void {
    for (const key of Object.keys(value)) {
        if (!known.includes(key))
            report(`${path}.${key}`, value[key], `is not a setting; known: ${known.join(", ")}`);
    }
}

/** A plain object (not null, not a list). */
export function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
