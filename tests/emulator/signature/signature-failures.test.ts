import assert from "node:assert/strict";
import { ListAssessmentTemplatesCommand } from "@aws-sdk/client-inspector";
import { BatchGetAccountStatusCommand } from "@aws-sdk/client-inspector2";
import type { RunningEmulator } from "../../../emulator";
import { startEmulator } from "../../../emulator";
import { expectAwsError } from "../support/expect-aws-error";
import { tamperAfterSigning, tamperBeforeSigning } from "../support/request-tampering";
import { ADMINISTRATOR, classicClient, inspector2Client } from "../support/sdk-clients";

const HOUR = 60 * 60 * 1000;

describe("emulator signature checks (through the real SDK clients)", () => {
    let emulator: RunningEmulator;
    before(async () => (emulator = await startEmulator()));
    after(() => emulator.close());

    /** One call per service, so each failure is checked in both wire protocols. */
    const calls = {
        inspector2: (client: ReturnType<typeof inspector2Client>) =>
            client.send(new BatchGetAccountStatusCommand({})),
        classic: (client: ReturnType<typeof classicClient>) =>
            client.send(new ListAssessmentTemplatesCommand({})),
    };

    it("accepts a correctly signed call and records the signer's account and region", async () => {
        const client = inspector2Client(emulator, { region: "eu-west-1" });
        await client.send(new BatchGetAccountStatusCommand({}));
        const call = emulator.admin.calls().at(-1);
        assert.equal(call?.accountId, "111122223333");
        assert.equal(call?.region, "eu-west-1");
        assert.equal(call?.status, 200);
    });

    for (const service of ["inspector2", "classic"] as const) {
        const clientFor = (options: Parameters<typeof inspector2Client>[1] = {}) =>
            service === "inspector2" ? inspector2Client(emulator, options) : classicClient(emulator, options);
        const call = (client: ReturnType<typeof clientFor>) =>
            service === "inspector2"
                ? calls.inspector2(client as ReturnType<typeof inspector2Client>)
                : calls.classic(client as ReturnType<typeof classicClient>);

        describe(`${service}`, () => {
            it("answers a request without Authorization with MissingAuthenticationTokenException", async () => {
                const client = clientFor();
                tamperAfterSigning(client, (request) => delete request.headers["authorization"]);
                const error = await expectAwsError(call(client), "MissingAuthenticationTokenException", 403);
                assert.equal(error.message, "Missing Authentication Token");
            });

            it("answers an unknown access key with UnrecognizedClientException", async () => {
                const client = clientFor({
                    credentials: { ...ADMINISTRATOR, accessKeyId: "AKIAUNKNOWNEXAMPLE1" },
                });
                const error = await expectAwsError(call(client), "UnrecognizedClientException", 403);
                assert.equal(error.message, "The security token included in the request is invalid.");
            });

            it("answers a wrong secret with InvalidSignatureException", async () => {
                const client = clientFor({
                    credentials: { ...ADMINISTRATOR, secretAccessKey: "not-the-secret" },
                });
                const error = await expectAwsError(call(client), "InvalidSignatureException", 403);
                assert.match(
                    error.message,
                    /does not match the one computed with the secret key of AKIAIOSFODNN7EXAMPLE/,
                );
            });

            it("answers a body changed after signing with InvalidSignatureException", async () => {
                const client = clientFor();
                tamperAfterSigning(client, (request) => {
                    request.body = '{"changed":true}';
                    request.headers["content-length"] = String(Buffer.byteLength(request.body as string));
                });
                await expectAwsError(call(client), "InvalidSignatureException", 403);
            });

            it("answers a header changed after signing with InvalidSignatureException", async () => {
                const client = clientFor();
                tamperAfterSigning(client, (request) => {
                    request.headers["content-type"] = `${request.headers["content-type"]}; charset=utf-8`;
                });
                const error = await expectAwsError(call(client), "InvalidSignatureException", 403);
                assert.match(error.message, /content-type:application\/[a-z0-9.-]+; charset=utf-8\n/);
            });

            it("answers a malformed Authorization header with IncompleteSignatureException", async () => {
                const client = clientFor();
                tamperAfterSigning(
                    client,
                    (request) =>
                        (request.headers["authorization"] =
                            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE"),
                );
                const error = await expectAwsError(call(client), "IncompleteSignatureException", 403);
                assert.match(error.message, /lacks the 'SignedHeaders', 'Signature' parameter/);
            });

            it("answers a request without X-Amz-Date with IncompleteSignatureException", async () => {
                const client = clientFor();
                tamperAfterSigning(client, (request) => delete request.headers["x-amz-date"]);
                await expectAwsError(call(client), "IncompleteSignatureException", 403);
            });
        });
    }

    it("answers a Classic call signed for inspector2 with InvalidSignatureException naming the service", async () => {
        const client = inspector2Client(emulator);
        tamperBeforeSigning(client, (request) => {
            request.headers["x-amz-target"] = "InspectorService.ListAssessmentTemplates";
        });
        const error = await expectAwsError(
            client.send(new BatchGetAccountStatusCommand({})),
            "InvalidSignatureException",
            403,
        );
        assert.equal(
            error.message,
            "Credential should be scoped to correct service: 'inspector', not 'inspector2'.",
        );
    });

    it("answers a region scope that is no region with InvalidSignatureException", async () => {
        const client = inspector2Client(emulator, { region: "nowhere" });
        const error = await expectAwsError(
            client.send(new BatchGetAccountStatusCommand({})),
            "InvalidSignatureException",
            403,
        );
        assert.equal(error.message, "Credential should be scoped to a valid region, not 'nowhere'.");
    });
});

describe("emulator clock skew checks", () => {
    const started: RunningEmulator[] = [];
    after(() => Promise.all(started.map((emulator) => emulator.close())));

    async function emulatorAhead(offsetMs: number): Promise<RunningEmulator> {
        const emulator = await startEmulator({ now: () => Date.now() + offsetMs });
        started.push(emulator);
        return emulator;
    }

    it("answers a signature older than the skew limit with 'Signature expired'", async () => {
        const emulator = await emulatorAhead(HOUR);
        const error = await expectAwsError(
            inspector2Client(emulator).send(new BatchGetAccountStatusCommand({})),
            "InvalidSignatureException",
            403,
        );
        assert.match(
            error.message,
            /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/,
        );
    });

    it("answers a signature from beyond the skew limit with 'Signature not yet current'", async () => {
        const emulator = await emulatorAhead(-HOUR);
        const error = await expectAwsError(
            classicClient(emulator).send(new ListAssessmentTemplatesCommand({})),
            "InvalidSignatureException",
            403,
        );
        assert.match(error.message, /^Signature not yet current: /);
    });

    it("uses the configured skew limit", async () => {
        const emulator = await startEmulator({
            now: () => Date.now() + 2 * 60_000,
            settings: { clockSkewMs: 60_000 },
        });
        started.push(emulator);
        const error = await expectAwsError(
            inspector2Client(emulator).send(new BatchGetAccountStatusCommand({})),
            "InvalidSignatureException",
            403,
        );
        assert.match(error.message, /\(\d{8}T\d{6}Z - 1 min\.\)$/);
    });

    it("lets the SDK correct its clock from the Date header and succeed on its retry", async () => {
        const emulator = await emulatorAhead(HOUR);
        const client = inspector2Client(emulator, { maxAttempts: 3 });
        const output = await client.send(new BatchGetAccountStatusCommand({}));
        assert.equal(output.$metadata.httpStatusCode, 200);
        const statuses = emulator.admin.calls().map((call) => call.status);
        assert.deepEqual(statuses, [403, 200]);
    });
});
