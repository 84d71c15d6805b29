import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EnableCommand } from "@aws-sdk/client-inspector2";
import { RealClock } from "../clock";
import type { BenchRow } from "../row";
import { formatBytes, formatRatio } from "../table";
import { ADMINISTRATOR, BenchWorld, REGION } from "../world";

export const STATE_MUTATIONS = 10_000;
const CONCURRENCY = 8;
const MIB = 1024 * 1024;

/** Bytes this process has handed to write(2) so far (files and sockets alike): `wchar` of /proc/self/io. */
function bytesWritten(): number {
    const match = /^wchar:\s*(\d+)$/m.exec(readFileSync("/proc/self/io", "utf8"));
    if (!match) throw new Error("no wchar line in /proc/self/io");
    return Number(match[1]);
}

function bytesIn(directory: string): number {
    return readdirSync(directory).reduce((total, name) => total + statSync(join(directory, name)).size, 0);
}

/** 10,000 Enable calls over HTTP, each with its own token, from a few callers at once; bytes written meanwhile. */
async function enables(stateFile: string | undefined): Promise<{ written: number; onDisk: number }> {
    const world = await BenchWorld.start(
        { delays: { enablingMs: 0, disablingMs: 0 } },
        stateFile ? { stateFile } : {},
    );
    const client = world.context(new RealClock()).clients.inspector2(REGION);
    let onDisk = 0;
    try {
        const before = bytesWritten();
        let next = 0;
        const caller = async () => {
            for (let call = next++; call < STATE_MUTATIONS; call = next++) {
                await client.send(
                    new EnableCommand({
                        accountIds: [ADMINISTRATOR],
                        resourceTypes: ["EC2"],
                        clientToken: `bench-${call}`,
                    }),
                );
            }
        };
        await Promise.all(Array.from({ length: CONCURRENCY }, caller));
        const written = bytesWritten() - before;
        const executed = world.emulator.admin.mutations().length;
        if (executed !== STATE_MUTATIONS)
            throw new Error(`${executed} Enables executed, not ${STATE_MUTATIONS}`);
        if (stateFile) onDisk = bytesIn(join(stateFile, ".."));
        return { written, onDisk };
    } finally {
        await world.close();
    }
}

/**
 * The emulator's state file after 10,000 Enables (10,000 client tokens to remember): its size on disk (state
 * file and journal) and the bytes written per mutation, which is what this process wrote with a state file less
 * what the same calls write without one (the HTTP traffic).
 */
export const emulatorStateRow: BenchRow = async (_options, progress) => {
    const directory = mkdtempSync(join(tmpdir(), "pulumi-inspector-bench-state-"));
    try {
        const plain = await enables(undefined);
        progress(`emulator-state without a state file: ${formatBytes(plain.written)} written`);
        const persisted = await enables(join(directory, "state.json"));
        progress(
            `emulator-state with a state file: ${formatBytes(persisted.written)} written, ${formatBytes(persisted.onDisk)} on disk`,
        );
        const closedSize = bytesIn(directory);
        const perMutation = (persisted.written - plain.written) / STATE_MUTATIONS;
        return [
            {
                figure: "emulator state after 10,000 Enables: size",
                measured: `${formatBytes(persisted.onDisk)} on disk (state + journal); ${formatBytes(closedSize)} after close`,
                baseline: "",
                ratio: formatRatio(persisted.onDisk / (5 * MIB)) + " of 5 MiB",
                target: "a few MB at most",
                met: persisted.onDisk <= 5 * MIB,
            },
            {
                figure: "emulator state: bytes written per mutation",
                measured: `${formatBytes(perMutation)} per Enable`,
                baseline: `HTTP alone ${formatBytes(plain.written / STATE_MUTATIONS)} per Enable`,
                ratio:
                    formatRatio(perMutation / Math.max(1, persisted.onDisk / STATE_MUTATIONS)) +
                    " of state / N",
                target: "amortised O(1)",
                met: perMutation <= 16 * Math.max(1, persisted.onDisk / STATE_MUTATIONS),
            },
        ];
    } finally {
        rmSync(directory, { recursive: true, force: true });
    }
};
