import { createHash } from "node:crypto";

/**
 * SHA-256 over the parts, separated so that ("ab", "c") and ("a", "bc") differ. Every seeded choice of the
 * Classic emulator (ids, outcomes, finding counts, agents) comes from here, so the same seed repeats exactly.
 */
export function seededBytes(...parts: readonly (string | number)[]): Buffer {
    return createHash("sha256").update(parts.map(String).join("\u0000")).digest();
}

/** A number in [0, 1) drawn from the parts. */
export function seededUnit(...parts: readonly (string | number)[]): number {
    return seededBytes(...parts).readUInt32BE(0) / 2 ** 32;
}
