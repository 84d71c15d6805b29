import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InspectorClient, ListAssessmentRunsCommand } from "@aws-sdk/client-inspector";
import { DEFAULT_SETTINGS, startEmulator, type RunningEmulator } from "../../../emulator";
import { ADMIN_ACCOUNT } from "./classic-harness";
import { describeRun, startRun } from "./sdk-fixtures";

describe("Classic state across an emulator restart with a state file", () => {
    let directory: string;
    beforeEach(() => {
        directory = mkdtempSync(join(tmpdir(), "classic-state-"));
    });
    afterEach(() => rmSync(directory, { recursive: true, force: true }));

    /** Runs `use` against an emulator on the state file, with a client of the administrator. */
    async function withEmulator<T>(
        now: number,
        use: (emulator: RunningEmulator, client: InspectorClient) => Promise<T>,
    ) {
        const emulator = await startEmulator({ stateFile: join(directory, "state.json"), now: () => now });
        const admin = DEFAULT_SETTINGS.accounts.find((account) => account.accountId === ADMIN_ACCOUNT);
        assert.ok(admin?.accessKeyId && admin.secretAccessKey);
        const client = new InspectorClient({
            endpoint: emulator.url,
            region: "us-east-1",
            credentials: {
                accessKeyId: admin.accessKeyId ?? "",
                secretAccessKey: admin.secretAccessKey ?? "",
            },
            maxAttempts: 1,
        });
        try {
            return await use(emulator, client);
        } finally {
            client.destroy();
            await emulator.close();
        }
    }

    it("keeps the seeded template and a run in progress, which then carries on", async () => {
        const start = Date.now();
        const [templateArn, runArn, before] = await withEmulator(start, async (emulator, client) => {
            const run = await startRun(client, emulator.templateArn, "survivor");
            return [emulator.templateArn, run, await describeRun(client, run)] as const;
        });
        assert.equal(before.state, "CREATED");

        await withEmulator(start, async (emulator, client) => {
            assert.equal(emulator.templateArn, templateArn);
            assert.deepEqual(await describeRun(client, runArn), before);
            const { assessmentRunArns } = await client.send(new ListAssessmentRunsCommand({}));
            assert.deepEqual(assessmentRunArns, [runArn]);
        });

        await withEmulator(start + 5_000, async (_emulator, client) => {
            const after = await describeRun(client, runArn);
            assert.ok(
                ["COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED"].includes(after.state ?? ""),
                after.state,
            );
            assert.equal(after.name, "survivor");
        });
    });
});
