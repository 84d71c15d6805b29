import { canonicalJson } from "../core/canonical";

/**
 * The detailed diff a provider plugin returns: for each changed property path, whether it is added, deleted or
 * updated, and whether that forces a replacement. Lists that are sets are compared by member, so a preview reads
 * `+ [2]: "LAMBDA_CODE"` and `- [1]: "ECR"` (the index in the new list for an addition, in the old list for a
 * removal) instead of renames by position. The engine shows one change per index, so where a removal and an
 * addition share one it shows `~ [1]: "ECR" => "LAMBDA_CODE"`; members that only moved are not shown.
 */

/** The kinds of `pulumirpc.PropertyDiff.Kind`, by name. */
export type PropertyChange = "add" | "delete" | "update";

export interface PropertyDiff {
    readonly change: PropertyChange;
    readonly replace: boolean;
}

export interface DiffOptions {
    /** The properties to compare (the resource's inputs). */
    readonly keys: readonly string[];
    /** Those of `keys` that are sets. */
    readonly sets: readonly string[];
    /** Those of `keys` whose change replaces the resource. */
    readonly replaces: readonly string[];
}

/** The changed paths between the recorded `olds` and the checked `news`, by path (`accountIds[3]`). */
export function detailedDiff(
    olds: Readonly<Record<string, unknown>>,
    news: Readonly<Record<string, unknown>>,
    options: DiffOptions,
): Record<string, PropertyDiff> {
    const diff: Record<string, PropertyDiff> = {};
    for (const key of options.keys) {
        const [before, after] = [olds[key], news[key]];
        if (canonicalJson(before ?? null) === canonicalJson(after ?? null)) continue;
        const replace = options.replaces.includes(key);
        if (options.sets.includes(key) && Array.isArray(before) && Array.isArray(after)) {
            const changes = setChanges(before, after);
            for (const index of changes.removed) diff[`${key}[${index}]`] = { change: "delete", replace };
            // The engine shows one change per index: a member removed where another is added reads as an update.
            for (const index of changes.added) {
                const removed = diff[`${key}[${index}]`] !== undefined;
                diff[`${key}[${index}]`] = { change: removed ? "update" : "add", replace };
            }
            continue;
        }
        const change = before === undefined ? "add" : after === undefined ? "delete" : "update";
        diff[key] = { change, replace };
    }
    return diff;
}

/** The indexes of the members of `before` missing from `after`, and of those of `after` new to it. */
export function setChanges(
    before: readonly unknown[],
    after: readonly unknown[],
): { removed: number[]; added: number[] } {
    const keysOf = (list: readonly unknown[]) => list.map((member) => canonicalJson(member));
    const [oldKeys, newKeys] = [keysOf(before), keysOf(after)];
    const [oldSet, newSet] = [new Set(oldKeys), new Set(newKeys)];
    return {
        removed: oldKeys.flatMap((key, index) => (newSet.has(key) ? [] : [index])),
        added: newKeys.flatMap((key, index) => (oldSet.has(key) ? [] : [index])),
    };
}
