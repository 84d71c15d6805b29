import assert from "node:assert/strict";
import { WAIT_POLICY_VARIABLE, waitPolicyFromEnv } from "../../provider/assessment-run/context";
import { DEFAULT_WAIT_POLICY } from "../../provider/assessment-run/wait-policy";

describe("AssessmentRun wait policy from the environment", () => {
    it("is the default without the variable", () => {
        assert.deepEqual(waitPolicyFromEnv({}), DEFAULT_WAIT_POLICY);
    });

    it("takes overrides as JSON", () => {
        assert.deepEqual(
            waitPolicyFromEnv({ [WAIT_POLICY_VARIABLE]: '{"initialPollMs":50,"maxPollMs":200}' }),
            {
                ...DEFAULT_WAIT_POLICY,
                initialPollMs: 50,
                maxPollMs: 200,
            },
        );
    });

    const invalid: [string, string][] = [
        [
            "not json",
            'PULUMI_INSPECTOR_WAIT_POLICY "not json" is not JSON; expected e.g. {"initialPollMs":50}',
        ],
        [
            '{"pollMs":5}',
            "PULUMI_INSPECTOR_WAIT_POLICY: pollMs 5 must be one of initialPollMs, maxPollMs, backoffFactor, " +
                "unavailableAttempts, unavailableDelayMs, stopWaitMs with a number of 0 or more",
        ],
        [
            '{"maxPollMs":-1}',
            "PULUMI_INSPECTOR_WAIT_POLICY: maxPollMs -1 must be one of initialPollMs, maxPollMs, backoffFactor, " +
                "unavailableAttempts, unavailableDelayMs, stopWaitMs with a number of 0 or more",
        ],
    ];
    for (const [text, message] of invalid) {
        it(`refuses ${text}`, () =>
            assert.throws(() => waitPolicyFromEnv({ [WAIT_POLICY_VARIABLE]: text }), { message }));
    }
});
