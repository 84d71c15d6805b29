import { RealClock } from "../clock";
import { createEnablement } from "../enablement";
import type { BenchRow } from "../row";
import { summarise } from "../stats";
import { formatRatio, formatTiming } from "../table";
import { accountSettings, BenchWorld, memberIds } from "../world";

const SIZE = 1_000;
const ENABLING_MS = 2_000;
/** 10 % of Inspector's calls (all operations) answered ThrottlingException. */
const THROTTLING = [{ operation: "*", kind: "throttle", probability: 0.1 }] as const;

/**
 * 10 % throttling at N = 1,000: wall time of the create against the same create unthrottled, run alternately on
 * the real clock (the SDK's retry pauses are real), and Enable executions per idempotency token sent.
 */
export const throttlingRow: BenchRow = async (options, progress) => {
    const members = memberIds(SIZE);
    const clock = new RealClock();
    const world = await BenchWorld.start({
        accounts: accountSettings(members),
        delays: { enablingMs: ENABLING_MS, disablingMs: 1_000 },
    });
    const plain: number[] = [];
    const throttled: number[] = [];
    let executions = 0;
    let tokens = 0;
    let throttles = 0;
    try {
        for (let run = 0; run < options.runs; run++) {
            for (const faulty of [false, true]) {
                world.emulator.admin.reset();
                world.emulator.admin.updateSettings({
                    seed: 42 + run,
                    faults: faulty ? [...THROTTLING] : [],
                });
                // Every run is a new `pulumi up`: a new provider process, new clients, a fresh rate limiter.
                world.resetClients();
                world.clearRecord();
                const started = Date.now();
                await createEnablement(world.context(clock), members);
                const elapsed = Date.now() - started;
                (faulty ? throttled : plain).push(elapsed);
                if (faulty) {
                    executions += world.emulator.admin
                        .mutations()
                        .filter((m) => m.operation === "Enable").length;
                    tokens += new Set(
                        world.sent.filter((c) => c.operation === "Enable").map((c) => c.clientToken),
                    ).size;
                    throttles += world.emulator.admin
                        .calls()
                        .filter((c) => c.errorCode === "ThrottlingException").length;
                }
                progress(
                    `throttling run ${run + 1} ${faulty ? "throttled" : "plain"}: ${(elapsed / 1000).toFixed(1)} s`,
                );
            }
        }
    } finally {
        await world.close();
    }
    const plainSummary = summarise(plain);
    const throttledSummary = summarise(throttled);
    const slowdown = throttledSummary.median / plainSummary.median;
    return [
        {
            figure: "10 % throttling, N = 1,000: wall time",
            measured: `${formatTiming(throttledSummary)}, ${throttles} throttled answers`,
            baseline: `unthrottled ${formatTiming(plainSummary)}`,
            ratio: `${formatRatio(slowdown)} median, ${formatRatio(throttledSummary.min / plainSummary.min)} min`,
            target: "≤ × 1.5",
            met: slowdown <= 1.5,
        },
        {
            figure: "10 % throttling, N = 1,000: Enable executions per token",
            measured: `${executions} executions`,
            baseline: `${tokens} tokens sent`,
            ratio: (executions / tokens).toFixed(2),
            target: "≤ 1 (no Enable executed twice)",
            met: executions <= tokens,
        },
    ];
};
