import { runPhase } from "./run-state";

/**
 * One line of progress for the `pulumi up` output, for example `release-42: COLLECTING_DATA (12 min of 60)`:
 * while data is collected, the minutes since the run started against the run's duration; afterwards, the
 * minutes since it started.
 */
export function formatProgress(
    name: string,
    state: string,
    elapsedSeconds: number,
    durationSeconds: number,
): string {
    const elapsed = Math.max(0, Math.floor(elapsedSeconds / 60));
    if (runPhase(state) === "collecting") {
        return `${name}: ${state} (${elapsed} min of ${Math.ceil(durationSeconds / 60)})`;
    }
    return `${name}: ${state} (after ${elapsed} min)`;
}
