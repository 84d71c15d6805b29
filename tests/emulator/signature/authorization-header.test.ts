import assert from "node:assert/strict";
import { parseAuthorization } from "../../../emulator/signature/authorization-header";

const SIGNATURE = "a".repeat(64);

describe("parseAuthorization", () => {
    it("reads the access key, scope, signed headers and signature", () => {
        assert.deepEqual(
            parseAuthorization(
                `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240102/us-east-1/inspector/aws4_request, ` +
                    `SignedHeaders=host;x-amz-date;x-amz-target, Signature=${SIGNATURE}`,
            ),
            {
                accessKeyId: "AKIAIOSFODNN7EXAMPLE",
                scope: { date: "20240102", region: "us-east-1", service: "inspector" },
                signedHeaders: ["host", "x-amz-date", "x-amz-target"],
                signature: SIGNATURE,
            },
        );
    });

    const TABLE: readonly [header: string, problem: string][] = [
        [
            "Basic dXNlcjpwYXNz",
            "The Authorization header must start with 'AWS4-HMAC-SHA256 ', got 'Basic dXNlcjpwYXNz'.",
        ],
        [
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240102/us-east-1/inspector/aws4_request",
            "The Authorization header lacks the 'SignedHeaders', 'Signature' parameter(s): " +
                "'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240102/us-east-1/inspector/aws4_request'.",
        ],
        [
            `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240102/us-east-1, SignedHeaders=host, Signature=${SIGNATURE}`,
            "The Credential 'AKIAIOSFODNN7EXAMPLE/20240102/us-east-1' must have the form " +
                "<access key>/<YYYYMMDD>/<region>/<service>/aws4_request.",
        ],
        [
            `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240102/us-east-1/inspector/aws3_request, SignedHeaders=host, Signature=${SIGNATURE}`,
            "The Credential 'AKIAIOSFODNN7EXAMPLE/20240102/us-east-1/inspector/aws3_request' must end with " +
                "'aws4_request', not 'aws3_request'.",
        ],
        [
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240102/us-east-1/inspector/aws4_request, SignedHeaders=host, Signature=XYZ",
            "The Signature 'XYZ' must be 64 lower-case hexadecimal digits.",
        ],
    ];

    for (const [header, problem] of TABLE) {
        it(`explains what is wrong with ${header.slice(0, 60)}…`, () => {
            assert.equal(parseAuthorization(header), problem);
        });
    }
});
