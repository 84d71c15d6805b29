import type { RunOutcome, RunState, StateChange } from "./records";

/**
 * The assessment run state machine. A run stores its whole timeline (past and planned) at start, so its state at
 * any moment is read off the timeline and the clock: no timers, and a restored state file carries on exactly.
 */

export const TERMINAL_STATES: ReadonlySet<RunState> = new Set<RunState>([
    "COMPLETED",
    "COMPLETED_WITH_ERRORS",
    "FAILED",
    "CANCELED",
    "ERROR",
]);

export function isTerminal(state: RunState): boolean {
    return TERMINAL_STATES.has(state);
}

/** States in which data collection is already stopping or over: a stop request has nothing left to do. */
const STOPPING_OR_LATER: ReadonlySet<RunState> = new Set<RunState>([
    "STOP_DATA_COLLECTION_PENDING",
    "DATA_COLLECTED",
    "START_EVALUATING_RULES_PENDING",
    "EVALUATING_RULES",
]);

/** How long each passing state lasts, in emulated seconds; COLLECTING_DATA lasts the template's duration. */
export const PHASE_SECONDS = {
    CREATED: 5,
    START_DATA_COLLECTION_PENDING: 15,
    START_DATA_COLLECTION_IN_PROGRESS: 30,
    STOP_DATA_COLLECTION_PENDING: 30,
    DATA_COLLECTED: 5,
    START_EVALUATING_RULES_PENDING: 15,
    EVALUATING_RULES: 60,
} as const;

type PhaseState = keyof typeof PHASE_SECONDS;

interface Step {
    readonly state: RunState;
    readonly seconds: number;
}

function phase(state: PhaseState): Step {
    return { state, seconds: PHASE_SECONDS[state] };
}

const STARTING: readonly Step[] = [
    phase("CREATED"),
    phase("START_DATA_COLLECTION_PENDING"),
    phase("START_DATA_COLLECTION_IN_PROGRESS"),
];

const EVALUATING: readonly Step[] = [
    phase("STOP_DATA_COLLECTION_PENDING"),
    phase("DATA_COLLECTED"),
    phase("START_EVALUATING_RULES_PENDING"),
    phase("EVALUATING_RULES"),
];

/** Real milliseconds for emulated seconds: timeScale is emulated seconds per real second. */
export function realMs(emulatedSeconds: number, timeScale: number): number {
    return Math.round((emulatedSeconds * 1000) / timeScale);
}

/** The steps one after the other from `start`, then the final state. */
function schedule(start: number, timeScale: number, steps: readonly Step[], final: RunState): StateChange[] {
    const changes: StateChange[] = [];
    let elapsed = 0;
    for (const step of steps) {
        changes.push({ state: step.state, at: start + realMs(elapsed, timeScale) });
        elapsed += step.seconds;
    }
    changes.push({ state: final, at: start + realMs(elapsed, timeScale) });
    return changes;
}

/** The timeline of a run started at `start` that nobody stops. A FAILED run fails while its agents start. */
export function planRun(
    start: number,
    durationInSeconds: number,
    timeScale: number,
    outcome: RunOutcome,
): StateChange[] {
    if (outcome === "FAILED") return schedule(start, timeScale, STARTING, "FAILED");
    const collecting: Step = { state: "COLLECTING_DATA", seconds: durationInSeconds };
    return schedule(start, timeScale, [...STARTING, collecting, ...EVALUATING], outcome);
}

/** The changes reached by `now`; never empty, so a clock set before the start still shows CREATED. */
export function reachedChanges(timeline: readonly StateChange[], now: number): StateChange[] {
    const reached = timeline.filter((change) => change.at <= now);
    return reached.length > 0 ? reached : timeline.slice(0, 1);
}

/** The state at `now` and since when. */
export function currentChange(timeline: readonly StateChange[], now: number): StateChange {
    const reached = reachedChanges(timeline, now);
    return reached[reached.length - 1];
}

export type StopAction = "START_EVALUATION" | "SKIP_EVALUATION";

/**
 * The timeline after StopAssessmentRun at `now`: START_EVALUATION ends collection and evaluates what was
 * collected; SKIP_EVALUATION ends collection and cancels. Undefined when collection is already stopping or over,
 * or the run has finished: the stop changes nothing.
 */
export function planStop(
    timeline: readonly StateChange[],
    now: number,
    timeScale: number,
    action: StopAction,
    outcome: RunOutcome,
): StateChange[] | undefined {
    const reached = reachedChanges(timeline, now);
    const current = reached[reached.length - 1].state;
    if (isTerminal(current) || STOPPING_OR_LATER.has(current)) return undefined;
    const future =
        action === "SKIP_EVALUATION"
            ? schedule(now, timeScale, [phase("STOP_DATA_COLLECTION_PENDING")], "CANCELED")
            : // A run planned to fail fails while its agents start; stopped before that, it evaluates normally.
              schedule(
                  now,
                  timeScale,
                  EVALUATING,
                  outcome === "COMPLETED_WITH_ERRORS" ? outcome : "COMPLETED",
              );
    return [...reached, ...future];
}
