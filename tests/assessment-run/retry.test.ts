import assert from "node:assert/strict";
import { ServiceTemporarilyUnavailableException } from "@aws-sdk/client-inspector";
import { retryWhileUnavailable } from "../../provider/assessment-run/retry";
import { DEFAULT_WAIT_POLICY } from "../../provider/assessment-run/wait-policy";

const policy = { ...DEFAULT_WAIT_POLICY, unavailableAttempts: 4, unavailableDelayMs: 100 };
const unavailable = () =>
    new ServiceTemporarilyUnavailableException({ $metadata: {}, message: "later", canRetry: true });

/** A call that fails `failures` times with `error`, then answers "done"; it counts its calls. */
function flaky(failures: number, error: () => unknown) {
    const counter = { calls: 0 };
    const call = async () => {
        counter.calls++;
        if (counter.calls <= failures) throw error();
        return "done";
    };
    return { call, counter };
}

describe("AssessmentRun retry while Inspector is unavailable", () => {
    it("retries with doubling delays until the call succeeds", async () => {
        const slept: number[] = [];
        const { call, counter } = flaky(3, unavailable);
        assert.equal(await retryWhileUnavailable(call, policy, async (ms) => void slept.push(ms)), "done");
        assert.equal(counter.calls, 4);
        assert.deepEqual(slept, [100, 200, 400]);
    });

    it("gives up after the policy's attempts with Inspector's error", async () => {
        const { call, counter } = flaky(10, unavailable);
        await assert.rejects(
            retryWhileUnavailable(call, policy, async () => undefined),
            { name: "ServiceTemporarilyUnavailableException" },
        );
        assert.equal(counter.calls, 4);
    });

    it("does not retry other errors", async () => {
        const { call, counter } = flaky(1, () => new Error("boom"));
        await assert.rejects(
            retryWhileUnavailable(call, policy, async () => undefined),
            { message: "boom" },
        );
        assert.equal(counter.calls, 1);
    });
});
