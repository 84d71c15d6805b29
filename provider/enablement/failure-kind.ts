import type { FailedAccount } from "./account-status";
import type { Direction } from "./direction";

/**
 * What an account failure means for a converge:
 * - `done`: the goal is already reached (Enable of an enabled account);
 * - `wait`: the change is already under way, the status checks follow it;
 * - `retry`: temporary, sent again with back-off (a bounded number of times);
 * - `retry-few`: possibly temporary (ACCESS_DENIED right after a membership change), retried fewer times;
 * - `gone`: the account is out of reach; when disabling that is not an error;
 * - `permanent`: reported as a failure of this account.
 */
export type FailureKind = "done" | "wait" | "retry" | "retry-few" | "gone" | "permanent";

/** Codes Inspector uses for passing trouble on its side or in services it depends on. */
const TEMPORARY_CODES = [
    "INTERNAL_ERROR",
    "SSM_UNAVAILABLE",
    "SSM_THROTTLED",
    "EVENTBRIDGE_UNAVAILABLE",
    "EVENTBRIDGE_THROTTLED",
    "SUSPEND_IN_PROGRESS",
];

/** Codes that say an account cannot be reached at all. */
const UNREACHABLE_CODES = ["RESOURCE_NOT_FOUND", "ACCOUNT_IS_ISOLATED"];

export function failureKind(direction: Direction, failure: FailedAccount): FailureKind {
    const { errorCode } = failure;
    const suspended = failure.status === "SUSPENDED" || failure.status === "SUSPENDING";
    if (direction === "enable") {
        if (errorCode === "ALREADY_ENABLED") return "done";
        if (errorCode === "ENABLE_IN_PROGRESS") return "wait";
        if (errorCode === "DISABLE_IN_PROGRESS" || TEMPORARY_CODES.includes(errorCode)) return "retry";
        if (errorCode === "ACCESS_DENIED") return suspended ? "permanent" : "retry-few";
        return "permanent";
    }
    if (errorCode === "DISABLE_IN_PROGRESS") return "wait";
    if (errorCode === "ENABLE_IN_PROGRESS" || TEMPORARY_CODES.includes(errorCode)) return "retry";
    if (errorCode === "ACCESS_DENIED") return suspended ? "gone" : "retry-few";
    if (UNREACHABLE_CODES.includes(errorCode)) return "gone";
    return "permanent";
}

/** How often an account may fail with a `retry` code before its failure is reported. */
export const MAX_TEMPORARY_FAILURES = 6;

/** How often an account may fail with a `retry-few` code before its failure is reported (or it counts as gone). */
export const MAX_DOUBTFUL_FAILURES = 3;

/** How often the same Enable may be accepted without any effect before the account is reported. */
export const MAX_INEFFECTIVE_SENDS = 3;
