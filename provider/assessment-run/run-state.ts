/**
 * Where a run is in its life, as far as this resource cares:
 * - `collecting`: the agents are busy (another run of the same agents would be refused);
 * - `evaluating`: data collection is over, findings are being produced;
 * - `succeeded`: COMPLETED or COMPLETED_WITH_ERRORS, findings final;
 * - `failed`: FAILED or ERROR;
 * - `canceled`: stopped before it completed.
 */
export type RunPhase = "collecting" | "evaluating" | "succeeded" | "failed" | "canceled";

const PHASES: Readonly<Record<string, RunPhase>> = {
    CREATED: "collecting",
    START_DATA_COLLECTION_PENDING: "collecting",
    START_DATA_COLLECTION_IN_PROGRESS: "collecting",
    COLLECTING_DATA: "collecting",
    STOP_DATA_COLLECTION_PENDING: "collecting",
    DATA_COLLECTED: "evaluating",
    START_EVALUATING_RULES_PENDING: "evaluating",
    EVALUATING_RULES: "evaluating",
    COMPLETED: "succeeded",
    COMPLETED_WITH_ERRORS: "succeeded",
    FAILED: "failed",
    ERROR: "failed",
    CANCELED: "canceled",
};

/** The phase of an Inspector run state. A state this code does not know yet is taken as still evaluating. */
export function runPhase(state: string): RunPhase {
    return PHASES[state] ?? "evaluating";
}

/** True once the run will not change any more. */
export function isTerminal(state: string): boolean {
    const phase = runPhase(state);
    return phase === "succeeded" || phase === "failed" || phase === "canceled";
}
