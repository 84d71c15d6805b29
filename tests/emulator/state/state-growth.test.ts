import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EnableCommand } from "@aws-sdk/client-inspector2";
import { CLIENT_TOKEN_WINDOW_MS, DEFAULT_SETTINGS, startEmulator } from "../../../emulator";
import { EmulatorRuntime } from "../../../emulator/emulator-runtime";
import { createInspectorServices } from "../../../emulator/real-services";
import type { Caller } from "../../../emulator/service";
import { mergeSettings } from "../../../emulator/settings/merge-settings";
import { PersistentState } from "../../../emulator/state/persistent-state";
import { readStateFile } from "../../../emulator/state/state-file";
import { inspector2Client } from "../support/sdk-clients";

const MB = 1024 * 1024;
const ADMINISTRATOR: Caller = {
    accountId: "111122223333",
    accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    region: "us-east-1",
};
const ACCOUNTS = ["111122223333", "444455556666", "777788889999", "123456789012"];

/** Bytes of the state file and its journal together. */
function bytesOnDisk(directory: string): number {
    return readdirSync(directory).reduce((total, name) => total + statSync(join(directory, name)).size, 0);
}

/** Client tokens the state on disk remembers. */
function tokensOnDisk(stateFile: string): number {
    const state = readStateFile(stateFile) as unknown as { services: { inspector2: { tokens: object } } };
    return Object.keys(state.services.inspector2.tokens).length;
}

describe("emulator state file growth", () => {
    let directory: string;
    let stateFile: string;
    beforeEach(() => {
        // Memory-backed where there is one: these tests count bytes, and 10,000 fsyncs on a disk take a while.
        directory = mkdtempSync(
            join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "inspector-emulator-growth-"),
        );
        stateFile = join(directory, "state.json");
    });
    afterEach(() => rmSync(directory, { recursive: true, force: true }));

    it("stays at a few MB after 10,000 Enable calls (the service layer, persisted as the server does), with amortised writes", async () => {
        let now = Date.parse("2026-06-01T00:00:00Z");
        const state = new PersistentState(stateFile);
        const settings = mergeSettings(DEFAULT_SETTINGS, { delays: { enablingMs: 0 } });
        const runtime = new EmulatorRuntime(settings, () => now, createInspectorServices);
        runtime.seedDefaults();
        state.start(runtime);
        const inspector2 = runtime.service("inspector2");
        let largest = 0;
        for (let call = 0; call < 10_000; call++) {
            await inspector2.handle(
                "Enable",
                { accountIds: [ACCOUNTS[call % 4]], resourceTypes: ["EC2"], clientToken: `enable-${call}` },
                ADMINISTRATOR,
            );
            // What the HTTP server does after every call that changed something, before answering.
            state.record(runtime);
            now += 1;
            if (call % 250 === 249) largest = Math.max(largest, bytesOnDisk(directory));
        }
        assert.equal(runtime.log.mutationCount, 10_000);
        // Every token of the last 24 hours exists, and is on disk.
        assert.equal(tokensOnDisk(stateFile), 10_000);
        assert.ok(largest < 5 * MB, `${largest} bytes on disk at most`);
        const { appends, compactions, bytesWritten } = state.writes;
        assert.equal(appends, 10_000);
        // Amortised: the snapshot is rewritten a few times, not 10,000 times (which would be gigabytes).
        assert.ok(compactions < 20, `${compactions} compactions`);
        assert.ok(bytesWritten < 40 * MB, `${bytesWritten} bytes written in all`);

        // A day later the tokens have expired: the next change leaves only what exists.
        now += CLIENT_TOKEN_WINDOW_MS;
        await inspector2.handle("Enable", { resourceTypes: ["ECR"], clientToken: "next-day" }, ADMINISTRATOR);
        state.record(runtime);
        assert.equal(tokensOnDisk(stateFile), 1);
        state.close(runtime);
        assert.deepEqual(readdirSync(directory), ["state.json"]);
        assert.ok(bytesOnDisk(directory) < 64 * 1024, `${bytesOnDisk(directory)} bytes after expiry`);
    });

    it("grows by a few hundred bytes per remembered token through the real SDK, and by nothing for a replay", async () => {
        const emulator = await startEmulator({ stateFile, settings: { delays: { enablingMs: 0 } } });
        try {
            const client = inspector2Client(emulator);
            const before = bytesOnDisk(directory);
            for (let call = 0; call < 300; call++) {
                await client.send(
                    new EnableCommand({ accountIds: [ACCOUNTS[call % 4]], resourceTypes: ["EC2"] }),
                );
            }
            const grown = bytesOnDisk(directory) - before;
            assert.equal(tokensOnDisk(stateFile), 300);
            assert.ok(grown / 300 < 600, `${grown / 300} bytes per call`);
            const replayed = bytesOnDisk(directory);
            for (let call = 0; call < 20; call++) {
                await client.send(new EnableCommand({ resourceTypes: ["EC2"], clientToken: "same" }));
            }
            // One token, one record; the 19 replays change nothing.
            assert.ok(bytesOnDisk(directory) - replayed < 1024, `${bytesOnDisk(directory) - replayed} bytes`);
            assert.equal(emulator.admin.mutations().length, 301);
        } finally {
            await emulator.close();
        }
        assert.equal(tokensOnDisk(stateFile), 301);
    });
});
