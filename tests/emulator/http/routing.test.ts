import assert from "node:assert/strict";
import { GetTelemetryMetadataCommand, ListAssessmentTemplatesCommand } from "@aws-sdk/client-inspector";
import {
    BatchGetAccountStatusCommand,
    GetEncryptionKeyCommand,
    ListCodeSecurityIntegrationsCommand,
    ListCoverageStatisticsCommand,
    ListTagsForResourceCommand,
    UntagResourceCommand,
} from "@aws-sdk/client-inspector2";
import type { RunningEmulator } from "../../../emulator";
import { startEmulator } from "../../../emulator";
import { startEmulatorWith } from "../../../emulator/emulator";
import { expectAwsError } from "../support/expect-aws-error";
import type { IncomingResponse } from "../support/request-tampering";
import { tamperBeforeSigning, watchResponses } from "../support/request-tampering";
import { classicClient, inspector2Client } from "../support/sdk-clients";
import { StandInService, standInFactory } from "../support/stand-in-service";

describe("emulator routing with the real services", () => {
    let emulator: RunningEmulator;
    before(async () => (emulator = await startEmulator()));
    after(() => emulator.close());

    it("serves inspector2 (restJson1) with a JSON answer and a request ID", async () => {
        const client = inspector2Client(emulator);
        const seen: IncomingResponse[] = [];
        watchResponses(client, (response) => seen.push(response));
        const output = await client.send(new BatchGetAccountStatusCommand({}));
        assert.equal(output.accounts?.[0]?.accountId, "111122223333");
        assert.match(output.$metadata.requestId ?? "", /^[0-9a-f-]{36}$/);
        assert.equal(seen[0].headers["content-type"], "application/json");
    });

    it("serves Inspector Classic (awsJson1_1) on the same address", async () => {
        const client = classicClient(emulator);
        const seen: IncomingResponse[] = [];
        watchResponses(client, (response) => seen.push(response));
        const output = await client.send(new ListAssessmentTemplatesCommand({}));
        assert.deepEqual(output.assessmentTemplateArns, [emulator.templateArn]);
        assert.equal(seen[0].headers["content-type"], "application/x-amz-json-1.1");
    });

    it("answers an inspector2 operation the emulator does not implement with 404 UnknownOperationException", async () => {
        const error = await expectAwsError(
            inspector2Client(emulator).send(new ListCoverageStatisticsCommand({})),
            "UnknownOperationException",
            404,
        );
        assert.equal(error.message, "The emulator does not implement inspector2 ListCoverageStatistics.");
    });

    it("answers a Classic operation the emulator does not implement with 400 UnknownOperationException", async () => {
        const error = await expectAwsError(
            classicClient(emulator).send(new GetTelemetryMetadataCommand({ assessmentRunArn: "arn:aws:x" })),
            "UnknownOperationException",
            400,
        );
        assert.equal(error.message, "The emulator does not implement inspector GetTelemetryMetadata.");
    });

    it("answers a path no inspector2 operation has with 404 UnknownOperationException", async () => {
        const client = inspector2Client(emulator);
        tamperBeforeSigning(client, (request) => (request.path = "/no/such/operation"));
        const error = await expectAwsError(
            client.send(new BatchGetAccountStatusCommand({})),
            "UnknownOperationException",
            404,
        );
        assert.equal(error.message, "No inspector2 operation is served at POST /no/such/operation.");
    });

    it("answers a known path with the wrong method with 404 UnknownOperationException", async () => {
        const client = inspector2Client(emulator);
        tamperBeforeSigning(client, (request) => (request.method = "PUT"));
        await expectAwsError(
            client.send(new BatchGetAccountStatusCommand({})),
            "UnknownOperationException",
            404,
        );
    });

    it("answers an X-Amz-Target naming no Classic operation with 400 UnknownOperationException", async () => {
        const client = classicClient(emulator);
        tamperBeforeSigning(
            client,
            (request) => (request.headers["x-amz-target"] = "InspectorService.Nothing"),
        );
        const error = await expectAwsError(
            client.send(new ListAssessmentTemplatesCommand({})),
            "UnknownOperationException",
            400,
        );
        assert.match(error.message, /^InspectorService\.Nothing is not an operation of inspector;/);
    });

    for (const [body, problem] of [
        ["{not json", /^The request body is not valid JSON: /],
        ["[1, 2]", /^The request body must be a JSON object, got an array\.$/],
        ["null", /^The request body must be a JSON object, got null\.$/],
    ] as const) {
        it(`answers the body ${body} with 400 SerializationException in both protocols`, async () => {
            const inspector2 = inspector2Client(emulator);
            tamperBeforeSigning(inspector2, (request) => (request.body = body));
            const restError = await expectAwsError(
                inspector2.send(new BatchGetAccountStatusCommand({})),
                "SerializationException",
                400,
            );
            assert.match(restError.message, problem);
            const classic = classicClient(emulator);
            tamperBeforeSigning(classic, (request) => (request.body = body));
            const jsonError = await expectAwsError(
                classic.send(new ListAssessmentTemplatesCommand({})),
                "SerializationException",
                400,
            );
            assert.match(jsonError.message, problem);
        });
    }

    it("refuses a body over the size limit with 413 instead of buffering it", async () => {
        const client = classicClient(emulator);
        tamperBeforeSigning(
            client,
            (request) => (request.body = JSON.stringify({ padding: "x".repeat(5_000_000) })),
        );
        await expectAwsError(
            client.send(new ListAssessmentTemplatesCommand({})),
            "RequestEntityTooLargeException",
            413,
        );
        const call = emulator.admin.calls().at(-1);
        assert.equal(call?.status, 413);
        assert.equal(call?.operation, "ListAssessmentTemplates");
    });
});

describe("emulator routing of restJson1 URI labels, query strings and headers", () => {
    const inspector2 = new StandInService(
        "inspector2",
        ["ListTagsForResource", "UntagResource", "GetEncryptionKey", "ListCodeSecurityIntegrations"],
        {
            ListTagsForResource: (input) => ({ tags: { seen: String(input.resourceArn) } }),
            GetEncryptionKey: () => ({
                kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef",
            }),
        },
    );
    const classic = new StandInService("inspector", []);
    let emulator: RunningEmulator;
    before(async () => (emulator = await startEmulatorWith({}, standInFactory(inspector2, classic))));
    after(() => emulator.close());
    beforeEach(() => inspector2.reset());

    const arn = "arn:aws:inspector2:us-east-1:111122223333:finding/0123456789abcdef0123456789abcdef";

    it("decodes a URI label that the SDK percent-encoded", async () => {
        const output = await inspector2Client(emulator).send(
            new ListTagsForResourceCommand({ resourceArn: arn }),
        );
        assert.deepEqual(output.tags, { seen: arn });
        assert.equal(inspector2.received[0].operation, "ListTagsForResource");
    });

    it("tells operations on the same path apart by method and reads repeated query parameters as a list", async () => {
        await inspector2Client(emulator).send(
            new UntagResourceCommand({ resourceArn: arn, tagKeys: ["team", "cost"] }),
        );
        assert.deepEqual(inspector2.received[0], {
            operation: "UntagResource",
            input: { resourceArn: arn, tagKeys: ["team", "cost"] },
            caller: { accountId: "111122223333", accessKeyId: "AKIAIOSFODNN7EXAMPLE", region: "us-east-1" },
        });
    });

    it("reads enum query parameters and validates them like body members", async () => {
        await inspector2Client(emulator).send(
            new GetEncryptionKeyCommand({ scanType: "CODE", resourceType: "AWS_LAMBDA_FUNCTION" }),
        );
        assert.deepEqual(inspector2.received[0].input, {
            scanType: "CODE",
            resourceType: "AWS_LAMBDA_FUNCTION",
        });
        const error = await expectAwsError(
            inspector2Client(emulator).send(
                new GetEncryptionKeyCommand({
                    scanType: "CODE",
                    resourceType: "NOT_A_TYPE" as "AWS_LAMBDA_FUNCTION",
                }),
            ),
            "ValidationException",
            400,
        );
        assert.deepEqual(error.fields, [
            {
                name: "resourceType",
                message:
                    'resourceType "NOT_A_TYPE" is not one of AWS_EC2_INSTANCE, AWS_ECR_CONTAINER_IMAGE, AWS_ECR_REPOSITORY, ' +
                    "AWS_LAMBDA_FUNCTION, CODE_REPOSITORY, Microsoft.Compute/virtualMachines, " +
                    "Microsoft.ContainerRegistry/registry/containerImage, Microsoft.Web/sites",
            },
        ]);
        assert.equal(inspector2.received.length, 1);
    });

    it("turns numeric query parameters into numbers and reports text that is not one", async () => {
        await inspector2Client(emulator).send(new ListCodeSecurityIntegrationsCommand({ maxResults: 7 }));
        assert.deepEqual(inspector2.received[0].input, { maxResults: 7 });
        const client = inspector2Client(emulator);
        tamperBeforeSigning(client, (request) => (request.query.maxResults = "seven"));
        const error = await expectAwsError(
            client.send(new ListCodeSecurityIntegrationsCommand({ maxResults: 7 })),
            "ValidationException",
            400,
        );
        assert.equal(
            error.message,
            'The input breaks 1 constraint: maxResults must be an integer, got "seven"',
        );
    });
});
