import { EnableCommand } from "@aws-sdk/client-inspector2";
import { SkippingClock } from "../clock";
import { createEnablement } from "../enablement";
import { callFloor, readsOnlyUnsettled, statusRounds } from "../figures";
import type { BenchRow } from "../row";
import { formatRatio } from "../table";
import { accountSettings, BenchWorld, memberIds, REGION } from "../world";

export const CALL_SIZES = [1, 100, 1_000, 10_000] as const;

/** Long enough for several status rounds under the provider's schedule. */
export const CALLS_ENABLING_MS = 20_000;

/**
 * Calls / floor: one create of N member accounts (EC2 + ECR) with a 20 s transition, on the clock that skips
 * pauses (the counts do not depend on the clock); calls counted by the emulator, rounds and accounts per round
 * from the provider's commands between its pauses. Whether rounds read only unsettled accounts shows when
 * accounts settle at different times: a second create over the same accounts, half of them enabled (and
 * settled) beforehand, so that only the other half is still to settle after the first read.
 */
export const callsRow: BenchRow = async (_options, progress) => {
    const rows = [];
    for (const size of CALL_SIZES) {
        const clock = new SkippingClock();
        const members = memberIds(size);
        const world = await BenchWorld.start(
            {
                accounts: accountSettings(members),
                delays: { enablingMs: CALLS_ENABLING_MS, disablingMs: 1_000 },
            },
            { now: clock.now },
        );
        try {
            const started = Date.now();
            await createEnablement(world.context(clock), members);
            const counts = world.callCounts();
            const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
            if (total >= 10_000)
                throw new Error("the emulator's call log is full: the counts would be short");
            const rounds = statusRounds(world.sent, world.pausesAfter);
            const floor = callFloor(size, rounds.length);
            const value = total / floor;
            const of = (operation: string) => counts.get(operation) ?? 0;
            progress(
                `calls N=${size}: ${total} calls, floor ${floor}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
            );
            rows.push({
                figure: `calls / floor, N = ${size.toLocaleString("en-US")}`,
                measured:
                    `${total} calls (${of("GetCallerIdentity")} identity, ${of("Enable")} Enable, ` +
                    `${of("BatchGetAccountStatus")} status in ${rounds.length} rounds)`,
                baseline: `floor ${floor}`,
                ratio: formatRatio(value),
                target: "≤ 1.1",
                met: value <= 1.1,
            });
            if (size < 2) continue;
            world.emulator.admin.reset();
            world.clearRecord();
            const adopted = members.slice(0, size / 2);
            const context = world.context(clock);
            for (let start = 0; start < adopted.length; start += 100) {
                await context.clients.inspector2(REGION).send(
                    new EnableCommand({
                        accountIds: adopted.slice(start, start + 100),
                        resourceTypes: ["EC2", "ECR"],
                    }),
                );
            }
            await clock.sleep(CALLS_ENABLING_MS);
            world.clearRecord();
            await createEnablement(context, members);
            const mixed = statusRounds(world.sent, world.pausesAfter);
            rows.push({
                figure: `accounts read per status round, N = ${size.toLocaleString("en-US")}, half settled before`,
                measured: mixed.map((round) => round.read).join(" → "),
                baseline: `unsettled found: ${mixed.map((round) => round.unsettled).join(" → ")}`,
                ratio: "",
                target: "only unsettled accounts",
                met: readsOnlyUnsettled(mixed),
            });
        } finally {
            await world.close();
        }
    }
    return rows;
};
