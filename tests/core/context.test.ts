import assert from "node:assert/strict";
import {
    ACCOUNT_STATUS_POLLING,
    DEFAULT_WAIT_POLICY,
    nextPollDelay,
    type PollSchedule,
    pollingPolicy,
    pollPauses,
    retryDelay,
    SCAN_POLLING,
    sleepWithin,
    WAIT_POLICY_VARIABLE,
    waitPolicyFromEnv,
} from "../../provider/core/context";
import { fakeClock } from "../support/fake-clock";
import { testContext } from "../support/test-context";

describe("lifecycle context", () => {
    describe("poll schedule", () => {
        const schedules: [string, PollSchedule][] = [
            ["account statuses (1 s, 25 %)", ACCOUNT_STATUS_POLLING],
            ["runs and scans (2 s, 15 %)", SCAN_POLLING],
        ];

        /** The bound the schedule promises: the pause is at most max(floor, fraction x time waited). */
        const bound = (schedule: PollSchedule, waitedMs: number) =>
            Math.max(schedule.floorMs, schedule.fraction * waitedMs);

        for (const [name, schedule] of schedules) {
            it(`${name}: every pause within the bound and the longest pause, whatever was waited`, () => {
                for (const policy of [DEFAULT_WAIT_POLICY, { ...DEFAULT_WAIT_POLICY, maxPollMs: 3_000 }]) {
                    for (let waitedMs = 0; waitedMs <= 3_600_000; waitedMs += 997) {
                        for (const previous of [undefined, 1, 1_000, 5_000, 60_000]) {
                            const pause = nextPollDelay(schedule, policy, waitedMs, previous);
                            assert.ok(pause <= bound(schedule, waitedMs), `${pause} ms after ${waitedMs} ms`);
                            assert.ok(pause <= policy.maxPollMs, `${pause} ms above ${policy.maxPollMs}`);
                            assert.ok(pause >= Math.min(schedule.floorMs, policy.maxPollMs));
                        }
                    }
                }
            });

            for (const changeAfterMs of [2_000, 20_000, 120_000]) {
                it(`${name}: a wait notices a change ${changeAfterMs / 1000} s in within the bound`, () => {
                    // A fake clock: reads take no time, pauses advance it by exactly what was asked.
                    const clock = fakeClock();
                    const pause = pollPauses(clock.context, schedule, DEFAULT_WAIT_POLICY);
                    let reads = 0;
                    while (clock.now < changeAfterMs) {
                        const waited = clock.now;
                        void pause();
                        assert.ok(clock.slept.at(-1)! <= bound(schedule, waited));
                        reads++;
                    }
                    const reaction = clock.now - changeAfterMs;
                    assert.ok(
                        reaction <= bound(schedule, changeAfterMs),
                        `noticed ${reaction} ms after the change at ${changeAfterMs} ms`,
                    );
                    // Reads grow with the logarithm of the wait, not with its length.
                    assert.ok(reads <= 4 + Math.log(changeAfterMs / 1000) / Math.log(1 + schedule.fraction));
                });
            }
        }

        it("starts at the floor and grows with the time waited, up to the longest pause", () => {
            const clock = fakeClock();
            const pause = pollPauses(clock.context, ACCOUNT_STATUS_POLLING, DEFAULT_WAIT_POLICY);
            while (clock.now < 600_000) void pause();
            assert.deepEqual(clock.slept.slice(0, 6), [1000, 1000, 1000, 1000, 1000, 1250]);
            assert.equal(clock.slept.at(-1), DEFAULT_WAIT_POLICY.maxPollMs);
            for (let i = 1; i < clock.slept.length; i++) assert.ok(clock.slept[i] >= clock.slept[i - 1]);
        });

        it("grows by at most the policy's factor after a slow round", () => {
            // 100 s passed in one round (a throttled read of many accounts): the pause grows by half, no more.
            assert.equal(nextPollDelay(SCAN_POLLING, DEFAULT_WAIT_POLICY, 120_000, 2_000), 3_000);
        });

        it("follows a policy shrunk for tests: its first pause as the floor, its longest as the cap", () => {
            const policy = { ...DEFAULT_WAIT_POLICY, initialPollMs: 10, maxPollMs: 25 };
            assert.deepEqual(
                [0, 50, 100, 1000].map((waited) => nextPollDelay(ACCOUNT_STATUS_POLLING, policy, waited)),
                [10, 12, 25, 25],
            );
        });

        it("sleeps no further than the deadline", async () => {
            const clock = fakeClock();
            const pause = pollPauses(clock.context, SCAN_POLLING, DEFAULT_WAIT_POLICY);
            await pause(500);
            assert.deepEqual(clock.slept, [500]);
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

        it("sets the longest pause; the floor stays", () => {
            const policy = pollingPolicy(context, 3);
            assert.equal(policy.maxPollMs, 3000);
            assert.equal(policy.initialPollMs, DEFAULT_WAIT_POLICY.initialPollMs);
            assert.equal(nextPollDelay(ACCOUNT_STATUS_POLLING, policy, 0), 1000);
            assert.equal(nextPollDelay(ACCOUNT_STATUS_POLLING, policy, 60_000), 3000);
        });

        it("lets pauses grow past the policy's minute when it is longer", () => {
            const policy = pollingPolicy(context, 300);
            assert.equal(policy.maxPollMs, 300_000);
            assert.equal(nextPollDelay(ACCOUNT_STATUS_POLLING, policy, 1_000_000), 250_000);
        });

        it("gives way to a policy fixed for tests", () => {
            const fixed = testContext({ policy: { maxPollMs: 7 } });
            assert.equal(pollingPolicy(fixed, 3).maxPollMs, 7);
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
