import { seededBytes } from "./hash";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Eight letters and digits drawn from the parts, as after `0-` in an Inspector Classic ARN. */
export function idFrom(...parts: readonly (string | number)[]): string {
    const bytes = seededBytes(...parts);
    let id = "";
    for (let i = 0; i < 8; i++) id += ALPHABET[bytes[i] % ALPHABET.length];
    return id;
}

/** The id of the `counter`-th entity created since the last reset: the same seed gives the same ARNs. */
export function entityId(seed: number, counter: number): string {
    return idFrom("entity", seed, counter);
}
