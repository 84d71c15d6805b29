import assert from "node:assert/strict";
import { InspectorCallError } from "../../provider/enablement/errors";
import { MAX_CALL_ATTEMPTS, withRetries } from "../../provider/enablement/retry";

/** Errors shaped as the SDK raises them once its own retries are spent. */
const THROTTLED = {
    name: "ThrottlingException",
    message: "Rate exceeded",
    $metadata: { httpStatusCode: 429 },
};
const SERVER_ERROR = { name: "InternalServerException", message: "oops", $metadata: { httpStatusCode: 500 } };
const RESET = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
const INVALID = { name: "ValidationException", message: "bad", $metadata: { httpStatusCode: 400 } };

/** Pauses of a millisecond or two; a region of its own per test, so gate pauses stay there. */
function context(region: string, deadline = Date.now() + 60_000) {
    return { region, timing: { pollMs: 1, maxPollMs: 2, deadline } };
}

/** A call that fails with `errors` in turn, then answers "done"; counts its attempts. */
function failing(...errors: unknown[]) {
    const call = {
        attempts: 0,
        send: async () => {
            const error = errors[call.attempts++];
            if (error) throw error;
            return "done";
        },
    };
    return call;
}

describe("enablement call retries", () => {
    it("retries throttling, server errors and broken connections, then answers", async () => {
        const call = failing(THROTTLED, SERVER_ERROR, RESET);
        assert.equal(await withRetries(context("test-retry-1"), "Enable", call.send), "done");
        assert.equal(call.attempts, 4);
    });

    it(`gives up after ${MAX_CALL_ATTEMPTS} attempts with a message that says what to do`, async () => {
        const call = failing(...Array(10).fill(SERVER_ERROR));
        await assert.rejects(withRetries(context("test-retry-2"), "Disable", call.send), (error: unknown) => {
            assert.ok(error instanceof InspectorCallError);
            assert.equal(
                error.message,
                "Inspector Disable failed in test-retry-2: InternalServerException: oops (it kept failing after 5 " +
                    "attempts with back-off; run pulumi up again)",
            );
            assert.equal(error.cause, SERVER_ERROR);
            return true;
        });
        assert.equal(call.attempts, MAX_CALL_ATTEMPTS);
    });

    it("does not retry what another attempt cannot fix", async () => {
        const call = failing(INVALID);
        await assert.rejects(withRetries(context("test-retry-3"), "Enable", call.send), {
            message:
                "Inspector Enable failed in test-retry-3: ValidationException: bad (Inspector refused the request)",
        });
        assert.equal(call.attempts, 1);
    });

    it("does not retry past the operation's deadline", async () => {
        const call = failing(THROTTLED, THROTTLED);
        await assert.rejects(withRetries(context("test-retry-4", Date.now() - 1), "Enable", call.send), {
            name: "InspectorCallError",
        });
        assert.equal(call.attempts, 1);
    });
});
