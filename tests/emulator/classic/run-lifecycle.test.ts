import assert from "node:assert/strict";
import type { RunState, StateChange } from "../../../emulator/classic/records";
import {
    currentChange,
    isTerminal,
    PHASE_SECONDS,
    planRun,
    planStop,
    reachedChanges,
    realMs,
} from "../../../emulator/classic/run-lifecycle";

const START = Date.UTC(2024, 0, 1);
const FULL_SEQUENCE: readonly RunState[] = [
    "CREATED",
    "START_DATA_COLLECTION_PENDING",
    "START_DATA_COLLECTION_IN_PROGRESS",
    "COLLECTING_DATA",
    "STOP_DATA_COLLECTION_PENDING",
    "DATA_COLLECTED",
    "START_EVALUATING_RULES_PENDING",
    "EVALUATING_RULES",
    "COMPLETED",
];

const states = (timeline: readonly StateChange[]) => timeline.map((change) => change.state);
const offsets = (timeline: readonly StateChange[]) => timeline.map((change) => change.at - START);

describe("Classic run state machine", () => {
    it("goes through every state to COMPLETED, each phase lasting its emulated seconds", () => {
        // timeScale 1: emulated seconds are real seconds.
        const timeline = planRun(START, 600, 1, "COMPLETED");
        assert.deepEqual(states(timeline), FULL_SEQUENCE);
        const p = PHASE_SECONDS;
        const expected = [
            0,
            p.CREATED,
            p.CREATED + p.START_DATA_COLLECTION_PENDING,
            p.CREATED + p.START_DATA_COLLECTION_PENDING + p.START_DATA_COLLECTION_IN_PROGRESS,
        ];
        const collectingEnds = expected[3] + 600;
        expected.push(
            collectingEnds,
            collectingEnds + p.STOP_DATA_COLLECTION_PENDING,
            collectingEnds + p.STOP_DATA_COLLECTION_PENDING + p.DATA_COLLECTED,
            collectingEnds +
                p.STOP_DATA_COLLECTION_PENDING +
                p.DATA_COLLECTED +
                p.START_EVALUATING_RULES_PENDING,
            collectingEnds +
                p.STOP_DATA_COLLECTION_PENDING +
                p.DATA_COLLECTED +
                p.START_EVALUATING_RULES_PENDING +
                p.EVALUATING_RULES,
        );
        assert.deepEqual(
            offsets(timeline),
            expected.map((seconds) => seconds * 1000),
        );
    });

    it("compresses time by the time scale", () => {
        const slow = planRun(START, 3600, 1, "COMPLETED");
        const fast = planRun(START, 3600, 3600, "COMPLETED");
        const slowEnd = slow[slow.length - 1].at - START;
        const fastEnd = fast[fast.length - 1].at - START;
        const phases = Object.values(PHASE_SECONDS).reduce((sum, seconds) => sum + seconds, 0);
        assert.equal(slowEnd, (phases + 3600) * 1000);
        assert.equal(fastEnd, Math.round(((phases + 3600) * 1000) / 3600));
        assert.ok(fastEnd < 1100, `a one-hour run at 3600x takes ${fastEnd} ms`);
        assert.equal(realMs(3600, 3600), 1000);
        assert.equal(realMs(1, 2), 500);
    });

    it("ends a COMPLETED_WITH_ERRORS run after a full evaluation", () => {
        assert.deepEqual(states(planRun(START, 180, 1, "COMPLETED_WITH_ERRORS")), [
            ...FULL_SEQUENCE.slice(0, -1),
            "COMPLETED_WITH_ERRORS",
        ]);
    });

    it("fails a FAILED run while its agents start", () => {
        const timeline = planRun(START, 3600, 1, "FAILED");
        assert.deepEqual(states(timeline), [
            "CREATED",
            "START_DATA_COLLECTION_PENDING",
            "START_DATA_COLLECTION_IN_PROGRESS",
            "FAILED",
        ]);
    });

    it("reads the state at any moment from the timeline", () => {
        const timeline = planRun(START, 600, 1, "COMPLETED");
        assert.equal(currentChange(timeline, START).state, "CREATED");
        assert.equal(currentChange(timeline, START + 4999).state, "CREATED");
        assert.equal(currentChange(timeline, START + 5000).state, "START_DATA_COLLECTION_PENDING");
        assert.equal(currentChange(timeline, START + 50_000).state, "COLLECTING_DATA");
        assert.equal(currentChange(timeline, START + 10_000_000).state, "COMPLETED");
        assert.deepEqual(states(reachedChanges(timeline, START + 50_000)), FULL_SEQUENCE.slice(0, 4));
    });

    it("shows CREATED when the clock reads before the start", () => {
        const timeline = planRun(START, 600, 1, "COMPLETED");
        assert.deepEqual(states(reachedChanges(timeline, START - 1000)), ["CREATED"]);
    });

    it("knows the terminal states", () => {
        for (const state of ["COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED", "CANCELED", "ERROR"] as const) {
            assert.equal(isTerminal(state), true, state);
        }
        for (const state of FULL_SEQUENCE.slice(0, -1)) assert.equal(isTerminal(state), false, state);
    });

    describe("stopping", () => {
        const timeline = planRun(START, 600, 1, "COMPLETED");
        const collecting = START + 100_000;

        it("with START_EVALUATION stops collecting now and evaluates to COMPLETED", () => {
            const stopped = planStop(timeline, collecting, 1, "START_EVALUATION", "COMPLETED");
            assert.ok(stopped);
            assert.deepEqual(states(stopped), FULL_SEQUENCE);
            const pending = stopped.find((change) => change.state === "STOP_DATA_COLLECTION_PENDING");
            assert.equal(pending?.at, collecting);
            const p = PHASE_SECONDS;
            const evaluation =
                p.STOP_DATA_COLLECTION_PENDING +
                p.DATA_COLLECTED +
                p.START_EVALUATING_RULES_PENDING +
                p.EVALUATING_RULES;
            assert.equal(stopped[stopped.length - 1].at, collecting + evaluation * 1000);
        });

        it("with SKIP_EVALUATION stops collecting now and ends CANCELED", () => {
            const stopped = planStop(timeline, collecting, 1, "SKIP_EVALUATION", "COMPLETED");
            assert.ok(stopped);
            assert.deepEqual(states(stopped), [...FULL_SEQUENCE.slice(0, 5), "CANCELED"]);
            assert.equal(stopped[4].at, collecting);
            assert.equal(stopped[5].at, collecting + PHASE_SECONDS.STOP_DATA_COLLECTION_PENDING * 1000);
        });

        it("keeps COMPLETED_WITH_ERRORS but not FAILED as the end of an evaluated stop", () => {
            const withErrors = planStop(timeline, collecting, 1, "START_EVALUATION", "COMPLETED_WITH_ERRORS");
            assert.equal(withErrors?.[withErrors.length - 1].state, "COMPLETED_WITH_ERRORS");
            const failing = planRun(START, 600, 1, "FAILED");
            const rescued = planStop(failing, START + 1000, 1, "START_EVALUATION", "FAILED");
            assert.equal(rescued?.[rescued.length - 1].state, "COMPLETED");
        });

        it("can stop a run that has not started collecting yet", () => {
            const stopped = planStop(timeline, START + 1000, 1, "SKIP_EVALUATION", "COMPLETED");
            assert.deepEqual(states(stopped ?? []), ["CREATED", "STOP_DATA_COLLECTION_PENDING", "CANCELED"]);
        });

        it("changes nothing once collection is stopping or the run has finished", () => {
            const stopping = planStop(timeline, collecting, 1, "SKIP_EVALUATION", "COMPLETED");
            assert.ok(stopping);
            assert.equal(planStop(stopping, collecting + 1, 1, "START_EVALUATION", "COMPLETED"), undefined);
            assert.equal(planStop(timeline, START + 700_000, 1, "SKIP_EVALUATION", "COMPLETED"), undefined);
            assert.equal(
                planStop(timeline, START + 10_000_000, 1, "SKIP_EVALUATION", "COMPLETED"),
                undefined,
            );
        });
    });
});
