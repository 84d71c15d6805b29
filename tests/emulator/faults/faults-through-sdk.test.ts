import assert from "node:assert/strict";
import { ListAssessmentTemplatesCommand, StartAssessmentRunCommand } from "@aws-sdk/client-inspector";
import { BatchGetAccountStatusCommand, EnableCommand } from "@aws-sdk/client-inspector2";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import type { FaultSettings, RunningEmulator } from "../../../emulator";
import { startEmulator } from "../../../emulator";
import { expectAwsError } from "../support/expect-aws-error";
import type { IncomingResponse } from "../support/request-tampering";
import { watchResponses } from "../support/request-tampering";
import { classicClient, inspector2Client, stsClient } from "../support/sdk-clients";

describe("emulator faults through the real SDK clients", () => {
    let emulator: RunningEmulator;
    before(async () => (emulator = await startEmulator({ settings: { delays: { enablingMs: 0 } } })));
    after(() => emulator.close());
    beforeEach(() => {
        emulator.admin.reset();
        emulator.admin.updateSettings({ faults: [], seed: 42 });
    });

    const inject = (...faults: FaultSettings[]) => emulator.admin.updateSettings({ faults });

    it("throttles Inspector v2 with 429 ThrottlingException and a Retry-After header", async () => {
        inject({ service: "inspector2", operation: "BatchGetAccountStatus", kind: "throttle", value: 2 });
        const client = inspector2Client(emulator);
        const responses: IncomingResponse[] = [];
        watchResponses(client, (response) => responses.push(response));
        const error = await expectAwsError(
            client.send(new BatchGetAccountStatusCommand({})),
            "ThrottlingException",
            429,
        );
        assert.equal(error.retryAfterSeconds, 2);
        assert.equal(responses[0].headers["retry-after"], "2");
    });

    it("throttles Classic with 400 ThrottlingException and a Retry-After header", async () => {
        inject({ operation: "ListAssessmentTemplates", kind: "throttle" });
        const client = classicClient(emulator);
        const responses: IncomingResponse[] = [];
        watchResponses(client, (response) => responses.push(response));
        await expectAwsError(client.send(new ListAssessmentTemplatesCommand({})), "ThrottlingException", 400);
        assert.equal(responses[0].headers["retry-after"], "1");
    });

    it("answers an internal fault with 500 InternalServerException (v2) and InternalException (Classic)", async () => {
        inject({ operation: "*", kind: "internal" });
        await expectAwsError(
            inspector2Client(emulator).send(new BatchGetAccountStatusCommand({})),
            "InternalServerException",
            500,
        );
        const error = await expectAwsError(
            classicClient(emulator).send(new ListAssessmentTemplatesCommand({})),
            "InternalException",
            500,
        );
        assert.equal(error.canRetry, true);
    });

    it("answers an unavailable fault on Classic with 503 ServiceTemporarilyUnavailableException", async () => {
        inject({ service: "inspector", operation: "StartAssessmentRun", kind: "unavailable" });
        const error = await expectAwsError(
            classicClient(emulator).send(
                new StartAssessmentRunCommand({ assessmentTemplateArn: emulator.templateArn }),
            ),
            "ServiceTemporarilyUnavailableException",
            503,
        );
        assert.equal(error.canRetry, true);
    });

    it("answers an unavailable fault on Inspector v2, whose model has no such error, with 503", async () => {
        inject({ service: "inspector2", operation: "*", kind: "unavailable" });
        await expectAwsError(
            inspector2Client(emulator).send(new BatchGetAccountStatusCommand({})),
            "ServiceUnavailableException",
            503,
        );
    });

    it("answers STS faults as STS does: 400 Throttling, 500 InternalFailure, 503 ServiceUnavailable", async () => {
        inject({ service: "sts", operation: "GetCallerIdentity", kind: "throttle", value: 3 });
        const client = stsClient(emulator);
        const responses: IncomingResponse[] = [];
        watchResponses(client, (response) => responses.push(response));
        await expectAwsError(client.send(new GetCallerIdentityCommand({})), "Throttling", 400);
        assert.equal(responses[0].headers["retry-after"], "3");
        inject({ service: "sts", operation: "*", kind: "internal" });
        await expectAwsError(
            stsClient(emulator).send(new GetCallerIdentityCommand({})),
            "InternalFailure",
            500,
        );
        inject({ service: "sts", operation: "*", kind: "unavailable" });
        await expectAwsError(
            stsClient(emulator).send(new GetCallerIdentityCommand({})),
            "ServiceUnavailable",
            503,
        );
    });

    it("lets the SDK retry a throttled STS call", async () => {
        inject({ service: "sts", operation: "GetCallerIdentity", kind: "throttle", count: 1, value: 0 });
        const output = await stsClient(emulator, { maxAttempts: 2 }).send(new GetCallerIdentityCommand({}));
        assert.equal(output.$metadata.attempts, 2);
    });

    it("leaves STS alone with faults that name no service", async () => {
        inject({ operation: "*", kind: "internal" });
        const output = await stsClient(emulator).send(new GetCallerIdentityCommand({}));
        assert.equal(output.Account, "111122223333");
    });

    it("does not run a faulted mutation", async () => {
        inject({ operation: "Enable", kind: "internal" });
        const client = inspector2Client(emulator);
        await expectAwsError(
            client.send(new EnableCommand({ resourceTypes: ["EC2"] })),
            "InternalServerException",
            500,
        );
        assert.deepEqual(emulator.admin.mutations(), []);
        const status = await client.send(new BatchGetAccountStatusCommand({}));
        assert.equal(status.accounts?.[0]?.resourceState?.ec2?.status, "DISABLED");
    });

    it("lets the SDK's retries get through once a counted fault is used up", async () => {
        inject({ operation: "Enable", kind: "throttle", count: 2, value: 0 });
        const output = await inspector2Client(emulator, { maxAttempts: 3 }).send(
            new EnableCommand({ resourceTypes: ["EC2"] }),
        );
        assert.equal(output.$metadata.attempts, 3);
        assert.deepEqual(
            emulator.admin.calls().map((call) => [call.operation, call.status, call.errorCode]),
            [
                ["Enable", 429, "ThrottlingException"],
                ["Enable", 429, "ThrottlingException"],
                ["Enable", 200, undefined],
            ],
        );
        assert.equal(emulator.admin.mutations().length, 1);
    });

    it("drops the connection without an answer, and logs the call with status 0", async () => {
        inject({ operation: "ListAssessmentTemplates", kind: "drop" });
        await assert.rejects(
            classicClient(emulator).send(new ListAssessmentTemplatesCommand({})),
            (error: Error & { code?: string }) =>
                error.code === "ECONNRESET" || /socket hang up/.test(error.message),
        );
        assert.deepEqual(
            emulator.admin.calls().map((call) => [call.operation, call.status]),
            [["ListAssessmentTemplates", 0]],
        );
    });

    it("answers normally after an added latency", async () => {
        inject({ operation: "BatchGetAccountStatus", kind: "latency", value: 20 });
        const output = await inspector2Client(emulator).send(new BatchGetAccountStatusCommand({}));
        assert.equal(output.accounts?.[0]?.accountId, "111122223333");
        assert.equal(emulator.admin.calls().at(-1)?.status, 200);
    });

    it("faults the same calls again after a reset, and other calls under another seed", async () => {
        inject({ operation: "*", kind: "internal", probability: 0.5 });
        const outcomes = async () => {
            emulator.admin.reset();
            const client = inspector2Client(emulator);
            let marks = "";
            for (let call = 0; call < 16; call++) {
                marks += await client.send(new BatchGetAccountStatusCommand({})).then(
                    () => "0",
                    () => "1",
                );
            }
            return marks;
        };
        const first = await outcomes();
        assert.match(first, /1/);
        assert.match(first, /0/);
        assert.equal(await outcomes(), first);
        emulator.admin.updateSettings({ seed: 7 });
        assert.notEqual(await outcomes(), first);
    });
});
