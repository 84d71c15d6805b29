import assert from "node:assert/strict";
import { ServiceTemporarilyUnavailableException } from "@aws-sdk/client-inspector";
import {
    adviceFor,
    classifyError,
    errorName,
    errorSummary,
    isRetryable,
    type ErrorKind,
} from "../../provider/aws/errors";

describe("AWS error classification", () => {
    const cases: [string, unknown, ErrorKind][] = [
        ["throttling by name", { name: "ThrottlingException" }, "throttling"],
        ["throttling by status", { name: "Whatever", $metadata: { httpStatusCode: 429 } }, "throttling"],
        [
            "a 5xx answer",
            { name: "InternalServerException", $metadata: { httpStatusCode: 500 } },
            "unavailable",
        ],
        [
            "Classic's temporary unavailability",
            new ServiceTemporarilyUnavailableException({ $metadata: {}, message: "later", canRetry: true }),
            "unavailable",
        ],
        ["Classic's internal error", { name: "InternalException" }, "unavailable"],
        ["a reset connection", Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), "network"],
        ["a refused connection", Object.assign(new Error("connect"), { code: "ECONNREFUSED" }), "network"],
        ["the SDK's timeout", { name: "TimeoutError" }, "network"],
        ["no credentials", { name: "CredentialsProviderError" }, "credentials"],
        [
            "an unknown key",
            { name: "UnrecognizedClientException", $metadata: { httpStatusCode: 403 } },
            "credentials",
        ],
        ["a bad signature", { name: "InvalidSignatureException" }, "credentials"],
        [
            "missing permission",
            { name: "AccessDeniedException", $metadata: { httpStatusCode: 403 } },
            "access-denied",
        ],
        ["invalid input", { name: "ValidationException", $metadata: { httpStatusCode: 400 } }, "refused"],
        [
            "a Classic limit",
            { name: "LimitExceededException", $metadata: { httpStatusCode: 400 } },
            "refused",
        ],
        ["not an SDK error", "text", "refused"],
    ];
    for (const [name, error, kind] of cases) {
        it(`${name} is ${kind}`, () => {
            assert.equal(classifyError(error), kind);
            assert.equal(isRetryable(error), ["throttling", "unavailable", "network"].includes(kind));
        });
    }

    it("names and summarises errors for messages", () => {
        assert.equal(errorName({ name: "X" }), "X");
        assert.equal(errorName(null), undefined);
        assert.equal(errorSummary({ name: "X", message: "went wrong" }), "X: went wrong");
        assert.equal(errorSummary("plain"), "plain");
    });

    it("advises per kind, naming the permission the call needs", () => {
        const target = { service: "inspector2", operation: "Enable", region: "eu-west-1" };
        assert.equal(
            adviceFor({ name: "AccessDeniedException" }, target, 1),
            "the credentials need inspector2:Enable",
        );
        assert.equal(
            adviceFor({ name: "ThrottlingException" }, target, 5),
            "it kept failing after 5 attempts with back-off; run pulumi up again",
        );
        assert.match(
            adviceFor({ name: "ExpiredTokenException" }, target, 1),
            /credentials were missing or refused/,
        );
    });
});
