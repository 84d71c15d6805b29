/**
 * Concurrency and a shared pause, per service and region, for every resource in one provider process: no more
 * than a few calls run at once, so twenty resources applied in parallel do not storm one account's API limits;
 * and while throttling persists (a call throttled again and again) every call of the region holds back for a
 * moment. The pause ends at once when a call gets through, so a call throttled now and then never slows the
 * calls that follow it.
 */
export class RegionGate {
    private pausedUntil = 0;
    private running = 0;
    private readonly waiting: (() => void)[] = [];

    constructor(private readonly maxConcurrentCalls: number) {}

    /**
     * Runs `call` once a slot is free and any shared pause is over, waiting with the caller's clock and sleep (a
     * lifecycle context's, which tests count). A call that succeeds ends the shared pause.
     */
    async run<T>(call: () => Promise<T>, clock: GateClock = REAL_CLOCK): Promise<T> {
        await this.acquire();
        try {
            const wait = this.pausedUntil - clock.now();
            if (wait > 0) await clock.sleep(wait);
            const result = await call();
            this.pausedUntil = 0;
            return result;
        } finally {
            this.release();
        }
    }

    /** Holds back every call through this gate for `ms` (from `now`), unless a longer pause is already set. */
    pause(ms: number, now: number = Date.now()): void {
        this.pausedUntil = Math.max(this.pausedUntil, now + ms);
    }

    /** Whether calls are being held back at `now`. */
    isPaused(now: number = Date.now()): boolean {
        return this.pausedUntil > now;
    }

    private acquire(): Promise<void> {
        if (this.running < this.maxConcurrentCalls) {
            this.running++;
            return Promise.resolve();
        }
        return new Promise((resolve) => this.waiting.push(resolve));
    }

    private release(): void {
        const next = this.waiting.shift();
        if (next) next();
        else this.running--;
    }
}

/** The clock a gate waits with: a lifecycle context's `now` and `sleep`. */
export interface GateClock {
    readonly now: () => number;
    readonly sleep: (ms: number) => Promise<void>;
}

const REAL_CLOCK: GateClock = {
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Calls in flight per region and process: enough to poll 1,000 accounts briskly, few enough not to throttle. */
export const MAX_CONCURRENT_CALLS_PER_REGION = 4;

const gates = new Map<string, RegionGate>();

/** The gate of one service (the SDK's service ID, such as `inspector2`) in one region. */
export function regionGate(service: string, region: string): RegionGate {
    const key = `${service}:${region}`;
    let gate = gates.get(key);
    if (!gate) {
        gate = new RegionGate(MAX_CONCURRENT_CALLS_PER_REGION);
        gates.set(key, gate);
    }
    return gate;
}
