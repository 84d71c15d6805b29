import type { EmulatorSettings, PartialSettings } from "./settings";

/**
 * Objects that are one value rather than a group of settings: a patch replaces them whole. Forced finding counts
 * say "these counts, the rest 0", so `{ High: 2 }` after `{ Medium: 5 }` must not keep the Medium.
 */
const WHOLE_VALUES = new Set(["classic.findingCounts"]);

/**
 * `base` with `patch` laid over it: plain objects merge member by member, arrays, scalars and the whole values
 * above replace. Members the patch leaves out keep their identity, so caches keyed by (for example) the accounts
 * array stay valid.
 */
export function mergeSettings(base: EmulatorSettings, patch: PartialSettings | undefined): EmulatorSettings {
    return deepMerge(base, patch, "") as EmulatorSettings;
}

function deepMerge(base: unknown, patch: unknown, path: string): unknown {
    if (patch === undefined) return base;
    if (!isPlainObject(base) || !isPlainObject(patch) || WHOLE_VALUES.has(path)) return patch;
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) continue;
        merged[key] = deepMerge(base[key], value, path ? `${path}.${key}` : key);
    }
    return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
