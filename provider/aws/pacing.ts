/**
 * Back-off and concurrency shared by every resource in one provider process, per service and region. The SDK
 * clients are already shared (clients.ts), so their adaptive rate limiter is too; this adds what the SDK does
 * not: when one resource is throttled beyond the SDK's retries, all of them pause, and no more than a few calls
 * run at once, so twenty resources applied in parallel do not storm one account's API limits.
 */
export class RegionGate {
    private pausedUntil = 0;
    private running = 0;
    private readonly waiting: (() => void)[] = [];

    constructor(private readonly maxConcurrentCalls: number) {}

    /** Runs `call` once a slot is free and any shared pause is over. */
    async run<T>(call: () => Promise<T>): Promise<T> {
        await this.acquire();
        try {
            for (let wait = this.pausedUntil - Date.now(); wait > 0; wait = this.pausedUntil - Date.now()) {
                await new Promise((resolve) => setTimeout(resolve, wait));
            }
            return await call();
        } finally {
            this.release();
        }
    }

    /** Holds back every call through this gate for `ms` (from now), unless a longer pause is already set. */
    pause(ms: number): void {
        this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
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
