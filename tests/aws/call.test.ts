import assert from "node:assert/strict";
import { ServiceTemporarilyUnavailableException } from "@aws-sdk/client-inspector";
import { callAws, FIRST_BACKOFF_MS, PERSISTENT_THROTTLING_TRIES } from "../../provider/aws/call";
import { AwsCallError } from "../../provider/aws/errors";
import { regionGate } from "../../provider/aws/pacing";
import { testContext } from "../support/test-context";

/** Errors shaped as the SDK raises them once its own retries are spent. */
const THROTTLED = {
    name: "ThrottlingException",
    message: "Rate exceeded",
    $metadata: { httpStatusCode: 429 },
};
const SERVER_ERROR = { name: "InternalServerException", message: "oops", $metadata: { httpStatusCode: 500 } };
const RESET = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
const INVALID = { name: "ValidationException", message: "bad", $metadata: { httpStatusCode: 400 } };
const unavailable = () =>
    new ServiceTemporarilyUnavailableException({ $metadata: {}, message: "later", canRetry: true });

/** A context that records its pauses instead of sleeping; a region of its own per test keeps gate pauses there. */
function recordingContext(
    policy: { retryAttempts?: number; retryDelayMs?: number; maxPollMs?: number } = {},
) {
    const slept: number[] = [];
    const context = {
        ...testContext({ policy: { retryAttempts: 5, retryDelayMs: 100, maxPollMs: 1000, ...policy } }),
        sleep: async (ms: number) => void slept.push(ms),
    };
    return { context, slept };
}

/** A call that fails with `errors` in turn, then answers "done"; counts its attempts. */
function failing(...errors: unknown[]) {
    const call = {
        attempts: 0,
        send: async () => {
            const error = errors[call.attempts++];
            if (error) throw error instanceof Function ? error() : error;
            return "done";
        },
    };
    return call;
}

const target = (region: string, operation = "Enable", service = "inspector2") => ({
    service,
    operation,
    region,
});

describe("callAws: the one call wrapper", () => {
    it("retries throttling, server errors and broken connections, then answers", async () => {
        const { context } = recordingContext();
        const call = failing(THROTTLED, SERVER_ERROR, RESET);
        assert.equal(await callAws(context, target("test-call-1"), call.send), "done");
        assert.equal(call.attempts, 4);
    });

    it("retries Classic's ServiceTemporarilyUnavailableException with doubling, jittered pauses", async () => {
        const { context, slept } = recordingContext({ retryAttempts: 4 });
        const call = failing(unavailable, unavailable, unavailable);
        assert.equal(
            await callAws(context, target("test-call-2", "StartAssessmentRun", "inspector"), call.send),
            "done",
        );
        assert.equal(call.attempts, 4);
        assert.equal(slept.length, 3);
        [100, 200, 400].forEach((cap, index) => {
            assert.ok(
                slept[index] >= cap / 2 && slept[index] <= cap,
                `pause ${index + 1} was ${slept[index]} ms`,
            );
        });
    });

    it("gives up after the policy's attempts with a message that says what to do", async () => {
        const { context } = recordingContext();
        const call = failing(...Array(10).fill(SERVER_ERROR));
        await assert.rejects(
            callAws(context, target("test-call-3", "Disable"), call.send),
            (error: unknown) => {
                assert.ok(error instanceof AwsCallError);
                assert.equal(
                    error.message,
                    "Inspector Disable failed in test-call-3: InternalServerException: oops (it kept failing after 5 " +
                        "attempts with back-off; run pulumi up again)",
                );
                assert.equal(error.cause, SERVER_ERROR);
                assert.equal(error.attempts, 5);
                assert.equal(error.kind, "unavailable");
                return true;
            },
        );
        assert.equal(call.attempts, 5);
    });

    it("does not retry what another attempt cannot fix", async () => {
        const { context } = recordingContext();
        const call = failing(INVALID);
        await assert.rejects(callAws(context, target("test-call-4"), call.send), {
            message:
                "Inspector Enable failed in test-call-4: ValidationException: bad (the service refused the request)",
        });
        assert.equal(call.attempts, 1);
    });

    it("does not retry past the operation's deadline", async () => {
        const { context } = recordingContext();
        const call = failing(THROTTLED, THROTTLED);
        await assert.rejects(
            callAws(context, target("test-call-5"), call.send, { deadline: Date.now() - 1 }),
            {
                name: "AwsCallError",
            },
        );
        assert.equal(call.attempts, 1);
    });

    it("lets the resource explain the final error, and keeps the shared message otherwise", async () => {
        const { context } = recordingContext();
        const explain = (error: unknown, attempts: number) =>
            (error as { name?: string }).name === "ValidationException"
                ? `explained after ${attempts}`
                : undefined;
        await assert.rejects(callAws(context, target("test-call-6"), failing(INVALID).send, { explain }), {
            message: "explained after 1",
        });
        await assert.rejects(
            callAws(context, target("test-call-6"), failing(...Array(5).fill(SERVER_ERROR)).send, {
                explain,
            }),
            { message: /^Inspector Enable failed in test-call-6: InternalServerException/ },
        );
    });

    it("names the credentials when they are missing or refused", async () => {
        const { context } = recordingContext();
        const missing = Object.assign(new Error("Could not load credentials from any providers"), {
            name: "CredentialsProviderError",
        });
        const call = failing(missing);
        await assert.rejects(callAws(context, target("test-call-7", "Describe", "inspector"), call.send), {
            message:
                "Inspector Classic Describe failed in test-call-7: CredentialsProviderError: Could not load " +
                "credentials from any providers (the AWS credentials from the default credential chain " +
                "(AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, the shared files, SSO, the container's or " +
                "the instance's role) were missing or refused: set the stack's aws:profile, or aws:accessKey and " +
                "aws:secretKey (as secrets), or configure the default credential chain (AWS_PROFILE, " +
                "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, SSO or an instance role))",
        });
        assert.equal(call.attempts, 1);
    });

    describe("network errors, within a budget of 30 s", () => {
        /** A context on a clock of its own: sleeping and each try move it forward, nothing really waits. */
        function clockContext(tryMs: number) {
            let clock = 1_000_000;
            const context = {
                ...testContext({ policy: { retryAttempts: 5, retryDelayMs: 100, maxPollMs: 1000 } }),
                now: () => clock,
                sleep: async (ms: number) => void (clock += ms),
            };
            const call = {
                attempts: 0,
                send: async () => {
                    call.attempts++;
                    clock += tryMs;
                    throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), {
                        code: "ECONNREFUSED",
                    });
                },
            };
            return { context, call, elapsed: () => clock - 1_000_000 };
        }

        const cases: [string, number, number][] = [
            ["refused at once: every try of the policy", 0, 5],
            ["a connect timeout (5 s) each: while another try could still end within 30 s", 5_000, 2],
            ["a request timeout (20 s): no second try", 20_000, 1],
        ];
        for (const [name, tryMs, attempts] of cases) {
            it(name, async () => {
                const { context, call, elapsed } = clockContext(tryMs);
                await assert.rejects(
                    callAws(context, target("test-call-net"), call.send),
                    (error: unknown) => {
                        assert.ok(error instanceof AwsCallError);
                        assert.equal(error.kind, "network");
                        assert.equal(error.attempts, attempts);
                        assert.match(
                            error.message,
                            new RegExp(
                                `^Inspector Enable failed in test-call-net: Error: connect ECONNREFUSED 127.0.0.1:1 ` +
                                    `\\(could not reach the inspector2 endpoint for test-call-net \\(${attempts} ` +
                                    `attempts? in \\d+ s\\); check the network and any proxy or firewall on the way, ` +
                                    `that test-call-net is the right region\\)$`,
                            ),
                        );
                        return true;
                    },
                );
                assert.equal(call.attempts, attempts);
                assert.ok(elapsed() <= 30_000, `the tries took ${elapsed()} ms`);
            });
        }

        it("names the endpoint variable that sent the call there", async () => {
            const { context, call } = clockContext(20_000);
            const env = { AWS_ENDPOINT_URL: "http://10.0.0.1:4566" };
            await assert.rejects(callAws({ ...context, env }, target("test-call-net"), call.send), {
                message:
                    /AWS_ENDPOINT_URL \(set to http:\/\/10\.0\.0\.1:4566\): it must point at a running endpoint\)$/,
            });
        });
    });

    it("backs a throttled call off alone: calls beside it run without waiting", async () => {
        const { context, slept } = recordingContext({ retryDelayMs: 1000, maxPollMs: 60_000 });
        const region = "test-call-8";
        const throttled = failing(THROTTLED);
        const others = Array.from({ length: 5 }, () => failing());
        const results = await Promise.all([
            callAws(context, target(region), throttled.send),
            ...others.map((call) => callAws(context, target(region, "BatchGetAccountStatus"), call.send)),
        ]);
        assert.deepEqual(results, Array(6).fill("done"));
        // One pause, the throttled call's: short (the first back-off at most), whatever the policy's retry pause.
        assert.equal(slept.length, 1);
        assert.ok(slept[0] >= FIRST_BACKOFF_MS / 2 && slept[0] <= FIRST_BACKOFF_MS, `paused ${slept[0]} ms`);
        assert.deepEqual(
            others.map((call) => call.attempts),
            Array(5).fill(1),
        );
        assert.equal(regionGate("inspector2", region).isPaused(), false);
    });

    it("pauses the region while throttling persists, and resumes at once when a call gets through", async () => {
        // A clock of its own: sleeping moves it forward, nothing really waits.
        let clock = 1_000_000;
        const slept: number[] = [];
        const context = {
            ...testContext({ policy: { retryAttempts: 5, retryDelayMs: 100, maxPollMs: 1000 } }),
            now: () => clock,
            sleep: async (ms: number) => void (slept.push(ms), (clock += ms)),
        };
        const region = "test-call-9";
        const gate = regionGate("inspector2", region);
        const pausedWhenSleeping: boolean[] = [];
        const watching = {
            ...context,
            sleep: (ms: number) => (pausedWhenSleeping.push(gate.isPaused(clock)), context.sleep(ms)),
        };
        const persistent = failing(...Array(PERSISTENT_THROTTLING_TRIES).fill(THROTTLED));
        assert.equal(await callAws(watching, target(region), persistent.send), "done");
        assert.equal(persistent.attempts, PERSISTENT_THROTTLING_TRIES + 1);
        // Its own back-off pauses only, the region paused with the last (the throttling persisted), for as long.
        assert.equal(slept.length, PERSISTENT_THROTTLING_TRIES);
        assert.deepEqual(pausedWhenSleeping, [...Array(PERSISTENT_THROTTLING_TRIES - 1).fill(false), true]);
        assert.equal(gate.isPaused(clock), false, "a success ends the pause");

        // A call that starts while the region is paused waits for the pause, once; the next one does not.
        gate.pause(300, clock);
        assert.equal(await callAws(context, target(region), failing().send), "done");
        assert.deepEqual(slept.slice(PERSISTENT_THROTTLING_TRIES), [300]);
        assert.equal(await callAws(context, target(region), failing().send), "done");
        assert.equal(slept.length, PERSISTENT_THROTTLING_TRIES + 1);
    });
});
