import assert from "node:assert/strict";
import type { AssessmentRun } from "@aws-sdk/client-inspector";
import type { AwsClients } from "../../provider/aws/clients";
import type { AssessmentRunInputs } from "../../provider/assessment-run/inputs";
import { formatProgress, waitForRun, waitForStop } from "../../provider/assessment-run/wait";
import { DEFAULT_WAIT_POLICY, SCAN_POLLING } from "../../provider/core/context";
import { fakeClock, type FakeClock } from "../support/fake-clock";
import { sharedClients } from "../../provider/aws/clients";

describe("AssessmentRun progress lines", () => {
    const cases: { args: Parameters<typeof formatProgress>; expected: string }[] = [
        {
            args: ["release-42", "COLLECTING_DATA", 12 * 60 + 59, 3600],
            expected: "release-42: COLLECTING_DATA (12 min of 60)",
        },
        { args: ["release-42", "CREATED", 3, 900], expected: "release-42: CREATED (0 min of 15)" },
        {
            args: ["release-42", "START_DATA_COLLECTION_PENDING", -5, 180],
            expected: "release-42: START_DATA_COLLECTION_PENDING (0 min of 3)",
        },
        {
            args: ["release-42", "COLLECTING_DATA", 60, 200],
            expected: "release-42: COLLECTING_DATA (1 min of 4)",
        },
        {
            args: ["release-42", "EVALUATING_RULES", 63 * 60, 3600],
            expected: "release-42: EVALUATING_RULES (after 63 min)",
        },
    ];
    for (const { args, expected } of cases) {
        it(expected, () => assert.equal(formatProgress(...args), expected));
    }
});

describe("AssessmentRun waits on the poll schedule (fake clock)", () => {
    const ARN = "arn:aws:inspector:us-east-1:111122223333:target/0-t/template/0-t/run/0-r";
    const INPUTS = {
        assessmentTemplateArn: "arn:aws:inspector:us-east-1:111122223333:target/0-t/template/0-t",
        assessmentRunName: "release-42",
        region: "us-east-1",
        waitForCompletion: true,
        waitTimeoutSeconds: 3600,
    } as AssessmentRunInputs;

    /** A Classic client whose run is in `busy` until the clock reaches `endsAt`, then in `end`. */
    function runEndingAt(endsAt: number, busy: string, end: string) {
        const describes: number[] = [];
        const run = (): AssessmentRun =>
            ({
                arn: ARN,
                state: clock.now >= endsAt ? end : busy,
                durationInSeconds: 900,
                createdAt: new Date(0),
            }) as AssessmentRun;
        const client = {
            send: async () => {
                describes.push(clock.now);
                return { assessmentRuns: [run()], failedItems: {} };
            },
            destroy: () => undefined,
        };
        const clock: FakeClock = fakeClock({
            policy: DEFAULT_WAIT_POLICY,
            clients: { ...sharedClients, classic: () => client } as unknown as AwsClients,
        });
        return { clock, describes, initial: run() };
    }

    /** The bound: the end is noticed within max(2 s, 15 % of the time waited when it came). */
    const bound = (endsAt: number) => Math.max(SCAN_POLLING.floorMs, SCAN_POLLING.fraction * endsAt);

    for (const endsAt of [2_000, 20_000, 120_000]) {
        it(`notices a run finished ${endsAt / 1000} s into the wait within the bound`, async () => {
            const { clock, describes, initial } = runEndingAt(endsAt, "COLLECTING_DATA", "COMPLETED");
            const result = await waitForRun(INPUTS, initial, clock.context);
            assert.equal(result.run.state, "COMPLETED");
            assert.equal(result.timedOut, false);
            const reaction = describes.at(-1)! - endsAt;
            assert.ok(reaction >= 0 && reaction <= bound(endsAt), `noticed ${reaction} ms after the end`);
            // Every describe but the last found it running, each after a pause within the bound.
            assert.ok(describes.slice(0, -1).every((at) => at < endsAt));
            clock.slept.forEach((pause, i) => {
                const waited = i === 0 ? 0 : describes[i - 1];
                assert.ok(pause <= Math.max(SCAN_POLLING.floorMs, SCAN_POLLING.fraction * waited));
            });
        });
    }

    it("waits for a stopped run on the same schedule", async () => {
        const { clock, describes, initial } = runEndingAt(20_000, "STOPPING", "CANCELED");
        const run = await waitForStop(
            clock.context,
            { region: "us-east-1", runName: "release-42", runArn: ARN },
            initial,
        );
        assert.equal(run?.state, "CANCELED");
        assert.ok(describes.at(-1)! - 20_000 <= bound(20_000));
    });
});
