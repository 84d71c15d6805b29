import type { ServiceName } from "../service";
import type { FaultSettings } from "../settings/settings";
import { SeededRandom } from "./seeded-random";

/** What to do to one call before the service sees it. */
export interface FaultDecision {
    /** Milliseconds to wait before going on (the sum of every matching latency fault). */
    readonly latencyMs: number;
    /** A fault that replaces the answer, if one fired. */
    readonly fault?: FaultSettings;
}

/**
 * Chooses which calls get which configured faults. Draws come from a generator seeded by the settings' seed, so
 * the same sequence of calls meets the same faults on every run. Each fault entry counts its own injections
 * (entries are replaced, never edited, when settings change, so new entries start from zero).
 */
export class FaultInjector {
    private random: SeededRandom;
    private readonly injected = new WeakMap<FaultSettings, number>();

    constructor(private seed: number) {
        this.random = new SeededRandom(seed);
    }

    /** Starts the sequence again, as after a restart; a new seed starts a new sequence. */
    restart(seed: number): void {
        this.seed = seed;
        this.random = new SeededRandom(seed);
    }

    get currentSeed(): number {
        return this.seed;
    }

    decide(service: ServiceName, operation: string, faults: readonly FaultSettings[]): FaultDecision {
        let latencyMs = 0;
        for (const fault of faults) {
            // A fault that names no service is meant for Inspector, whose calls it was made for; STS is left alone.
            if (fault.service === undefined ? service === "sts" : fault.service !== service) continue;
            if (fault.operation !== "*" && fault.operation !== operation) continue;
            const injected = this.injected.get(fault) ?? 0;
            if (fault.count !== undefined && injected >= fault.count) continue;
            const probability = fault.probability ?? 1;
            // Draw only for partial probabilities, so certain faults leave the sequence of the others alone.
            if (probability < 1 && this.random.next() >= probability) continue;
            this.injected.set(fault, injected + 1);
            if (fault.kind === "latency") {
                latencyMs += fault.value ?? 0;
                continue;
            }
            return { latencyMs, fault };
        }
        return { latencyMs };
    }
}
