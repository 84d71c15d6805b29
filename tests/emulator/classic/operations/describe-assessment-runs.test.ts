import assert from "node:assert/strict";
import { DescribeAssessmentRunsCommand } from "@aws-sdk/client-inspector";
import { PHASE_SECONDS, realMs } from "../../../../emulator/classic/run-lifecycle";
import { ClassicHarness, STANDALONE_ACCOUNT } from "../classic-harness";
import { createTemplate, describeRun, startRun, UNTIL_FINISHED_MS } from "../sdk-fixtures";

const ZERO_FINDINGS = { High: 0, Medium: 0, Low: 0, Informational: 0, Undefined: 0 };

/** When each state begins, in emulated seconds after the start, for a run collecting `duration` seconds. */
function plannedSeconds(duration: number): [state: string, at: number][] {
    const p = PHASE_SECONDS;
    const steps: [string, number][] = [
        ["CREATED", p.CREATED],
        ["START_DATA_COLLECTION_PENDING", p.START_DATA_COLLECTION_PENDING],
        ["START_DATA_COLLECTION_IN_PROGRESS", p.START_DATA_COLLECTION_IN_PROGRESS],
        ["COLLECTING_DATA", duration],
        ["STOP_DATA_COLLECTION_PENDING", p.STOP_DATA_COLLECTION_PENDING],
        ["DATA_COLLECTED", p.DATA_COLLECTED],
        ["START_EVALUATING_RULES_PENDING", p.START_EVALUATING_RULES_PENDING],
        ["EVALUATING_RULES", p.EVALUATING_RULES],
        ["COMPLETED", 0],
    ];
    let elapsed = 0;
    return steps.map(([state, lasts]) => {
        const at = elapsed;
        elapsed += lasts;
        return [state, at];
    });
}

describe("Classic DescribeAssessmentRuns", () => {
    let harness: ClassicHarness;
    before(async () => {
        harness = await ClassicHarness.start();
    });
    after(() => harness.close());
    beforeEach(() => harness.reset({ outcome: "COMPLETED" }));

    it("shows every state in turn, exactly when the scaled clock reaches it", async () => {
        const client = harness.client();
        const start = harness.now();
        const runArn = await startRun(client, harness.templateArn);
        const planned = plannedSeconds(3600).map(
            ([state, seconds]) => [state, start + realMs(seconds, 3600)] as const,
        );

        for (let index = 1; index < planned.length; index++) {
            const [state, at] = planned[index];
            const [previous, previousAt] = planned[index - 1];
            if (at - 1 >= previousAt) {
                harness.advance(at - 1 - harness.now());
                assert.equal((await describeRun(client, runArn)).state, previous, `just before ${state}`);
            }
            harness.advance(at - harness.now());
            const run = await describeRun(client, runArn);
            assert.equal(run.state, state);
            assert.equal(run.stateChangedAt?.getTime(), at);
        }

        const run = await describeRun(client, runArn);
        assert.deepEqual(
            run.stateChanges?.map((change) => [change.state, change.stateChangedAt?.getTime()]),
            planned,
        );
        assert.equal(run.createdAt?.getTime(), start);
        assert.equal(run.startedAt?.getTime(), start);
        assert.equal(run.completedAt?.getTime(), planned[planned.length - 1][1]);
        assert.equal(run.dataCollected, true);
        assert.deepEqual(run.notifications, []);
    });

    it("reveals findings and collected data only once they exist", async () => {
        const client = harness.client();
        const runArn = await startRun(client, harness.templateArn);
        const collecting = await describeRun(client, runArn);
        assert.deepEqual(collecting.findingCounts, ZERO_FINDINGS);
        assert.equal(collecting.dataCollected, false);
        assert.equal(collecting.completedAt, undefined);

        harness.advance(UNTIL_FINISHED_MS);
        const done = await describeRun(client, runArn);
        assert.equal(done.state, "COMPLETED");
        assert.equal(done.dataCollected, true);
        assert.deepEqual(Object.keys(done.findingCounts ?? {}).sort(), Object.keys(ZERO_FINDINGS).sort());
    });

    it("runs faster under a larger time scale", async () => {
        const client = harness.client();
        const templateArn = await createTemplate(client, { targetName: "quick", durationInSeconds: 180 });
        const slow = await startRun(client, harness.templateArn);
        harness.running.admin.updateSettings({ classic: { timeScale: 36_000 } });
        const fast = await startRun(client, templateArn);
        const end = (run: Awaited<ReturnType<typeof describeRun>>) => {
            const changes = run.stateChanges ?? [];
            return (
                (changes[changes.length - 1].stateChangedAt?.getTime() ?? NaN) -
                (run.createdAt?.getTime() ?? NaN)
            );
        };
        harness.advance(UNTIL_FINISHED_MS);
        const phases = Object.values(PHASE_SECONDS).reduce((sum, seconds) => sum + seconds, 0);
        assert.equal(end(await describeRun(client, slow)), realMs(phases + 3600, 3600));
        assert.equal(end(await describeRun(client, fast)), realMs(phases + 180, 36_000));
    });

    it("lists unknown, foreign and malformed ARNs in failedItems", async () => {
        const client = harness.client();
        const mine = await startRun(client, harness.templateArn);
        const standalone = harness.client({ accountId: STANDALONE_ACCOUNT });
        const theirs = await startRun(standalone, await createTemplate(standalone, { targetName: "alone" }));
        const missing = `${mine.slice(0, -8)}Missing0`;
        const { assessmentRuns, failedItems } = await client.send(
            new DescribeAssessmentRunsCommand({
                assessmentRunArns: [mine, theirs, missing, "not-an-arn", mine],
            }),
        );
        assert.deepEqual(
            assessmentRuns?.map((run) => run.arn),
            [mine],
        );
        assert.deepEqual(failedItems, {
            [theirs]: { failureCode: "ITEM_DOES_NOT_EXIST", retryable: false },
            [missing]: { failureCode: "ITEM_DOES_NOT_EXIST", retryable: false },
            "not-an-arn": { failureCode: "INVALID_ARN", retryable: false },
        });
    });

    it("copies the template's user attributes and rules packages into the run", async () => {
        const client = harness.client();
        const runArn = await startRun(client, harness.templateArn);
        const run = await describeRun(client, runArn);
        assert.deepEqual(run.userAttributesForFindings, []);
        assert.deepEqual(run.rulesPackageArns, [
            "arn:aws:inspector:us-east-1:316112463485:rulespackage/0-gEjTy7T7",
            "arn:aws:inspector:us-east-1:316112463485:rulespackage/0-rExsr2X8",
            "arn:aws:inspector:us-east-1:316112463485:rulespackage/0-PmNV0Tcd",
            "arn:aws:inspector:us-east-1:316112463485:rulespackage/0-R01qwB5Q",
        ]);
    });
});

describe("Classic finding counts", () => {
    /** The ARNs and finding counts of five finished runs of the seeded template, one after the other. */
    async function runsUnderSeed(seed: number): Promise<[string, Record<string, number>][]> {
        const harness = await ClassicHarness.start({ seed });
        try {
            const client = harness.client();
            const results: [string, Record<string, number>][] = [];
            for (let index = 0; index < 5; index++) {
                const runArn = await startRun(client, harness.templateArn);
                harness.advance(UNTIL_FINISHED_MS);
                results.push([runArn, (await describeRun(client, runArn)).findingCounts ?? {}]);
            }
            return results;
        } finally {
            await harness.close();
        }
    }

    it("repeat exactly under the same seed and change under another", async () => {
        const first = await runsUnderSeed(42);
        assert.deepEqual(await runsUnderSeed(42), first);
        const other = await runsUnderSeed(7);
        assert.notDeepEqual(
            other.map(([, counts]) => counts),
            first.map(([, counts]) => counts),
        );
        assert.notDeepEqual(
            other.map(([arn]) => arn),
            first.map(([arn]) => arn),
        );
    });
});
