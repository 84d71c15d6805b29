/**
 * The engine's placeholder for a value not known until the update runs (pulumi's `runtime.unknownValue`); it
 * reaches `check` and `diff` during preview in place of the real value.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True for a value that is unknown, or a list or object that holds one. */
export function containsUnknown(value: unknown): boolean {
    if (value === UNKNOWN) return true;
    if (Array.isArray(value)) return value.some(containsUnknown);
    if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
    return false;
}

const MAX_SHOWN_LENGTH = 100;

/** A value as an error message shows it: strings quoted, long values shortened, the type named when useful. */
export function describeValue(value: unknown): string {
    if (value === undefined) return "undefined";
    if (typeof value === "string") return JSON.stringify(shorten(value));
    if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
    return `${shorten(canonicalJson(value))} (${Array.isArray(value) ? "list" : typeof value})`;
}

function shorten(text: string): string {
    return text.length > MAX_SHOWN_LENGTH ? `${text.slice(0, MAX_SHOWN_LENGTH - 3)}...` : text;
}

/** JSON with object keys sorted, so equal values always give the same text (for hashing and comparing). */
export function canonicalJson(value: unknown): string {
    return JSON.stringify(sortKeys(value)) ?? "null";
}

function sortKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value !== null && typeof value === "object") {
        const sorted: Record<string, unknown> = {};
        for (const key of Object.keys(value).sort())
            sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
        return sorted;
    }
    return value;
}
