/**
 * The state a resource costs, measured generically from what the provider host returned, so that the figure
 * follows whatever shape the outputs take: compact JSON of the stored inputs plus the stored outputs, as the
 * engine keeps both in the checkpoint.
 */

/** The serialised provider the host adds to inputs and outputs: the same few hundred bytes for any N. */
export const PROVIDER_KEY = "__provider";

/** Bytes of the compact JSON (UTF-8) of `properties`, without the serialised provider. */
export function compactBytes(properties: Readonly<Record<string, unknown>>): number {
    const rest = Object.fromEntries(Object.entries(properties).filter(([key]) => key !== PROVIDER_KEY));
    return Buffer.byteLength(JSON.stringify(rest), "utf8");
}

export interface StateSize {
    readonly totalBytes: number;
    readonly bytesPerAccount: number;
}

/** Stored inputs plus stored outputs, in all and per account. */
export function stateSize(
    inputs: Readonly<Record<string, unknown>>,
    outputs: Readonly<Record<string, unknown>>,
    accounts: number,
): StateSize {
    if (!Number.isInteger(accounts) || accounts < 1) throw new RangeError(`accounts ${accounts} must be ≥ 1`);
    const totalBytes = compactBytes(inputs) + compactBytes(outputs);
    return { totalBytes, bytesPerAccount: totalBytes / accounts };
}
