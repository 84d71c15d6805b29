import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import {
    appendFileSync,
    copyFileSync,
    mkdirSync,
    mkdtempSync,
    readFileSync,
    readdirSync,
    rmSync,
    writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BatchGetAccountStatusCommand, EnableCommand, Inspector2Client } from "@aws-sdk/client-inspector2";
import type { MutationRecord } from "../../../emulator";
import { startEmulator } from "../../../emulator";
import { readJournal } from "../../../emulator/state/journal-file";
import { journalPath, readStateFile } from "../../../emulator/state/state-file";
import { inspector2Client } from "../support/sdk-clients";

const MEMBERS = ["444455556666", "777788889999", "123456789012"];

/** Copies the state file and its journal as they are now: what the disk holds if the machine stopped here. */
function copyAsCrashed(stateFile: string, into: string): string {
    mkdirSync(into, { recursive: true });
    const copy = join(into, "state.json");
    copyFileSync(stateFile, copy);
    copyFileSync(journalPath(stateFile), journalPath(copy));
    return copy;
}

/** Enables EC2 in `accountId` with `clientToken`. */
function enableWith(accountId: string, clientToken: string) {
    return new EnableCommand({ accountIds: [accountId], resourceTypes: ["EC2"], clientToken });
}

describe("emulator state after a crash", () => {
    let directory: string;
    let stateFile: string;
    beforeEach(() => {
        directory = mkdtempSync(join(tmpdir(), "inspector-emulator-crash-"));
        stateFile = join(directory, "live", "state.json");
    });
    afterEach(() => rmSync(directory, { recursive: true, force: true }));

    it("recovers every acknowledged change when the crash cut the last journal line short", async () => {
        const live = await startEmulator({ stateFile, settings: { delays: { enablingMs: 0 } } });
        let crashed: string;
        try {
            const client = inspector2Client(live);
            for (const [index, member] of MEMBERS.entries())
                await client.send(enableWith(member, `t${index}`));
            crashed = copyAsCrashed(stateFile, join(directory, "crashed"));
        } finally {
            await live.close();
        }
        // The crash came half way through appending the next line.
        const next = readFileSync(journalPath(crashed), "utf8").trimEnd().split("\n").at(-1) ?? "";
        appendFileSync(journalPath(crashed), next.slice(0, next.length / 2));
        assert.equal(readJournal(journalPath(crashed))?.records.length, 3);

        const restarted = await startEmulator({
            stateFile: crashed,
            settings: { delays: { enablingMs: 0 } },
        });
        try {
            const client = inspector2Client(restarted);
            for (const [index, member] of MEMBERS.entries())
                await client.send(enableWith(member, `t${index}`));
            // All three replayed: executed before the crash, none again.
            assert.deepEqual(restarted.admin.mutations(), []);
            const status = await client.send(new BatchGetAccountStatusCommand({ accountIds: MEMBERS }));
            assert.deepEqual(
                status.accounts?.map((account) => account.resourceState?.ec2?.status),
                ["ENABLED", "ENABLED", "ENABLED"],
            );
            // The start folded the journal into a new snapshot; the torn line is gone.
            assert.deepEqual(readJournal(journalPath(crashed))?.records, []);
        } finally {
            await restarted.close();
        }
    });

    it("keeps the changes before a damaged journal line and none after it: a consistent prefix", async () => {
        const live = await startEmulator({ stateFile, settings: { delays: { enablingMs: 0 } } });
        let crashed: string;
        try {
            const client = inspector2Client(live);
            for (const [index, member] of MEMBERS.entries())
                await client.send(enableWith(member, `t${index}`));
            crashed = copyAsCrashed(stateFile, join(directory, "crashed"));
        } finally {
            await live.close();
        }
        const lines = readFileSync(journalPath(crashed), "utf8").split("\n");
        // Line 0 is the header; line 2 is the second Enable: one character of it changed.
        lines[2] = lines[2].replace("777788889999", "777788889990");
        writeFileSync(journalPath(crashed), lines.join("\n"));

        const restarted = await startEmulator({
            stateFile: crashed,
            settings: { delays: { enablingMs: 0 } },
        });
        try {
            const client = inspector2Client(restarted);
            for (const [index, member] of MEMBERS.entries())
                await client.send(enableWith(member, `t${index}`));
            assert.deepEqual(
                restarted.admin.mutations().map((mutation: MutationRecord) => mutation.operation),
                ["Enable", "Enable"],
            );
        } finally {
            await restarted.close();
        }
    });

    it("ignores a journal older than the snapshot (a crash between writing the snapshot and starting the journal)", async () => {
        const live = await startEmulator({ stateFile, settings: { delays: { enablingMs: 0 } } });
        let older: string;
        try {
            const client = inspector2Client(live);
            await client.send(enableWith(MEMBERS[0], "before-reset"));
            older = copyAsCrashed(stateFile, join(directory, "older"));
            live.admin.reset();
        } finally {
            // Closing writes a snapshot of the reset state.
            await live.close();
        }
        // The new snapshot beside the journal of the old one.
        copyFileSync(journalPath(older), journalPath(stateFile));
        assert.equal(readJournal(journalPath(stateFile))?.records.length, 1);
        const state = readStateFile(stateFile) as unknown as { services: { inspector2: { tokens: object } } };
        assert.deepEqual(state.services.inspector2.tokens, {});

        const restarted = await startEmulator({ stateFile, settings: { delays: { enablingMs: 0 } } });
        try {
            const client = inspector2Client(restarted);
            const status = await client.send(new BatchGetAccountStatusCommand({ accountIds: [MEMBERS[0]] }));
            assert.equal(status.accounts?.[0]?.resourceState?.ec2?.status, "DISABLED");
            await client.send(enableWith(MEMBERS[0], "before-reset"));
            assert.equal(restarted.admin.mutations().length, 1);
        } finally {
            await restarted.close();
        }
    });

    it("removes the temporary files a killed writer left, and only those", async () => {
        mkdirSync(join(directory, "live"));
        const leftovers = ["state.json.4242.tmp", "state.json.1.tmp", "state.json.4194304.tmp"];
        const kept = ["state.json.backup.tmp", "other.json.4242.tmp", "state.jsonx.4242.tmp", "notes.txt"];
        for (const name of [...leftovers, ...kept]) writeFileSync(join(directory, "live", name), '{"half');
        const emulator = await startEmulator({ stateFile });
        try {
            assert.deepEqual(
                readdirSync(join(directory, "live")).sort(),
                [...kept, "state.json", "state.json.journal"].sort(),
            );
        } finally {
            await emulator.close();
        }
    });

    it("loses no acknowledged Enable when the emulator process is killed with SIGKILL", async function () {
        this.timeout(30_000);
        const cliStateFile = join(directory, "cli", "state.json");
        const first = await startCli(cliStateFile);
        const client = clientFor(first.env);
        const answered: string[] = [];
        try {
            for (let call = 0; call < 40; call++) {
                await client.send(enableWith(MEMBERS[call % 3], `acknowledged-${call}`));
                answered.push(`acknowledged-${call}`);
            }
            // More calls in flight when the process dies: those answered must survive, the others may not.
            const inFlight = Array.from({ length: 20 }, (_, call) =>
                client.send(enableWith(MEMBERS[call % 3], `in-flight-${call}`)).then(
                    () => answered.push(`in-flight-${call}`),
                    () => undefined,
                ),
            );
            await Promise.race(inFlight);
            first.child.kill("SIGKILL");
            await Promise.all(inFlight);
            await exitOf(first.child);
        } finally {
            client.destroy();
        }

        const second = await startCli(cliStateFile);
        const again = clientFor(second.env);
        try {
            for (const token of answered) {
                const call = Number(token.split("-").at(-1));
                await again.send(enableWith(MEMBERS[call % 3], token));
            }
            const mutations = await fetch(`${second.env.AWS_ENDPOINT_URL_INSPECTOR2}/_emulator/mutations`, {
                headers: { "X-Emulator-Token": second.env.INSPECTOR_EMULATOR_TOKEN },
            });
            // Every answered Enable replays: none runs twice.
            assert.ok(answered.length >= 41, `${answered.length} answered`);
            assert.deepEqual(await mutations.json(), []);
            assert.deepEqual(
                readdirSync(join(directory, "cli")).filter((name) => name.endsWith(".tmp")),
                [],
            );
        } finally {
            again.destroy();
            second.child.kill("SIGTERM");
            await exitOf(second.child);
        }
    });
});

/** The compiled CLI, run with the Node that runs the tests. */
const CLI = join(__dirname, "..", "..", "..", "emulator", "cli.js");

function startCli(stateFile: string): Promise<{ child: ChildProcess; env: Record<string, string> }> {
    const env = { ...process.env };
    delete env.INSPECTOR_EMULATOR_TOKEN;
    const child = spawn(process.execPath, [CLI, "--state-file", stateFile], {
        stdio: ["ignore", "pipe", "pipe"],
        env,
    });
    let output = "";
    return new Promise((resolve, reject) => {
        child.stdout?.on("data", (chunk: Buffer) => {
            output += chunk.toString();
            if (output.includes("Press Ctrl+C to stop.")) {
                const found: Record<string, string> = {};
                for (const match of output.matchAll(/^export ([A-Z0-9_]+)=(\S+)$/gm))
                    found[match[1]] = match[2];
                resolve({ child, env: found });
            }
        });
        child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.once("exit", (code) => reject(new Error(`the CLI exited with ${code}: ${output}`)));
    });
}

function exitOf(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => child.once("exit", () => resolve()));
}

function clientFor(env: Record<string, string>): Inspector2Client {
    return new Inspector2Client({
        endpoint: env.AWS_ENDPOINT_URL_INSPECTOR2,
        region: env.AWS_REGION,
        credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
        maxAttempts: 1,
    });
}
