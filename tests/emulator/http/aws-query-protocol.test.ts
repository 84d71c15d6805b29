import assert from "node:assert/strict";
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand } from "@aws-sdk/client-sts";
import type { RunningEmulator } from "../../../emulator";
import { startEmulator } from "../../../emulator";
import { AwsQueryProtocol } from "../../../emulator/http/aws-query-protocol";
import { ServiceError } from "../../../emulator/service-error";
import type { ArrivedRequest } from "../../../emulator/signature/verify-signature";
import { expectAwsError } from "../support/expect-aws-error";
import type { IncomingResponse } from "../support/request-tampering";
import { tamperAfterSigning, tamperBeforeSigning, watchResponses } from "../support/request-tampering";
import { stsClient } from "../support/sdk-clients";

const FORM = { "content-type": "application/x-www-form-urlencoded; charset=utf-8" };

function arrived(body: string, overrides: Partial<ArrivedRequest> = {}): ArrivedRequest {
    return {
        method: "POST",
        rawPath: "/",
        rawQuery: "",
        headers: FORM,
        body: Buffer.from(body),
        ...overrides,
    };
}

describe("awsQuery (STS) wire protocol", () => {
    const protocol = new AwsQueryProtocol("sts");

    it("routes POST / by Action and Version, and a GET by its query", () => {
        const call = "Action=GetCallerIdentity&Version=2011-06-15";
        assert.equal(protocol.route(arrived(call))?.operation, "GetCallerIdentity");
        assert.equal(
            protocol.route(arrived("", { method: "GET", rawQuery: call, headers: {} }))?.operation,
            "GetCallerIdentity",
        );
        assert.equal(protocol.route(arrived("Action=GetCallerIdentity&Version=2011-06-16")), undefined);
        assert.equal(protocol.route(arrived("Action=Nothing&Version=2011-06-15")), undefined);
        assert.equal(protocol.route(arrived(call, { rawPath: "/other" })), undefined);
        assert.equal(protocol.route(arrived(call, { method: "PUT" })), undefined);
    });

    it("tells an STS call from the JSON services' calls on the shared address", () => {
        assert.ok(AwsQueryProtocol.addresses(arrived("Action=GetCallerIdentity")));
        assert.ok(
            AwsQueryProtocol.addresses(
                arrived("", { method: "GET", rawQuery: "Action=GetCallerIdentity", headers: {} }),
            ),
        );
        assert.ok(
            !AwsQueryProtocol.addresses(arrived("{}", { headers: { "content-type": "application/json" } })),
        );
    });

    it("decodes numbers, nested lists of structures and lists of strings as the model types them", () => {
        const input = protocol.decodeInput(
            { operation: "AssumeRole", labels: {} },
            arrived(
                [
                    "Action=AssumeRole",
                    "Version=2011-06-15",
                    "RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FInspectorDeployer",
                    "RoleSessionName=s1",
                    "DurationSeconds=900",
                    "Tags.member.1.Key=team",
                    "Tags.member.1.Value=security",
                    "Tags.member.2.Key=cost",
                    "Tags.member.2.Value=",
                    "TransitiveTagKeys.member.1=team",
                    "PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FReadOnlyAccess",
                    "Unknown=ignored",
                ].join("&"),
            ),
        );
        assert.deepEqual(input, {
            RoleArn: "arn:aws:iam::111122223333:role/InspectorDeployer",
            RoleSessionName: "s1",
            DurationSeconds: 900,
            Tags: [
                { Key: "team", Value: "security" },
                { Key: "cost", Value: "" },
            ],
            TransitiveTagKeys: ["team"],
            PolicyArns: [{ arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
        });
    });

    it("keeps a number parameter that is no number as text, for validation to name", () => {
        const input = protocol.decodeInput(
            { operation: "AssumeRole", labels: {} },
            arrived("Action=AssumeRole&Version=2011-06-15&DurationSeconds=soon"),
        );
        assert.deepEqual(input, { DurationSeconds: "soon" });
    });

    it("answers XML in the operation's result wrapper with the request ID in body and header", () => {
        const response = protocol.encodeOutput("GetCallerIdentity", {
            UserId: "AIDA<&>",
            Account: "111122223333",
            Arn: "arn:aws:iam::111122223333:user/emulator-administrator",
        });
        const requestId = response.headers["x-amzn-requestid"];
        assert.equal(response.status, 200);
        assert.equal(response.headers["content-type"], "text/xml");
        assert.equal(
            response.body,
            '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">' +
                "<GetCallerIdentityResult><UserId>AIDA&lt;&amp;&gt;</UserId><Account>111122223333</Account>" +
                "<Arn>arn:aws:iam::111122223333:user/emulator-administrator</Arn></GetCallerIdentityResult>" +
                `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        );
    });

    it("answers errors as STS's ErrorResponse document, Sender for the caller's and Receiver for its own", () => {
        const sender = protocol.encodeError(new ServiceError("AccessDenied", 403, "No <way>"));
        const requestId = sender.headers["x-amzn-requestid"];
        assert.equal(sender.status, 403);
        assert.equal(sender.headers["content-type"], "text/xml");
        assert.equal(
            sender.body,
            '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>' +
                "<Code>AccessDenied</Code><Message>No &lt;way&gt;</Message></Error>" +
                `<RequestId>${requestId}</RequestId></ErrorResponse>`,
        );
        const receiver = protocol.encodeError(new ServiceError("InternalFailure", 500, "oops"));
        assert.match(receiver.body, /<Type>Receiver<\/Type><Code>InternalFailure<\/Code>/);
    });
});

describe("STS on the emulator's address (through the real SDK client)", () => {
    let emulator: RunningEmulator;
    before(async () => (emulator = await startEmulator()));
    after(() => emulator.close());

    it("answers text/xml with a request ID", async () => {
        const client = stsClient(emulator);
        const seen: IncomingResponse[] = [];
        watchResponses(client, (response) => seen.push(response));
        const output = await client.send(new GetCallerIdentityCommand({}));
        assert.match(output.$metadata.requestId ?? "", /^[0-9a-f-]{36}$/);
        assert.equal(seen[0].headers["content-type"], "text/xml");
    });

    it("answers an unsigned call with 403 MissingAuthenticationToken in an ErrorResponse", async () => {
        const response = await fetch(emulator.url, {
            method: "POST",
            headers: FORM,
            body: "Action=GetCallerIdentity&Version=2011-06-15",
        });
        assert.equal(response.status, 403);
        assert.match(
            await response.text(),
            /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>MissingAuthenticationToken<\/Code><Message>Missing Authentication Token<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
        );
        assert.equal(emulator.admin.calls().at(-1)?.operation, "GetCallerIdentity");
    });

    for (const [title, credentials, code, message] of [
        [
            "an unknown access key with 403 InvalidClientTokenId",
            { accessKeyId: "AKIAIOSFODNN7UNKNOWN", secretAccessKey: "x" },
            "InvalidClientTokenId",
            /^The security token included in the request is invalid\.$/,
        ],
        [
            "a wrong secret with 403 SignatureDoesNotMatch",
            { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wrong" },
            "SignatureDoesNotMatch",
            /^The request signature does not match the one computed with the secret key of AKIAIOSFODNN7EXAMPLE/,
        ],
    ] as const) {
        it(`answers ${title}`, async () => {
            const error = await expectAwsError(
                stsClient(emulator, { credentials }).send(new GetCallerIdentityCommand({})),
                code,
                403,
            );
            assert.match(error.message, message);
        });
    }

    it("answers a body changed after signing with 403 SignatureDoesNotMatch", async () => {
        const client = stsClient(emulator);
        tamperAfterSigning(client, (request) => {
            request.body = "Action=GetCallerIdentity&Version=2011-06-15&X=1";
            request.headers["content-length"] = String(Buffer.byteLength(request.body as string));
        });
        await expectAwsError(client.send(new GetCallerIdentityCommand({})), "SignatureDoesNotMatch", 403);
    });

    it("answers a malformed Authorization header with 403 IncompleteSignature", async () => {
        const client = stsClient(emulator);
        tamperAfterSigning(
            client,
            (request) => (request.headers["authorization"] = "AWS4-HMAC-SHA256 nonsense"),
        );
        await expectAwsError(client.send(new GetCallerIdentityCommand({})), "IncompleteSignature", 403);
    });

    it("answers a signature from beyond the skew limit with 403 SignatureDoesNotMatch 'Signature expired'", async () => {
        const ahead = await startEmulator({ now: () => Date.now() + 60 * 60 * 1000 });
        try {
            const error = await expectAwsError(
                stsClient(ahead).send(new GetCallerIdentityCommand({})),
                "SignatureDoesNotMatch",
                403,
            );
            assert.match(error.message, /^Signature expired: /);
        } finally {
            await ahead.close();
        }
    });

    it("answers an Action of no STS operation, or another API version, with 400 InvalidAction", async () => {
        for (const [body, message] of [
            ["Action=Nothing&Version=2011-06-15", "Could not find operation Nothing for version 2011-06-15"],
            [
                "Action=GetCallerIdentity&Version=2099-01-01",
                "Could not find operation GetCallerIdentity for version 2099-01-01",
            ],
            [
                "Version=2011-06-15",
                "POST / without Action: sts calls are POST / with a form body Action=<Operation>&Version=2011-06-15.",
            ],
        ]) {
            const client = stsClient(emulator);
            tamperBeforeSigning(client, (request) => (request.body = body));
            const error = await expectAwsError(
                client.send(new GetCallerIdentityCommand({})),
                "InvalidAction",
                400,
            );
            assert.equal(error.message, message);
        }
    });

    it("answers an STS operation the emulator does not implement with 400 InvalidAction", async () => {
        const error = await expectAwsError(
            stsClient(emulator).send(new GetSessionTokenCommand({})),
            "InvalidAction",
            400,
        );
        assert.equal(error.message, "The emulator does not implement sts GetSessionToken.");
        assert.equal(emulator.admin.calls().at(-1)?.operation, "GetSessionToken");
    });

    it("answers a call scoped to another service with 403 SignatureDoesNotMatch naming the service", async () => {
        const client = stsClient(emulator);
        tamperAfterSigning(
            client,
            (request) =>
                (request.headers["authorization"] = request.headers["authorization"].replace(
                    "/sts/aws4_request",
                    "/inspector2/aws4_request",
                )),
        );
        const error = await expectAwsError(
            client.send(new GetCallerIdentityCommand({})),
            "SignatureDoesNotMatch",
            403,
        );
        assert.equal(
            error.message,
            "Credential should be scoped to correct service: 'sts', not 'inspector2'.",
        );
    });

    it("serves AssumeRole and validates its input", async () => {
        await expectAwsError(
            stsClient(emulator).send(
                new AssumeRoleCommand({
                    RoleArn: "arn:aws:iam::111122223333:role/InspectorDeployer",
                    RoleSessionName: "",
                }),
            ),
            "ValidationError",
            400,
        );
    });
});
