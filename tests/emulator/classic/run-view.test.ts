import assert from "node:assert/strict";
import { noFindings } from "../../../emulator/classic/findings";
import { runToWire, viewRun } from "../../../emulator/classic/run-view";
import { planStop } from "../../../emulator/classic/run-lifecycle";
import { runRecord } from "./run-fixture";

const T0 = Date.UTC(2024, 0, 1);

describe("Classic run view", () => {
    const run = runRecord({ seq: 1, name: "nightly", createdAt: T0, durationInSeconds: 600 });
    const end = run.timeline[run.timeline.length - 1].at;
    const dataCollectedAt = run.timeline.find((change) => change.state === "DATA_COLLECTED")?.at ?? NaN;

    it("hides findings, completion and collected data while the run is in progress", () => {
        const view = viewRun(run, T0 + 100_000);
        assert.equal(view.state, "COLLECTING_DATA");
        assert.deepEqual(view.findingCounts, noFindings());
        assert.equal(view.completedAt, undefined);
        assert.equal(view.dataCollected, false);
        assert.equal(view.startedAt, T0);
        assert.deepEqual(view.notifications, []);
    });

    it("reports collected data once DATA_COLLECTED is reached, findings only once evaluated", () => {
        const view = viewRun(run, dataCollectedAt);
        assert.equal(view.dataCollected, true);
        assert.deepEqual(view.findingCounts, noFindings());
        const done = viewRun(run, end);
        assert.equal(done.state, "COMPLETED");
        assert.equal(done.completedAt, end);
        assert.equal(done.stateChangedAt, end);
        assert.deepEqual(done.findingCounts, run.findingCounts);
        assert.equal(done.stateChanges.length, 9);
    });

    it("gives a FAILED run an error notification, no findings and no collected data", () => {
        const failed = runRecord({ seq: 2, name: "doomed", createdAt: T0, outcome: "FAILED" });
        const view = viewRun(failed, T0 + 10_000_000);
        assert.equal(view.state, "FAILED");
        assert.equal(view.dataCollected, false);
        assert.deepEqual(view.findingCounts, noFindings());
        assert.equal(view.notifications.length, 1);
        assert.equal(view.notifications[0].error, true);
        assert.equal(view.notifications[0].event, "ASSESSMENT_RUN_COMPLETED");
        assert.match(view.notifications[0].message, /doomed failed/);
        assert.equal(view.notifications[0].date, view.completedAt);
    });

    it("gives a COMPLETED_WITH_ERRORS run its findings and an error notification", () => {
        const partial = runRecord({
            seq: 3,
            name: "partial",
            createdAt: T0,
            outcome: "COMPLETED_WITH_ERRORS",
        });
        const view = viewRun(partial, T0 + 10_000_000);
        assert.equal(view.state, "COMPLETED_WITH_ERRORS");
        assert.deepEqual(view.findingCounts, partial.findingCounts);
        assert.equal(view.notifications[0]?.error, true);
    });

    it("shows a CANCELED run without findings", () => {
        const canceled = runRecord({ seq: 4, name: "canceled", createdAt: T0 });
        canceled.timeline = planStop(canceled.timeline, T0 + 60_000, 1, "SKIP_EVALUATION", "COMPLETED") ?? [];
        const view = viewRun(canceled, T0 + 10_000_000);
        assert.equal(view.state, "CANCELED");
        assert.deepEqual(view.findingCounts, noFindings());
        assert.equal(view.dataCollected, false);
        assert.ok(view.completedAt);
    });

    it("puts the wire shape's times in epoch seconds", () => {
        const wire = runToWire(run, end);
        assert.equal(wire.createdAt, T0 / 1000);
        assert.equal(wire.completedAt, end / 1000);
        assert.equal(wire.state, "COMPLETED");
        const changes = wire.stateChanges as { stateChangedAt: number; state: string }[];
        assert.deepEqual(changes[0], { stateChangedAt: T0 / 1000, state: "CREATED" });
        assert.equal("completedAt" in runToWire(run, T0), false);
    });
});
