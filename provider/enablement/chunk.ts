import { MAX_ACCOUNTS_PER_CALL } from "./defaults";

/** Splits a list into consecutive pieces of at most `size` items (Inspector takes 100 accounts per call). */
export function chunk<T>(items: readonly T[], size: number = MAX_ACCOUNTS_PER_CALL): T[][] {
    if (!Number.isInteger(size) || size < 1)
        throw new RangeError(`chunk size ${size} is not a whole number above 0`);
    const pieces: T[][] = [];
    for (let start = 0; start < items.length; start += size) pieces.push(items.slice(start, start + size));
    return pieces;
}
