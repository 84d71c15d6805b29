/**
 * awsJson1_1 carries timestamps as epoch seconds (a number, fractions allowed). The emulator keeps milliseconds.
 */

export function epochSeconds(ms: number): number {
    return ms / 1000;
}

/** Milliseconds from a request's timestamp: epoch seconds as a number or numeric string, or an ISO date string. */
export function timestampMs(value: unknown): number | undefined {
    if (typeof value === "number") return value * 1000;
    if (value instanceof Date) return value.getTime();
    if (typeof value === "string" && value.trim() !== "") {
        const seconds = Number(value);
        if (Number.isFinite(seconds)) return seconds * 1000;
        const ms = Date.parse(value);
        if (Number.isFinite(ms)) return ms;
    }
    return undefined;
}
