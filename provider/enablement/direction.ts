import { typeStatus, type AccountStatus, type Status } from "./account-status";
import type { ResourceType } from "./resource-types";

/** Which way a converge goes: turning scanning on (create, update) or off (update, delete). */
export type Direction = "enable" | "disable";

/** Statuses after which a type needs the call of this direction. */
export const NEEDS_CALL: Readonly<Record<Direction, readonly (Status | undefined)[]>> = {
    // A type Inspector does not report has never been enabled. A suspended account is sent too, so that
    // Inspector's own refusal says why it cannot be enabled.
    enable: ["DISABLED", undefined, "SUSPENDED"],
    // Disabling during ENABLING is allowed; Inspector answers ENABLE_IN_PROGRESS if it is not, and that is retried.
    disable: ["ENABLED", "ENABLING"],
};

/** Statuses in which a type has reached this direction's goal, when waiting for it to settle. */
export const SETTLED: Readonly<Record<Direction, readonly (Status | undefined)[]>> = {
    enable: ["ENABLED"],
    // A suspended account scans nothing, which is all that disabling asks.
    disable: ["DISABLED", undefined, "SUSPENDING", "SUSPENDED"],
};

/** Statuses that are good enough when not waiting: the change is accepted and under way. */
export const ACCEPTED: Readonly<Record<Direction, readonly (Status | undefined)[]>> = {
    enable: ["ENABLED", "ENABLING"],
    disable: ["DISABLED", "DISABLING", undefined, "SUSPENDING", "SUSPENDED"],
};

/**
 * Whether the account has reached the direction's goal for all the types: settled when waiting, else at least
 * accepted. An account Inspector did not report has reached only the off goal.
 */
export function hasReached(
    direction: Direction,
    resourceTypes: readonly ResourceType[],
    account: AccountStatus | undefined,
    wait: boolean,
): boolean {
    const goal = wait ? SETTLED[direction] : ACCEPTED[direction];
    return resourceTypes.every((type) => goal.includes(account && typeStatus(account, type)));
}
