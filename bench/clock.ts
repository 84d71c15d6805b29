/**
 * A clock for the provider and the emulator together that skips the provider's pauses: `sleep(ms)` moves the
 * clock on by `ms` at once instead of waiting, while real time spent in calls still counts. A provider that
 * takes its clock and sleep from the context (every lifecycle does) then behaves exactly as under the real
 * clock, so a two-minute transition is measured in the time its calls take.
 */
export class SkippingClock {
    private skippedMs = 0;
    /** The pauses asked for, in order, in milliseconds. */
    readonly pauses: number[] = [];

    constructor(private readonly realNow: () => number = Date.now) {}

    readonly now = (): number => this.realNow() + this.skippedMs;

    readonly sleep = async (ms: number): Promise<void> => {
        const pause = Math.max(0, ms);
        this.pauses.push(pause);
        this.skippedMs += pause;
        // Still yield, as a real pause would, so that other work (the emulator's server) gets its turn.
        await new Promise((resolve) => setImmediate(resolve));
    };
}

/** The real clock, with the same record of pauses. */
export class RealClock {
    readonly pauses: number[] = [];
    readonly now = (): number => Date.now();
    readonly sleep = (ms: number): Promise<void> => {
        this.pauses.push(Math.max(0, ms));
        return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
    };
}

export type BenchClock = SkippingClock | RealClock;
