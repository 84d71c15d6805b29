import { invalidInput, type InvalidInputErrorCode } from "./errors";
import { timestampMs } from "./wire";

/** An inclusive range; a missing bound is open. */
export interface Range {
    readonly min?: number;
    readonly max?: number;
}

export interface DurationRangeInput {
    readonly minSeconds?: number;
    readonly maxSeconds?: number;
}

export interface TimestampRangeInput {
    readonly beginDate?: unknown;
    readonly endDate?: unknown;
}

export function inRange(range: Range | undefined, value: number | undefined): boolean {
    if (!range) return true;
    if (value === undefined) return false;
    return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}

export function durationRange(
    input: DurationRangeInput | undefined,
    property: string,
    errorCode: InvalidInputErrorCode,
): Range | undefined {
    if (!input) return undefined;
    const { minSeconds, maxSeconds } = input;
    if (minSeconds !== undefined && maxSeconds !== undefined && minSeconds > maxSeconds) {
        throw invalidInput(
            errorCode,
            `${property}.minSeconds ${minSeconds} is greater than ${property}.maxSeconds ${maxSeconds}: the minimum must not exceed the maximum`,
        );
    }
    return { min: minSeconds, max: maxSeconds };
}

function bound(value: unknown, property: string, errorCode: InvalidInputErrorCode): number | undefined {
    if (value === undefined || value === null) return undefined;
    const ms = timestampMs(value);
    if (ms === undefined) {
        throw invalidInput(
            errorCode,
            `${property} ${JSON.stringify(value)} is not a timestamp: send epoch seconds`,
        );
    }
    return Math.round(ms / 1000);
}

/**
 * A timestamp range in whole epoch seconds: the SDKs round the filter's dates to seconds, so times compare at
 * that precision too (see `secondsOf`).
 */
export function timeRange(
    input: TimestampRangeInput | undefined,
    property: string,
    errorCode: InvalidInputErrorCode,
): Range | undefined {
    if (!input) return undefined;
    const min = bound(input.beginDate, `${property}.beginDate`, errorCode);
    const max = bound(input.endDate, `${property}.endDate`, errorCode);
    if (min !== undefined && max !== undefined && min > max) {
        throw invalidInput(
            errorCode,
            `${property}.beginDate ${new Date(min * 1000).toISOString()} is after ${property}.endDate ${new Date(max * 1000).toISOString()}: the range must not end before it begins`,
        );
    }
    return { min, max };
}

/** A stored time (ms) at the precision time ranges compare at. */
export function secondsOf(ms: number | undefined): number | undefined {
    return ms === undefined ? undefined : Math.round(ms / 1000);
}
