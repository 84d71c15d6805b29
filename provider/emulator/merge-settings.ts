import type { EmulatorSettings, PartialSettings } from "./settings";

/**
 * `base` with `patch` laid over it: plain objects merge member by member, arrays and scalars replace. Members the
 * patch leaves out keep their identity, so caches keyed by (for example) the accounts array stay valid.
 */
export function mergeSettings(base: EmulatorSettings, patch: PartialSettings | undefined): EmulatorSettings {
    return deepMerge(base, patch) as EmulatorSettings;
}

function deepMerge(base: unknown, patch: unknown): unknown {
    if (patch === undefined) return base;
    if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) continue;
        merged[key] = deepMerge(base[key], value);
    }
    return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
