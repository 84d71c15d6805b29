/** `20240102T030405Z`, the basic ISO 8601 form SigV4 dates take. */
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Milliseconds since the epoch of an `X-Amz-Date` value, or undefined when it is not one. */
export function parseAmzDate(text: string): number | undefined {
    const match = AMZ_DATE.exec(text);
    if (!match) return undefined;
    const [, year, month, day, hour, minute, second] = match.map(Number);
    const time = Date.UTC(year, month - 1, day, hour, minute, second);
    const check = new Date(time);
    // Reject dates such as 20240230 that Date.UTC would roll over into the next month.
    if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
    return time;
}

export function formatAmzDate(time: number): string {
    return new Date(time)
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "");
}
