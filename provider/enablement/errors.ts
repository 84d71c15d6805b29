import { classifyError, errorSummary, type CallTarget } from "../aws/errors";
import { plural } from "../core/plural";
import { byAccountId, RESOURCE_TYPES, type FailedAccount, type ResourceType } from "./account-status";
import type { Direction } from "./plan";

/**
 * Messages for what went wrong: what happened, to which account, and what to do about it. They go to the user
 * through the engine, so they name accounts, codes and regions, never credentials. And what each per-account
 * failure means for a converge (retry, wait, give up).
 */

const RUN_AGAIN = "run pulumi up again";

/** The error code this provider uses for its own finding, beside Inspector's: an accepted change had no effect. */
export const INEFFECTIVE_CODE = "INEFFECTIVE";

const HINTS: Readonly<Record<string, string>> = {
    ACCESS_DENIED:
        "the credentials' account may not manage this account: run as the organisation's delegated Inspector " +
        "administrator, make sure the account is still a member, or remove it from accountIds",
    ACCOUNT_IS_ISOLATED:
        "AWS has isolated this account; resolve it with AWS Support or remove it from accountIds",
    RESOURCE_NOT_FOUND:
        "Inspector does not know this account in this region; check the account ID and the region",
    EC2_SSM_RESOURCE_DATA_SYNC_LIMIT_EXCEEDED: `the account has reached its SSM resource data sync limit; delete an unused sync, then ${RUN_AGAIN}`,
    EC2_SSM_ASSOCIATION_VERSION_LIMIT_EXCEEDED: `the account has reached its SSM association version limit; delete old association versions, then ${RUN_AGAIN}`,
    RESOURCE_SCAN_NOT_DISABLED: `a scan that must be off first is still on in this account; turn it off, then ${RUN_AGAIN}`,
    DISASSOCIATE_ALL_MEMBERS: `the delegated administrator still has member accounts; disassociate them, then ${RUN_AGAIN}`,
    [INEFFECTIVE_CODE]: `Inspector accepted the call but the status did not change; check the account in the Inspector console, then ${RUN_AGAIN}`,
};

const TEMPORARY_HINT = `a temporary Inspector failure outlasted the retries; ${RUN_AGAIN}`;

/** What to do about one failed account. */
export function failureHint(failure: FailedAccount): string {
    if (failure.status === "SUSPENDED" || failure.status === "SUSPENDING") {
        return "the account is suspended; remove it from accountIds";
    }
    if (failure.errorCode === POLICY_BLOCKED_CODE) {
        return (
            `${describePolicy(failure)} manages this scan type for the account, so Inspector refuses to change ` +
            "it; change the policy in AWS Organizations, or remove the type or the account from this resource"
        );
    }
    return HINTS[failure.errorCode] ?? TEMPORARY_HINT;
}

/**
 * Inspector's code for a scan type that an AWS Organizations Inspector policy manages (since November 2025):
 * Enable and Disable refuse to change it, and retrying never helps.
 */
export const POLICY_BLOCKED_CODE = "BLOCKED_BY_ORGANIZATION_POLICY";

/** An Organizations policy ID (`p-` and 8 to 128 letters, digits or underscores), as Inspector's message names it. */
const POLICY_ID = /\bp-\w{8,128}\b/;

/** The ID of the Organizations policy that Inspector's message names, if it names one. */
export function organizationPolicyId(failure: FailedAccount): string | undefined {
    return POLICY_ID.exec(failure.errorMessage)?.[0];
}

/** `AWS Organizations Inspector policy p-…`, or a general phrase when Inspector did not name it. */
export function describePolicy(failure: FailedAccount): string {
    const id = organizationPolicyId(failure);
    return id ? `AWS Organizations Inspector policy ${id}` : "an AWS Organizations Inspector policy";
}

/**
 * The scan types a policy refusal is about: those Inspector's message names (`EC2 scanning of account …`), else
 * all of `candidates` (the types of the refused call), since the refusal cannot be narrowed down.
 */
export function policyManagedTypes(
    failure: FailedAccount,
    candidates: readonly ResourceType[],
): ResourceType[] {
    // `\b` does not separate LAMBDA from _CODE (`_` is a word character), so LAMBDA_CODE never counts as LAMBDA.
    const named = RESOURCE_TYPES.filter((type) => new RegExp(`\\b${type}\\b`).test(failure.errorMessage));
    return named.length > 0 ? named : [...candidates];
}

/** One line per failed account: ID, code, Inspector's message, and the hint. */
export function describeFailedAccount(failure: FailedAccount): string {
    return `${failure.accountId}: ${failure.errorCode}: ${failure.errorMessage} (${failureHint(failure)})`;
}

/**
 * The `explain` of every Inspector call of this resource (see `callAws`): a denied call also needs the delegated
 * administrator when it acts on other accounts, and a refused one was refused by Inspector. Everything else keeps
 * the shared message.
 */
export function explainCall(target: CallTarget): (error: unknown) => string | undefined {
    return (error) => {
        const kind = classifyError(error);
        const advice =
            kind === "access-denied"
                ? `the credentials need inspector2:${target.operation}, and acting on other accounts needs the ` +
                  "organisation's delegated Inspector administrator"
                : kind === "refused"
                  ? "Inspector refused the request"
                  : undefined;
        if (!advice) return undefined;
        return `Inspector ${target.operation} failed in ${target.region}: ${errorSummary(error)} (${advice})`;
    };
}

/** How many account IDs a timeout message lists before it only counts the rest. */
const MAX_LISTED_ACCOUNTS = 10;

/** What an operation could not finish, for the error the engine shows. */
export interface Shortfall {
    readonly label: string;
    /** What the operation set out to do. */
    readonly action: "enable" | "disable" | "update";
    readonly region: string;
    readonly totalAccounts: number;
    readonly failures: Iterable<FailedAccount>;
    /** Accounts still changing when the time ran out. */
    readonly unsettled: readonly string[];
    readonly waitTimeoutSeconds: number;
    /** A call that failed as a whole and stopped the operation. */
    readonly interruption?: Error;
    /** What state keeps: "recorded" for create and update (partial state), "kept" for delete. */
    readonly closing: string;
}

/** The message and the per-problem reasons of a partial failure. */
export function describeShortfall(shortfall: Shortfall): { message: string; reasons: string[] } {
    const { label, action, region, totalAccounts } = shortfall;
    const gerund = `${action.slice(0, -1)}ing`;
    const failures = byAccountId(shortfall.failures);
    const reasons: string[] = failures.map(describeFailedAccount);
    if (shortfall.unsettled.length > 0) {
        const listed = shortfall.unsettled.slice(0, MAX_LISTED_ACCOUNTS).join(", ");
        const more = shortfall.unsettled.length - MAX_LISTED_ACCOUNTS;
        reasons.push(
            `${shortfall.unsettled.length} of ${plural(totalAccounts, "account")} ` +
                `${shortfall.unsettled.length === 1 ? "was" : "were"} still ${gerund} ` +
                `when waitTimeoutSeconds (${shortfall.waitTimeoutSeconds}) ran out: ${listed}` +
                `${more > 0 ? ` and ${more} more` : ""}; run pulumi up again to continue, or raise waitTimeoutSeconds`,
        );
    }
    if (shortfall.interruption) reasons.push(`stopped early: ${shortfall.interruption.message}`);
    const headline =
        failures.length > 0
            ? `${label}: could not ${action} Inspector on ${failures.length} of ${plural(totalAccounts, "account")} in ${region}`
            : `${label}: did not finish ${gerund} Inspector in ${region}`;
    const message = [`${headline}:`, ...reasons.map((reason) => `  - ${reason}`), shortfall.closing].join(
        "\n",
    );
    return { message, reasons };
}

/**
 * What an account failure means for a converge:
 * - `done`: the goal is already reached (Enable of an enabled account);
 * - `wait`: the change is already under way, the status checks follow it;
 * - `retry`: temporary, sent again with back-off (a bounded number of times);
 * - `retry-few`: possibly temporary (ACCESS_DENIED right after a membership change), retried fewer times;
 * - `gone`: the account is out of reach; when disabling that is not an error;
 * - `policy`: an Organizations policy manages the types; never retried: enabling them fails, disabling leaves
 *   them as the policy has them;
 * - `permanent`: reported as a failure of this account.
 */
export type FailureKind = "done" | "wait" | "retry" | "retry-few" | "gone" | "policy" | "permanent";

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

/** What a converge does about one account's failure in this direction (see {@link FailureKind}). */
export function failureKind(direction: Direction, failure: FailedAccount): FailureKind {
    const { errorCode } = failure;
    const suspended = failure.status === "SUSPENDED" || failure.status === "SUSPENDING";
    if (errorCode === POLICY_BLOCKED_CODE) return "policy";
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
