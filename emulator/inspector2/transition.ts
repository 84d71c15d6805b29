import type { Status, TargetStatus } from "./status";

/**
 * The last change asked of one resource type in one account and region. Statuses are derived from it and the
 * clock on every read, so the emulator needs no timers and a restored state file keeps counting from where it was.
 */
export interface Transition {
    readonly target: TargetStatus;
    /** Clock time (ms) from which the transitional status has become `target`. */
    readonly settlesAt: number;
}

/** The status a resource type shows at `now`; a never-touched type is DISABLED. */
export function statusAt(transition: Transition | undefined, now: number): Status {
    if (!transition) return "DISABLED";
    const settled = now >= transition.settlesAt;
    if (transition.target === "ENABLED") return settled ? "ENABLED" : "ENABLING";
    return settled ? "DISABLED" : "DISABLING";
}

/**
 * The transition after asking for `target` at `now`. Asking for the direction already under way (or reached)
 * changes nothing, so enabling an ENABLED type stays ENABLED and a repeated Enable does not restart ENABLING.
 */
export function requestTransition(
    current: Transition | undefined,
    target: TargetStatus,
    now: number,
    delayMs: number,
): Transition | undefined {
    if (current?.target === target) return current;
    if (!current && target === "DISABLED") return undefined;
    return { target, settlesAt: now + delayMs };
}
