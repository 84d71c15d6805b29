/** Minimum and median of repeated measurements: the figures every timing of the bench is reported with. */
export interface Summary {
    readonly min: number;
    readonly median: number;
    readonly runs: number;
}

/** The minimum and the median (mean of the two middle values for an even count) of at least one value. */
export function summarise(values: readonly number[]): Summary {
    if (values.length === 0) throw new RangeError("summarise needs at least one value");
    if (values.some((value) => !Number.isFinite(value))) {
        throw new RangeError(`summarise needs finite values, got ${values.join(", ")}`);
    }
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return { min: sorted[0], median, runs: sorted.length };
}

/** `numerator / denominator`, refusing a zero or negative denominator (a ratio to nothing means nothing). */
export function ratio(numerator: number, denominator: number): number {
    if (!(denominator > 0))
        throw new RangeError(`ratio ${numerator} / ${denominator}: the denominator must be > 0`);
    return numerator / denominator;
}
