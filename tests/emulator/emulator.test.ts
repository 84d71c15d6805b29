import assert from "node:assert/strict";
import { DescribeAssessmentRunsCommand, StartAssessmentRunCommand } from "@aws-sdk/client-inspector";
import { InspectorClient } from "@aws-sdk/client-inspector";
import { BatchGetAccountStatusCommand, EnableCommand, Inspector2Client } from "@aws-sdk/client-inspector2";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { RunningEmulator } from "../../emulator";
import { startEmulator } from "../../emulator";
import { classicClient, inspector2Client } from "./support/sdk-clients";

describe("startEmulator", () => {
    const started: RunningEmulator[] = [];
    const start = async (...args: Parameters<typeof startEmulator>) => {
        const emulator = await startEmulator(...args);
        started.push(emulator);
        return emulator;
    };
    after(() => Promise.all(started.map((emulator) => emulator.close())));

    it("listens on 127.0.0.1 and hands out the environment of the delegated administrator", async () => {
        const emulator = await start();
        assert.match(emulator.url, /^http:\/\/127\.0\.0\.1:\d+$/);
        assert.deepEqual(emulator.env, {
            AWS_ENDPOINT_URL_INSPECTOR2: emulator.url,
            AWS_ENDPOINT_URL_INSPECTOR: emulator.url,
            AWS_ENDPOINT_URL_STS: emulator.url,
            AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
            AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            AWS_REGION: "us-east-1",
            INSPECTOR_EMULATOR_TOKEN: emulator.adminToken,
        });
        assert.match(emulator.adminToken, /^[A-Za-z0-9_-]{43}$/);
        assert.match(
            emulator.templateArn,
            /^arn:aws:inspector:us-east-1:111122223333:target\/[^/]+\/template\/[^/]+$/,
        );
    });

    it("runs instances side by side, each with its own state", async () => {
        const [one, two] = await Promise.all([start({ settings: { delays: { enablingMs: 0 } } }), start()]);
        assert.notEqual(one.url, two.url);
        await inspector2Client(one).send(new EnableCommand({ resourceTypes: ["LAMBDA"] }));
        const [statusOne, statusTwo] = await Promise.all(
            [one, two].map((emulator) =>
                inspector2Client(emulator).send(new BatchGetAccountStatusCommand({})),
            ),
        );
        assert.equal(statusOne.accounts?.[0]?.resourceState?.lambda?.status, "ENABLED");
        assert.equal(statusTwo.accounts?.[0]?.resourceState?.lambda?.status, "DISABLED");
    });

    it("is reached by SDK clients configured only through its environment variables", async () => {
        const emulator = await start({ settings: { delays: { enablingMs: 0 } } });
        const saved = { ...process.env };
        Object.assign(process.env, emulator.env);
        try {
            const inspector2 = new Inspector2Client({ maxAttempts: 1 });
            const enabled = await inspector2.send(new EnableCommand({ resourceTypes: ["EC2"] }));
            assert.deepEqual(enabled.failedAccounts, []);
            assert.equal(enabled.accounts?.[0]?.accountId, "111122223333");
            inspector2.destroy();

            const classic = new InspectorClient({ maxAttempts: 1 });
            const { assessmentRunArn } = await classic.send(
                new StartAssessmentRunCommand({
                    assessmentTemplateArn: emulator.templateArn,
                    assessmentRunName: "smoke",
                }),
            );
            const described = await classic.send(
                new DescribeAssessmentRunsCommand({ assessmentRunArns: [assessmentRunArn ?? ""] }),
            );
            assert.equal(described.assessmentRuns?.[0]?.name, "smoke");
            assert.equal(described.assessmentRuns?.[0]?.assessmentTemplateArn, emulator.templateArn);
            classic.destroy();
        } finally {
            for (const key of Object.keys(emulator.env)) {
                if (saved[key] === undefined) delete process.env[key];
                else process.env[key] = saved[key];
            }
        }
        assert.deepEqual(
            emulator.admin.mutations().map(({ service, operation }) => [service, operation]),
            [
                ["inspector2", "Enable"],
                ["inspector", "StartAssessmentRun"],
            ],
        );
    });

    it("serves STS to SDK clients configured only through its environment, assumed roles included", async () => {
        const emulator = await start();
        const saved = { ...process.env };
        Object.assign(process.env, emulator.env);
        try {
            const sts = new STSClient({ maxAttempts: 1 });
            assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Account, "111122223333");
            sts.destroy();

            // The SDK's own role provider calls AssumeRole through AWS_ENDPOINT_URL_STS too.
            const credentials = fromTemporaryCredentials({
                params: {
                    RoleArn: "arn:aws:iam::999988887777:role/InspectorDeployer",
                    RoleSessionName: "from-env",
                },
            });
            const asRole = new Inspector2Client({ credentials, maxAttempts: 1 });
            const status = await asRole.send(new BatchGetAccountStatusCommand({}));
            assert.equal(status.accounts?.[0]?.accountId, "999988887777");
            asRole.destroy();
        } finally {
            for (const key of Object.keys(emulator.env)) {
                if (saved[key] === undefined) delete process.env[key];
                else process.env[key] = saved[key];
            }
        }
        assert.deepEqual(
            emulator.admin
                .calls()
                .map(({ service, operation, accountId }) => [service, operation, accountId]),
            [
                ["sts", "GetCallerIdentity", "111122223333"],
                ["sts", "AssumeRole", "111122223333"],
                ["inspector2", "BatchGetAccountStatus", "999988887777"],
            ],
        );
    });

    it("listens on the port asked for", async () => {
        const probe = await start();
        const port = Number(new URL(probe.url).port);
        await probe.close();
        const emulator = await start({ port });
        assert.equal(emulator.url, `http://127.0.0.1:${port}`);
    });

    it("refuses to start on a port already taken", async () => {
        const emulator = await start();
        await assert.rejects(startEmulator({ port: Number(new URL(emulator.url).port) }), /EADDRINUSE/);
    });

    it("refuses invalid settings before listening", async () => {
        await assert.rejects(
            startEmulator({ settings: { seed: Number.NaN } }),
            /seed NaN must be an integer/,
        );
    });

    it("keeps time by the clock it is given", async () => {
        const emulator = await start({ now: () => Date.parse("2030-01-02T03:04:05Z") + (Date.now() % 1000) });
        // The SDK signs with the real clock, years away from this one: a wide skew limit lets it through.
        emulator.admin.updateSettings({ clockSkewMs: 10 * 365 * 24 * 3600 * 1000 });
        await classicClient(emulator).send(
            new StartAssessmentRunCommand({ assessmentTemplateArn: emulator.templateArn }),
        );
        assert.match(emulator.admin.calls()[0].time, /^2030-01-02T03:04:05\.\d{3}Z$/);
        assert.match(emulator.admin.mutations()[0].time, /^2030-01-02T03:04:05\.\d{3}Z$/);
    });

    it("closes once, however often close is called", async () => {
        const emulator = await start();
        await Promise.all([emulator.close(), emulator.close()]);
        await emulator.close();
        await assert.rejects(fetch(`${emulator.url}/_emulator/health`));
    });
});
