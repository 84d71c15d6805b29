import { performance } from "node:perf_hooks";
import { planBatches, removalTargets } from "../../provider/enablement/plan";
import type { BenchRow } from "../row";
import { summarise } from "../stats";
import { formatMs, formatRatio, formatTiming } from "../table";

export const PLANNING_ACCOUNTS = 40_000;
const CALLER = "111122223333";

/**
 * Update planning at 40,000 accounts: the enablement's own planning functions called directly for an update
 * that keeps 30,000 accounts, removes 10,000, adds 10,000 and drops a type. `removalTargets` is the figure of
 * issue #12 (it compared the account lists with `includes`); `planBatches` (the Enable calls for the new
 * accounts, from no known status) is reported beside it. Baseline: as many lookups in a Set, the linear cost
 * any comparison of account lists can have.
 */
export const planningRow: BenchRow = async (options, progress) => {
    const ids = (from: number) =>
        Array.from({ length: PLANNING_ACCOUNTS }, (_, index) => String(300_000_000_000 + from + index));
    const from = {
        accountIds: ids(0),
        resourceTypes: ["EC2", "ECR", "LAMBDA"] as ("EC2" | "ECR" | "LAMBDA")[],
    };
    const to = { accountIds: ids(10_000), resourceTypes: ["EC2", "ECR"] as ("EC2" | "ECR")[] };
    const removing: number[] = [];
    const batching: number[] = [];
    const baseline: number[] = [];
    let removals = 0;
    let batches = 0;
    for (let run = 0; run < Math.max(options.runs, 3); run++) {
        let started = performance.now();
        removals = removalTargets(from, to).size;
        removing.push(performance.now() - started);

        started = performance.now();
        const targets = new Map(to.accountIds.map((accountId) => [accountId, to.resourceTypes]));
        batches = planBatches("enable", targets, new Map(), CALLER).length;
        batching.push(performance.now() - started);

        started = performance.now();
        const kept = new Set(to.accountIds);
        let found = 0;
        for (const accountId of from.accountIds) if (kept.has(accountId)) found++;
        if (found !== PLANNING_ACCOUNTS - 10_000) throw new Error(`${found} accounts kept, expected 30,000`);
        baseline.push(performance.now() - started);
        progress(
            `planning run ${run + 1}: removalTargets ${formatMs(removing[run])}, planBatches ${formatMs(batching[run])}`,
        );
    }
    const removal = summarise(removing);
    const batch = summarise(batching);
    const lookups = summarise(baseline);
    return [
        {
            figure: "update planning (removalTargets), 40,000 accounts",
            measured: `${formatTiming(removal)}; ${removals} removal targets`,
            baseline: `40,000 Set lookups ${formatTiming(lookups)}`,
            ratio: formatRatio(removal.median / Math.max(lookups.median, 0.001)),
            target: "linear; < 100 ms",
            met: removal.median < 100,
        },
        {
            figure: "Enable planning (planBatches), 40,000 accounts",
            measured: `${formatTiming(batch)}; ${batches} Enable calls`,
            baseline: `40,000 Set lookups ${formatTiming(lookups)}`,
            ratio: formatRatio(batch.median / Math.max(lookups.median, 0.001)),
            target: "linear (not in the issue's table)",
        },
    ];
};
