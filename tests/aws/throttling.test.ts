import assert from "node:assert/strict";
import {
    BatchGetAccountStatusCommand,
    EnableCommand,
    type Inspector2Client,
} from "@aws-sdk/client-inspector2";
import { callAws } from "../../provider/aws/call";
import { sharedClients } from "../../provider/aws/clients";
import { createEnablement } from "../../provider/enablement/lifecycle";
import { enablementInputs, executed, organisationOf } from "../enablement/emulator-fixture";
import { useSdkEmulator } from "../support/sdk-emulator";
import { testContext } from "../support/test-context";

// Throttling through the real SDK clients and the emulator's seeded faults: only the throttled call waits.

const ORGANISATION = organisationOf(300);
const REGION = "us-east-1";
const ATTEMPTS = 5;

/** A test context whose sleeps are counted (and shortened to nothing). */
function countingContext() {
    const slept: number[] = [];
    const context = {
        ...testContext({ policy: { retryAttempts: ATTEMPTS, retryDelayMs: 5, maxPollMs: 20 } }),
        sleep: async (ms: number) => void slept.push(ms),
    };
    return { context, slept };
}

/** Tries per distinct request (operation and input), as the client was asked to send them. */
function countingClient(tries: Map<string, number>): Inspector2Client {
    const client = sharedClients.inspector2(REGION);
    return new Proxy(client, {
        get(target, property, receiver) {
            if (property !== "send") return Reflect.get(target, property, receiver);
            return (command: { constructor: { name: string }; input: unknown }) => {
                const key = `${command.constructor.name} ${JSON.stringify(command.input)}`;
                tries.set(key, (tries.get(key) ?? 0) + 1);
                return target.send(command as never);
            };
        },
    });
}

describe("throttling through the SDK clients (against the emulator's faults)", () => {
    const fixture = useSdkEmulator({ accounts: ORGANISATION.accounts, delays: { enablingMs: 0 }, seed: 11 });
    const throttle = (probability: number) =>
        fixture.emulator.admin.updateSettings({
            faults: [{ service: "inspector2", operation: "*", kind: "throttle", probability, value: 0 }],
        });
    const throttledAnswers = () =>
        fixture.emulator.admin.calls().filter((call) => call.errorCode === "ThrottlingException").length;

    for (const percent of [10, 30]) {
        it(`at ${percent} %: every call succeeds in a bounded number of tries, only throttled calls back off`, async () => {
            throttle(percent / 100);
            const { context, slept } = countingContext();
            const tries = new Map<string, number>();
            const client = countingClient(tries);
            // Forty reads of 100 accounts each, every one a distinct request.
            const reads = Array.from({ length: 40 }, (_, index) =>
                ORGANISATION.memberIds.slice(index * 5, index * 5 + 100),
            );
            const answers = await Promise.all(
                reads.map((accountIds) =>
                    callAws(
                        context,
                        { service: "inspector2", operation: "BatchGetAccountStatus", region: REGION },
                        () => client.send(new BatchGetAccountStatusCommand({ accountIds })),
                    ),
                ),
            );
            assert.equal(answers.length, 40);
            assert.ok(answers.every((answer) => answer.accounts?.length === 100));
            const throttled = throttledAnswers();
            assert.ok(throttled > 0, "the storm throttled nothing");
            // One back-off per throttled answer. At 10 % no call is throttled twice in a row, so nothing else
            // waits: the calls that were not throttled were not held back. At 30 % some are, and then the
            // region's other calls wait with them, at most once per persistently throttled try.
            if (percent === 10) assert.equal(slept.length, throttled);
            else
                assert.ok(slept.length > throttled && slept.length < 2 * throttled, `${slept.length} pauses`);
            // One try per call inside the SDK: what the emulator saw is what the wrapper sent.
            const sent = [...tries.values()].reduce((sum, count) => sum + count, 0);
            assert.equal(fixture.emulator.admin.calls().length, sent);
            assert.equal(sent, 40 + throttled);
            assert.ok(Math.max(...tries.values()) <= ATTEMPTS);
        });
    }

    it("executes each Enable once: a throttled or dropped Enable is sent again with the same token", async () => {
        fixture.emulator.admin.updateSettings({
            faults: [
                { service: "inspector2", operation: "Enable", kind: "throttle", probability: 0.3, value: 0 },
                { service: "inspector2", operation: "Enable", kind: "drop", probability: 0.3 },
            ],
        });
        const { context } = countingContext();
        const tries = new Map<string, number>();
        const client = countingClient(tries);
        const tokens = Array.from({ length: 10 }, (_, index) => `token-${index}`);
        await Promise.all(
            tokens.map((clientToken, index) =>
                callAws(context, { service: "inspector2", operation: "Enable", region: REGION }, () =>
                    client.send(
                        new EnableCommand({
                            accountIds: ORGANISATION.memberIds.slice(index * 30, index * 30 + 30),
                            resourceTypes: ["EC2"],
                            clientToken,
                        }),
                    ),
                ),
            ),
        );
        const enableCalls = fixture.emulator.admin.calls().filter((call) => call.operation === "Enable");
        assert.ok(enableCalls.length > tokens.length, "no Enable was throttled or dropped");
        // Every try of a call carried its token: one distinct request per token, tried at most ATTEMPTS times.
        assert.equal(tries.size, tokens.length);
        assert.ok(Math.max(...tries.values()) <= ATTEMPTS);
        // One execution per token.
        assert.equal(executed(fixture.emulator, "Enable"), tokens.length);
    });

    it("enables 300 accounts through 10 % throttling with each batch's Enable executed once", async () => {
        throttle(0.1);
        const { context } = countingContext();
        const { outs } = await createEnablement(
            enablementInputs({ resourceTypes: ["EC2", "ECR"], accountIds: ORGANISATION.memberIds }),
            context,
        );
        assert.equal(outs.enabledAccountCount, 300);
        assert.equal(executed(fixture.emulator, "Enable"), 3);
    });
});
