import assert from "node:assert/strict";
import { ClassicHarness } from "../classic-harness";
import { describeRun, startRun, UNTIL_FINISHED_MS } from "../sdk-fixtures";

const ZERO_FINDINGS = { High: 0, Medium: 0, Low: 0, Informational: 0, Undefined: 0 };

describe("Classic runs under forced settings (through the admin API)", () => {
    let harness: ClassicHarness;
    before(async () => {
        harness = await ClassicHarness.start();
    });
    after(() => harness.close());
    beforeEach(() => harness.reset());

    it("fail while starting, with an error notification, when the outcome is forced to FAILED", async () => {
        harness.running.admin.updateSettings({ classic: { outcome: "FAILED" } });
        const client = harness.client();
        const runArn = await startRun(client, harness.templateArn, "doomed");
        harness.advance(UNTIL_FINISHED_MS);
        const run = await describeRun(client, runArn);
        assert.equal(run.state, "FAILED");
        assert.deepEqual(
            run.stateChanges?.map((change) => change.state),
            ["CREATED", "START_DATA_COLLECTION_PENDING", "START_DATA_COLLECTION_IN_PROGRESS", "FAILED"],
        );
        assert.equal(run.dataCollected, false);
        assert.deepEqual(run.findingCounts, ZERO_FINDINGS);
        assert.equal(run.notifications?.length, 1);
        const [notification] = run.notifications ?? [];
        assert.equal(notification.error, true);
        assert.equal(notification.event, "ASSESSMENT_RUN_COMPLETED");
        assert.equal(notification.date?.getTime(), run.completedAt?.getTime());
        assert.equal(
            notification.message,
            "Assessment run doomed failed: the agents of the assessment target did not start data collection",
        );
    });

    it("complete with errors and findings when forced to COMPLETED_WITH_ERRORS", async () => {
        harness.running.admin.updateSettings({
            classic: { outcome: "COMPLETED_WITH_ERRORS", findingCounts: { Low: 2 } },
        });
        const client = harness.client();
        const runArn = await startRun(client, harness.templateArn);
        harness.advance(UNTIL_FINISHED_MS);
        const run = await describeRun(client, runArn);
        assert.equal(run.state, "COMPLETED_WITH_ERRORS");
        assert.deepEqual(run.findingCounts, { ...ZERO_FINDINGS, Low: 2 });
        assert.equal(run.notifications?.[0].error, true);
    });

    it("report exactly the forced finding counts once evaluated", async () => {
        harness.running.admin.updateSettings({
            classic: { outcome: "COMPLETED", findingCounts: { High: 5, Medium: 1 } },
        });
        const client = harness.client();
        const runArn = await startRun(client, harness.templateArn);
        assert.deepEqual((await describeRun(client, runArn)).findingCounts, ZERO_FINDINGS);
        harness.advance(UNTIL_FINISHED_MS);
        const run = await describeRun(client, runArn);
        assert.equal(run.state, "COMPLETED");
        assert.deepEqual(run.findingCounts, { ...ZERO_FINDINGS, High: 5, Medium: 1 });
        assert.deepEqual(run.notifications, []);
    });

    it("stop forcing once the settings are null again", async () => {
        harness.running.admin.updateSettings({ classic: { outcome: "FAILED", findingCounts: { High: 5 } } });
        harness.running.admin.updateSettings({ classic: { outcome: null, findingCounts: null } });
        const client = harness.client();
        const runArn = await startRun(client, harness.templateArn);
        harness.advance(UNTIL_FINISHED_MS);
        const run = await describeRun(client, runArn);
        // With seed 42 the first run of the seeded template completes; its counts come from the seed, not the setting.
        assert.equal(run.state, "COMPLETED");
        assert.notDeepEqual(run.findingCounts, { ...ZERO_FINDINGS, High: 5 });
    });

    it("refuses settings that are not an outcome or finding counts", () => {
        assert.throws(
            () => harness.running.admin.updateSettings({ classic: { findingCounts: { High: -1 } } }),
            /classic\.findingCounts\.High -1 must be an integer of 0 or more/,
        );
    });
});
