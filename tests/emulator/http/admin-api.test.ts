import assert from "node:assert/strict";
import { ListAssessmentTemplatesCommand } from "@aws-sdk/client-inspector";
import { BatchGetAccountStatusCommand, EnableCommand } from "@aws-sdk/client-inspector2";
import type { CallRecord, EmulatorSettings, MutationRecord, RunningEmulator } from "../../../emulator";
import { DEFAULT_SETTINGS, startEmulator } from "../../../emulator";
import { adminRequest as admin } from "../support/admin-http";
import { classicClient, inspector2Client } from "../support/sdk-clients";

describe("emulator admin API over HTTP", () => {
    let emulator: RunningEmulator;
    before(async () => (emulator = await startEmulator({ settings: { delays: { enablingMs: 0 } } })));
    after(() => emulator.close());
    beforeEach(() => emulator.admin.reset());

    it("reports health with the seeded template", async () => {
        assert.deepEqual(await admin(emulator, "GET", "health"), {
            status: 200,
            body: { status: "ok", templateArn: emulator.templateArn },
        });
    });

    it("reads the settings, defaults included, without the secret keys", async () => {
        const { status, body } = await admin(emulator, "GET", "settings");
        assert.equal(status, 200);
        const settings = body as EmulatorSettings;
        assert.deepEqual(
            settings.accounts,
            DEFAULT_SETTINGS.accounts.map((account) => {
                const { secretAccessKey, ...rest } = account;
                assert.ok(secretAccessKey === undefined || secretAccessKey.length > 0);
                return rest;
            }),
        );
        assert.ok(!JSON.stringify(body).includes("EXAMPLEKEY"));
        assert.equal(settings.delays.enablingMs, 0);
        assert.equal(settings.region, "us-east-1");
    });

    it("reads the secret keys only when the token holder asks for them", async () => {
        const { status, body } = await admin(emulator, "GET", "settings?includeSecrets=true");
        assert.equal(status, 200);
        assert.deepEqual((body as EmulatorSettings).accounts, DEFAULT_SETTINGS.accounts);
        const posted = await admin(emulator, "POST", "settings", JSON.stringify({ seed: 42 }));
        assert.equal(posted.status, 200);
        assert.ok(!JSON.stringify(posted.body).includes("secretAccessKey"));
    });

    it("deep-merges posted settings, replacing arrays, and the services see them at once", async () => {
        const accounts = [
            ...DEFAULT_SETTINGS.accounts,
            {
                accountId: "210987654321",
                accessKeyId: "AKIAEXTRAACCOUNT0001",
                secretAccessKey: "extra",
                role: "standalone",
            },
        ];
        const { status, body } = await admin(
            emulator,
            "POST",
            "settings",
            JSON.stringify({
                delays: { disablingMs: 7 },
                accounts,
                faults: [{ operation: "Enable", kind: "internal" }],
            }),
        );
        assert.equal(status, 200);
        const settings = body as EmulatorSettings;
        assert.deepEqual(settings.delays, { enablingMs: 0, disablingMs: 7, scanMs: 500 });
        assert.equal(settings.accounts.length, 6);
        assert.deepEqual(emulator.admin.settings().faults, [{ operation: "Enable", kind: "internal" }]);
        const extra = inspector2Client(emulator, {
            credentials: { accessKeyId: "AKIAEXTRAACCOUNT0001", secretAccessKey: "extra" },
        });
        const output = await extra.send(new BatchGetAccountStatusCommand({}));
        assert.equal(output.accounts?.[0]?.accountId, "210987654321");
        await admin(
            emulator,
            "POST",
            "settings",
            JSON.stringify({ faults: [], accounts: DEFAULT_SETTINGS.accounts }),
        );
    });

    it("refuses invalid settings with 400 and every problem, changing nothing", async () => {
        const before = emulator.admin.settings();
        const { status, body } = await admin(
            emulator,
            "POST",
            "settings",
            JSON.stringify({
                clockSkewMs: -1,
                faults: [{ operation: "Enable", kind: "explode" }],
                colour: "blue",
            }),
        );
        assert.equal(status, 400);
        assert.deepEqual((body as { problems: string[] }).problems, [
            'settings.colour "blue" is not a setting; known: region, seed, accounts, roles, organizationPolicies, delays, scanResources, faults, classic, clockSkewMs',
            "clockSkewMs -1 must be a number of at least 0",
            'faults[0].kind "explode" must be one of throttle, internal, unavailable, latency, drop',
        ]);
        assert.deepEqual(emulator.admin.settings(), before);
    });

    it("refuses a settings body that is not a JSON object with 400", async () => {
        const { status, body } = await admin(emulator, "POST", "settings", "[1]");
        assert.equal(status, 400);
        assert.equal(
            (body as { message: string }).message,
            "The request body must be a JSON object, got an array.",
        );
    });

    it("lists calls and executed mutations, oldest first", async () => {
        await inspector2Client(emulator).send(new EnableCommand({ resourceTypes: ["EC2"] }));
        await classicClient(emulator, { region: "eu-west-1" }).send(new ListAssessmentTemplatesCommand({}));
        const calls = (await admin(emulator, "GET", "calls")).body as CallRecord[];
        assert.deepEqual(
            calls.map(({ service, operation, accountId, region, status }) => ({
                service,
                operation,
                accountId,
                region,
                status,
            })),
            [
                {
                    service: "inspector2",
                    operation: "Enable",
                    accountId: "111122223333",
                    region: "us-east-1",
                    status: 200,
                },
                {
                    service: "inspector",
                    operation: "ListAssessmentTemplates",
                    accountId: "111122223333",
                    region: "eu-west-1",
                    status: 200,
                },
            ],
        );
        assert.ok(calls.every((call) => !Number.isNaN(Date.parse(call.time))));
        const mutations = (await admin(emulator, "GET", "mutations")).body as MutationRecord[];
        assert.deepEqual(
            mutations.map(({ service, operation, accountId }) => ({ service, operation, accountId })),
            [{ service: "inspector2", operation: "Enable", accountId: "111122223333" }],
        );
    });

    it("resets service state and the logs, keeping the settings and the template", async () => {
        const client = inspector2Client(emulator);
        await client.send(new EnableCommand({ resourceTypes: ["EC2"] }));
        const templateArn = emulator.templateArn;
        assert.deepEqual(await admin(emulator, "POST", "reset"), {
            status: 200,
            body: { status: "reset", templateArn },
        });
        assert.deepEqual((await admin(emulator, "GET", "calls")).body, []);
        assert.deepEqual((await admin(emulator, "GET", "mutations")).body, []);
        const status = await client.send(new BatchGetAccountStatusCommand({}));
        assert.equal(status.accounts?.[0]?.resourceState?.ec2?.status, "DISABLED");
        const templates = await classicClient(emulator).send(new ListAssessmentTemplatesCommand({}));
        assert.deepEqual(templates.assessmentTemplateArns, [templateArn]);
    });

    it("answers an unknown admin route with 404 listing the routes", async () => {
        const { status, body } = await admin(emulator, "GET", "nothing");
        assert.equal(status, 404);
        assert.match(
            (body as { message: string }).message,
            /^No admin route GET \/_emulator\/nothing; routes: /,
        );
    });

    it("needs no signature and does not appear in the call log", async () => {
        await admin(emulator, "GET", "settings");
        assert.deepEqual(emulator.admin.calls(), []);
    });
});

describe("emulator admin API in process", () => {
    let emulator: RunningEmulator;
    before(async () => (emulator = await startEmulator()));
    after(() => emulator.close());

    it("throws on invalid settings and keeps the old ones", () => {
        assert.throws(
            () => emulator.admin.updateSettings({ region: "moon-1" }),
            /Invalid emulator settings: region "moon-1" must be a region name such as us-east-1/,
        );
        assert.equal(emulator.admin.settings().region, "us-east-1");
    });

    it("hands out copies of the logs, not the logs themselves", async () => {
        const calls = emulator.admin.calls();
        await inspector2Client(emulator).send(new BatchGetAccountStatusCommand({}));
        assert.equal(calls.length, 0);
        assert.equal(emulator.admin.calls().length, 1);
    });
});
