import { createHash } from "node:crypto";

/**
 * JSON with object keys sorted, so equal values always give the same text: what diffs compare and what derived
 * names, tokens and IDs are hashed from.
 */
export function canonicalJson(value: unknown): string {
    return JSON.stringify(sortKeys(value)) ?? "null";
}

/** The SHA-256 of a value's canonical JSON, in hex: stable across processes, machines and key orders. */
export function digest(value: unknown): string {
    return createHash("sha256").update(canonicalJson(value)).digest("hex");
}

function sortKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value !== null && typeof value === "object") {
        const sorted: Record<string, unknown> = {};
        for (const key of Object.keys(value).sort()) {
            sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
        }
        return sorted;
    }
    return value;
}
