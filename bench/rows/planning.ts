import { performance } from "node:perf_hooks";
import { planBatches, removalTargets } from "../../provider/enablement/plan";
import type { BenchRow } from "../row";
import { summarise } from "../stats";
import { formatMs, formatRatio, formatTiming } from "../table";

export const PLANNING_ACCOUNTS = 40_000;
const CALLER = "111122223333";

/**
 * Update planning at 40,000 accounts: the enablement's own planning functions called directly for an update
 * that keeps 30,000 accounts, removes 10,000, adds 10,000 and drops a type (removals), then plans the Enable
 * calls for the new accounts from no known status. Baseline: the same number of lookups in a Set, the linear
 * cost every comparison of account lists can have.
 */
export const planningRow: BenchRow = async (options, progress) => {
    const ids = (from: number) =>
        Array.from({ length: PLANNING_ACCOUNTS }, (_, index) => String(300_000_000_000 + from + index));
    const from = {
        accountIds: ids(0),
        resourceTypes: ["EC2", "ECR", "LAMBDA"] as ("EC2" | "ECR" | "LAMBDA")[],
    };
    const to = { accountIds: ids(10_000), resourceTypes: ["EC2", "ECR"] as ("EC2" | "ECR")[] };
    const planning: number[] = [];
    const removing: number[] = [];
    const baseline: number[] = [];
    let removals = 0;
    let batches = 0;
    for (let run = 0; run < Math.max(options.runs, 3); run++) {
        const started = performance.now();
        const removed = removalTargets(from, to);
        removing.push(performance.now() - started);
        const targets = new Map(to.accountIds.map((accountId) => [accountId, to.resourceTypes]));
        const planned = planBatches("enable", targets, new Map(), CALLER);
        planning.push(performance.now() - started);
        removals = removed.size;
        batches = planned.length;

        const lookupStarted = performance.now();
        const kept = new Set(to.accountIds);
        let found = 0;
        for (const accountId of from.accountIds) if (kept.has(accountId)) found++;
        baseline.push(performance.now() - lookupStarted + (found < 0 ? 1 : 0));
        progress(`planning run ${run + 1}: ${formatMs(planning[run])}`);
    }
    const summary = summarise(planning);
    return [
        {
            figure: "update planning, 40,000 accounts",
            measured:
                `${formatTiming(summary)}; of which removalTargets ${formatTiming(summarise(removing))} ` +
                `(${removals} removal targets), planBatches the rest (${batches} Enable calls)`,
            baseline: `40,000 Set lookups ${formatTiming(summarise(baseline))}`,
            ratio: formatRatio(summary.median / Math.max(summarise(baseline).median, 0.001)),
            target: "linear; < 100 ms",
            met: summary.median < 100,
        },
    ];
};
