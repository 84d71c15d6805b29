import assert from "node:assert/strict";
import {
    DEFAULT_WAIT_POLICY,
    nextPollDelay,
    pollingPolicy,
    retryDelay,
    sleepWithin,
    WAIT_POLICY_VARIABLE,
    waitPolicyFromEnv,
} from "../../provider/core/context";
import { testContext } from "../support/test-context";

describe("lifecycle context", () => {
    describe("poll back-off", () => {
        it("starts at 5 s and grows by half each time up to a minute", () => {
            const delays: number[] = [];
            let delay: number | undefined;
            for (let poll = 0; poll < 9; poll++)
                delays.push((delay = nextPollDelay(delay, DEFAULT_WAIT_POLICY)));
            assert.deepEqual(delays, [5000, 7500, 11250, 16875, 25313, 37970, 56955, 60000, 60000]);
        });

        it("follows a shrunk policy", () => {
            const policy = { ...DEFAULT_WAIT_POLICY, initialPollMs: 10, maxPollMs: 25, backoffFactor: 2 };
            assert.deepEqual(
                [undefined, 10, 20, 25].map((previous) => nextPollDelay(previous, policy)),
                [10, 20, 25, 25],
            );
        });
    });

    describe("retry back-off", () => {
        const policy = { ...DEFAULT_WAIT_POLICY, retryDelayMs: 6000, maxPollMs: 30_000 };
        const cases: [string, () => number, number[]][] = [
            ["at least half the cap", () => 0, [3000, 6000, 12_000, 15_000, 15_000]],
            ["at most the cap", () => 1, [6000, 12_000, 24_000, 30_000, 30_000]],
        ];
        for (const [name, random, expected] of cases) {
            it(`doubles from retryDelayMs up to maxPollMs, ${name}`, () => {
                assert.deepEqual(
                    [1, 2, 3, 4, 5].map((attempt) => retryDelay(policy, attempt, random)),
                    expected,
                );
            });
        }

        it("never caps below the first retry delay", () => {
            const slow = { ...DEFAULT_WAIT_POLICY, retryDelayMs: 5000, maxPollMs: 20 };
            assert.equal(
                retryDelay(slow, 1, () => 1),
                5000,
            );
        });
    });

    describe("a resource's own poll interval", () => {
        const context = { ...testContext(), policy: DEFAULT_WAIT_POLICY, policyFixed: false };

        it("sets the first pause; pauses then grow up to the policy's longest", () => {
            const policy = pollingPolicy(context, 3);
            assert.equal(policy.initialPollMs, 3000);
            assert.equal(policy.maxPollMs, 60_000);
        });

        it("raises the longest pause when the interval is longer", () => {
            assert.equal(pollingPolicy(context, 300).maxPollMs, 300_000);
        });

        it("gives way to a policy fixed for tests", () => {
            const fixed = testContext({ policy: { initialPollMs: 7 } });
            assert.equal(pollingPolicy(fixed, 3).initialPollMs, 7);
        });
    });

    describe("sleepWithin", () => {
        it("sleeps at most until the deadline, and not at all after it", async () => {
            const slept: number[] = [];
            const context = {
                ...testContext(),
                now: () => 1000,
                sleep: async (ms: number) => void slept.push(ms),
            };
            await sleepWithin(context, 500, 1200);
            await sleepWithin(context, 500, 900);
            await sleepWithin(context, 500);
            assert.deepEqual(slept, [200, 0, 500]);
        });
    });

    describe("wait policy from the environment", () => {
        it("is the default without the variable", () => {
            assert.deepEqual(waitPolicyFromEnv({}), DEFAULT_WAIT_POLICY);
        });

        it("takes overrides as JSON", () => {
            assert.deepEqual(
                waitPolicyFromEnv({ [WAIT_POLICY_VARIABLE]: '{"initialPollMs":50,"maxPollMs":200}' }),
                { ...DEFAULT_WAIT_POLICY, initialPollMs: 50, maxPollMs: 200 },
            );
        });

        const keys = "initialPollMs, maxPollMs, backoffFactor, retryAttempts, retryDelayMs, stopWaitMs";
        const invalid: [string, string][] = [
            [
                "not json",
                'PULUMI_INSPECTOR_WAIT_POLICY "not json" is not JSON; expected e.g. {"initialPollMs":50}',
            ],
            ["[1]", 'PULUMI_INSPECTOR_WAIT_POLICY "[1]" is not a JSON object'],
            [
                '{"pollMs":5}',
                `PULUMI_INSPECTOR_WAIT_POLICY: pollMs 5 must be one of ${keys} with a number of 0 or more`,
            ],
            [
                '{"maxPollMs":-1}',
                `PULUMI_INSPECTOR_WAIT_POLICY: maxPollMs -1 must be one of ${keys} with a number of 0 or more`,
            ],
        ];
        for (const [text, message] of invalid) {
            it(`refuses ${text}`, () =>
                assert.throws(() => waitPolicyFromEnv({ [WAIT_POLICY_VARIABLE]: text }), { message }));
        }
    });
});
