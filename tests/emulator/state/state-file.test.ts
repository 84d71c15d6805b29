import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListAssessmentRunsCommand, StartAssessmentRunCommand } from "@aws-sdk/client-inspector";
import { BatchGetAccountStatusCommand, EnableCommand } from "@aws-sdk/client-inspector2";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { startEmulator } from "../../../emulator";
import { DEFAULT_SETTINGS } from "../../../emulator/settings/default-settings";
import { readStateFile, writeStateFile } from "../../../emulator/state/state-file";
import { classicClient, inspector2Client, stsClient } from "../support/sdk-clients";

describe("emulator state file", () => {
    let directory: string;
    let stateFile: string;
    beforeEach(() => {
        directory = mkdtempSync(join(tmpdir(), "inspector-emulator-state-"));
        stateFile = join(directory, "state.json");
    });
    afterEach(() => rmSync(directory, { recursive: true, force: true }));

    it("is written as soon as the emulator starts", async () => {
        const emulator = await startEmulator({ stateFile });
        await emulator.close();
        const content = JSON.parse(readFileSync(stateFile, "utf8")) as { format: string; version: number };
        assert.equal(content.format, "inspector-emulator-state");
        assert.equal(content.version, 1);
    });

    it("carries both services' state and the settings across a restart", async () => {
        const first = await startEmulator({ stateFile, settings: { delays: { enablingMs: 0 } } });
        await inspector2Client(first).send(new EnableCommand({ resourceTypes: ["ECR"] }));
        const { assessmentRunArn } = await classicClient(first).send(
            new StartAssessmentRunCommand({
                assessmentTemplateArn: first.templateArn,
                assessmentRunName: "kept",
            }),
        );
        const templateArn = first.templateArn;
        await first.close();

        const second = await startEmulator({ stateFile });
        try {
            assert.equal(second.templateArn, templateArn);
            assert.equal(second.admin.settings().delays.enablingMs, 0);
            const status = await inspector2Client(second).send(new BatchGetAccountStatusCommand({}));
            assert.equal(status.accounts?.[0]?.resourceState?.ecr?.status, "ENABLED");
            const runs = await classicClient(second).send(new ListAssessmentRunsCommand({}));
            assert.deepEqual(runs.assessmentRunArns, [assessmentRunArn]);
        } finally {
            await second.close();
        }
    });

    it("lets settings given at start win over the file's", async () => {
        const first = await startEmulator({ stateFile });
        first.admin.updateSettings({ seed: 5, clockSkewMs: 60_000 });
        await first.close();
        const second = await startEmulator({ stateFile, settings: { seed: 6 } });
        await second.close();
        assert.equal(second.admin.settings().seed, 6);
        assert.equal(second.admin.settings().clockSkewMs, 60_000);
    });

    it("journals every executed mutation before answering, leaving no temporary files", async () => {
        const emulator = await startEmulator({ stateFile, settings: { delays: { enablingMs: 0 } } });
        try {
            const before = readStateFile(stateFile);
            await inspector2Client(emulator).send(new EnableCommand({ resourceTypes: ["EC2"] }));
            // Written before the answer left, so it is there now, while the emulator still runs.
            const after = readStateFile(stateFile) as unknown as {
                services: {
                    inspector2: { statuses: Record<string, Record<string, { EC2?: { target: string } }>> };
                };
            };
            assert.notDeepEqual(after, before);
            assert.equal(
                after.services.inspector2.statuses["us-east-1"]["111122223333"].EC2?.target,
                "ENABLED",
            );
            assert.deepEqual(readdirSync(directory).sort(), ["state.json", "state.json.journal"]);
        } finally {
            await emulator.close();
        }
        // Closing folds the journal into the file.
        assert.deepEqual(readdirSync(directory), ["state.json"]);
    });

    it("reads a file written before STS was served, and is rewritten once AssumeRole issues credentials", async () => {
        await (await startEmulator({ stateFile })).close();
        const older = JSON.parse(readFileSync(stateFile, "utf8")) as {
            settings: Record<string, unknown>;
            services: Record<string, unknown>;
        };
        delete older.services.sts;
        delete older.settings.roles;
        delete older.settings.organizationPolicies;
        writeFileSync(stateFile, JSON.stringify(older));

        const emulator = await startEmulator({ stateFile });
        try {
            assert.deepEqual(emulator.admin.settings().roles, DEFAULT_SETTINGS.roles);
            assert.deepEqual(emulator.admin.settings().organizationPolicies, []);
            await stsClient(emulator).send(
                new AssumeRoleCommand({
                    RoleArn: "arn:aws:iam::111122223333:role/InspectorDeployer",
                    RoleSessionName: "kept",
                }),
            );
            const written = readStateFile(stateFile) as unknown as {
                services: { sts: { sessions: Record<string, { sessionName: string }> } };
            };
            assert.deepEqual(
                Object.values(written.services.sts.sessions).map((session) => session.sessionName),
                ["kept"],
            );
        } finally {
            await emulator.close();
        }
    });

    it("refuses to start from a file that is not JSON", async () => {
        writeFileSync(stateFile, "{half");
        await assert.rejects(startEmulator({ stateFile }), /^Error: The state file .* is not JSON: /);
    });

    it("refuses to start from JSON that is not emulator state", async () => {
        writeFileSync(stateFile, JSON.stringify({ hello: "world" }));
        await assert.rejects(startEmulator({ stateFile }), /is not inspector-emulator state version 1$/);
    });
});

describe("writeStateFile", () => {
    let directory: string;
    beforeEach(() => (directory = mkdtempSync(join(tmpdir(), "inspector-emulator-write-"))));
    afterEach(() => rmSync(directory, { recursive: true, force: true }));

    it("writes what readStateFile reads back", () => {
        const path = join(directory, "state.json");
        const snapshot = {
            settings: DEFAULT_SETTINGS,
            services: { inspector2: { a: 1 }, inspector: [1, 2] },
        };
        writeStateFile(path, snapshot);
        assert.deepEqual(readStateFile(path), snapshot);
    });

    it("creates the folder the file goes in", () => {
        const path = join(directory, "nested", "deeper", "state.json");
        const snapshot = { settings: DEFAULT_SETTINGS, services: { inspector2: {}, inspector: {} } };
        writeStateFile(path, snapshot);
        assert.deepEqual(readStateFile(path), snapshot);
    });

    it("reads no state where there is no file", () => {
        assert.equal(readStateFile(join(directory, "absent.json")), undefined);
    });

    it("leaves the previous state whole when a write fails", () => {
        const path = join(directory, "state.json");
        const snapshot = { settings: DEFAULT_SETTINGS, services: { inspector2: {}, inspector: {} } };
        writeStateFile(path, snapshot);
        // JSON cannot hold a BigInt, so this write fails half way, after the temporary file was opened.
        assert.throws(
            () => writeStateFile(path, { ...snapshot, services: { inspector2: 1n, inspector: {} } }),
            TypeError,
        );
        assert.deepEqual(readStateFile(path), snapshot);
        assert.deepEqual(readdirSync(directory), ["state.json"]);
    });
});
