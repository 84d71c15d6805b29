import assert from "node:assert/strict";
import { ListAssessmentTemplatesCommand } from "@aws-sdk/client-inspector";
import { BatchGetAccountStatusCommand, EnableCommand } from "@aws-sdk/client-inspector2";
import { startEmulator, type RunningEmulator } from "../../../emulator";
import { classicClient, inspector2Client } from "../../emulator/support/sdk-clients";
import { ArrivalProxy, classicCall, inspector2Call } from "./arrival-proxy";
import { executed, waitUntil } from "./emulator-view";

const ADMINISTRATOR = "111122223333";

describe("e2e support: the arrival proxy in front of the emulator", () => {
    let emulator: RunningEmulator;
    let proxy: ArrivalProxy;
    /** SDK clients signing for the proxy's address, as the provider inside `pulumi up` does. */
    let viaProxy: RunningEmulator;

    beforeEach(async () => {
        emulator = await startEmulator({ settings: { delays: { enablingMs: 10, disablingMs: 10 } } });
        proxy = await ArrivalProxy.start(emulator.url);
        viaProxy = { ...emulator, url: proxy.url };
    });
    afterEach(async () => {
        await proxy.close();
        await emulator.close();
    });

    it("passes signed requests of both protocols through unchanged and records their arrival", async () => {
        const inspector2 = inspector2Client(viaProxy);
        const classic = classicClient(viaProxy);
        try {
            const status = await inspector2.send(
                new BatchGetAccountStatusCommand({ accountIds: [ADMINISTRATOR] }),
            );
            assert.equal(status.accounts?.[0].accountId, ADMINISTRATOR);
            const templates = await classic.send(new ListAssessmentTemplatesCommand({}));
            assert.deepEqual(templates.assessmentTemplateArns, [emulator.templateArn]);
        } finally {
            inspector2.destroy();
            classic.destroy();
        }
        assert.deepEqual(proxy.arrived(), [
            { method: "POST", path: "/status/batch/get" },
            { method: "POST", path: "/", classicOperation: "ListAssessmentTemplates" },
        ]);
        // The emulator verified both signatures: the calls succeeded there, not only at the proxy.
        assert.deepEqual(
            emulator.admin.calls().map((call) => [call.operation, call.status]),
            [
                ["BatchGetAccountStatus", 200],
                ["ListAssessmentTemplates", 200],
            ],
        );
        await proxy.waitFor(inspector2Call("POST", "/status/batch/get"), 1_000);
        await proxy.waitFor(classicCall("ListAssessmentTemplates"), 1_000);
    });

    it("fails a wait for a request that never comes, listing what did come", async () => {
        await assert.rejects(
            proxy.waitFor(classicCall("StartAssessmentRun"), 50),
            /no matching request arrived within 50 ms \(arrived: nothing\)/,
        );
    });

    it("holds a request away from the emulator until released, even after its caller has gone", async () => {
        const held = proxy.hold(inspector2Call("POST", "/enable"));
        const aborted = new AbortController();
        const client = inspector2Client(viaProxy);
        const call = client.send(
            new EnableCommand({
                accountIds: [ADMINISTRATOR],
                resourceTypes: ["EC2"],
                clientToken: "token-1",
            }),
            { abortSignal: aborted.signal },
        );
        call.catch(() => undefined);
        await held.arrived;
        // The caller gives up; nothing has reached the emulator.
        aborted.abort();
        await assert.rejects(call);
        client.destroy();
        assert.deepEqual(emulator.admin.calls(), []);

        held.release();
        await waitUntil(
            () => emulator.admin.calls().length === 1,
            5_000,
            "the held Enable reached the emulator",
        );
        assert.equal(executed(emulator.admin.mutations(), "Enable").length, 1);
        // A second Enable passes straight through: a hold takes one request.
        const again = inspector2Client(viaProxy);
        try {
            await again.send(
                new EnableCommand({
                    accountIds: [ADMINISTRATOR],
                    resourceTypes: ["EC2"],
                    clientToken: "token-2",
                }),
            );
        } finally {
            again.destroy();
        }
        assert.equal(executed(emulator.admin.mutations(), "Enable").length, 2);
    });
});
