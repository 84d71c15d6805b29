/**
 * What the HTTP server tolerates from a client. Inspector and STS requests are small and sent at once, so the
 * limits only ever stop a broken or hostile client.
 */
export interface ServerLimits {
    /** Bodies above this are refused with 413: a declared length before a byte is read, a chunked one on the way. */
    readonly maxBodyBytes: number;
    /** The request line and headers must all arrive within this (from the connection or the previous request). */
    readonly headersTimeoutMs: number;
    /** The whole request, body included, must arrive within this; the time the emulator takes to answer is not counted. */
    readonly requestTimeoutMs: number;
    /** A body that stops arriving for this long is abandoned with 408. */
    readonly bodyIdleTimeoutMs: number;
}

/** The HTTP server's limits when `limits` leaves them out: 4 MiB bodies, 10 s for headers, 30 s a request, 10 s of a silent body. */
export const DEFAULT_LIMITS: ServerLimits = {
    maxBodyBytes: 4 * 1024 * 1024,
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 30_000,
    bodyIdleTimeoutMs: 10_000,
};

/** The defaults with `overrides` applied; throws on a limit that is not a positive integer or out of order. */
export function serverLimits(overrides: Partial<ServerLimits> = {}): ServerLimits {
    const limits = { ...DEFAULT_LIMITS, ...overrides };
    for (const [name, value] of Object.entries(limits)) {
        if (!Number.isSafeInteger(value) || value <= 0) {
            throw new Error(`limits.${name} ${String(value)} must be a positive integer`);
        }
    }
    if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
        throw new Error(
            `limits.headersTimeoutMs ${limits.headersTimeoutMs} must not exceed limits.requestTimeoutMs ${limits.requestTimeoutMs}`,
        );
    }
    return limits;
}
