import type { FailedAccount } from "./account-status";
import { errorSummary, isCredentialError, isRetryable } from "./call-error";

/**
 * Messages for what went wrong: what happened, to which account, and what to do about it. They go to the user
 * through the engine, so they name accounts, codes and regions, never credentials.
 */

const RUN_AGAIN = "run pulumi up again";

const HINTS: Readonly<Record<string, string>> = {
    ACCESS_DENIED:
        "the credentials' account may not manage this account: run as the organisation's delegated Inspector " +
        "administrator, make sure the account is still a member, or remove it from accountIds",
    ACCOUNT_IS_ISOLATED:
        "AWS has isolated this account; resolve it with AWS Support or remove it from accountIds",
    BLOCKED_BY_ORGANIZATION_POLICY:
        "an AWS Organizations policy blocks Inspector here; change the policy or remove the account from accountIds",
    RESOURCE_NOT_FOUND:
        "Inspector does not know this account in this region; check the account ID and the region",
    EC2_SSM_RESOURCE_DATA_SYNC_LIMIT_EXCEEDED: `the account has reached its SSM resource data sync limit; delete an unused sync, then ${RUN_AGAIN}`,
    EC2_SSM_ASSOCIATION_VERSION_LIMIT_EXCEEDED: `the account has reached its SSM association version limit; delete old association versions, then ${RUN_AGAIN}`,
    RESOURCE_SCAN_NOT_DISABLED: `a scan that must be off first is still on in this account; turn it off, then ${RUN_AGAIN}`,
    DISASSOCIATE_ALL_MEMBERS: `the delegated administrator still has member accounts; disassociate them, then ${RUN_AGAIN}`,
    INEFFECTIVE: `Inspector accepted the call but the status did not change; check the account in the Inspector console, then ${RUN_AGAIN}`,
    TIMEOUT: `still changing when waitTimeoutSeconds ran out; ${RUN_AGAIN} to continue, or raise waitTimeoutSeconds`,
};

const TEMPORARY_HINT = `a temporary Inspector failure outlasted the retries; ${RUN_AGAIN}`;

/** What to do about one failed account. */
export function failureHint(failure: FailedAccount): string {
    if (failure.status === "SUSPENDED" || failure.status === "SUSPENDING") {
        return "the account is suspended; remove it from accountIds";
    }
    return HINTS[failure.errorCode] ?? TEMPORARY_HINT;
}

/** One line per failed account: ID, code, Inspector's message, and the hint. */
export function describeFailedAccount(failure: FailedAccount): string {
    return `${failure.accountId}: ${failure.errorCode}: ${failure.errorMessage} (${failureHint(failure)})`;
}

/** The error codes this provider uses for its own findings, beside Inspector's. */
export const INEFFECTIVE_CODE = "INEFFECTIVE";
export const TIMEOUT_CODE = "TIMEOUT";

/** A call to Inspector that failed as a whole (not per account), with what to do about it. */
export class InspectorCallError extends Error {
    constructor(
        message: string,
        readonly operation: string,
        readonly region: string,
        override readonly cause: unknown,
    ) {
        super(message);
        this.name = "InspectorCallError";
    }
}

/** Turns an SDK error into a message that says what failed, why, and what to do. */
export function describeCallError(
    error: unknown,
    operation: string,
    region: string,
    attempts: number,
): InspectorCallError {
    const summary = errorSummary(error);
    let advice: string;
    if (isCredentialError(error)) {
        advice =
            "the AWS credentials were missing or refused: configure the default credential chain (AWS_PROFILE, " +
            "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, SSO or an instance role)";
    } else if (isRetryable(error)) {
        advice = `it kept failing after ${attempts} attempts with back-off; ${RUN_AGAIN}`;
    } else if ((error as { name?: string })?.name === "AccessDeniedException") {
        advice =
            `the credentials need inspector2:${operation}, and acting on other accounts needs the organisation's ` +
            `delegated Inspector administrator`;
    } else {
        advice = "Inspector refused the request";
    }
    return new InspectorCallError(
        `Inspector ${operation} failed in ${region}: ${summary} (${advice})`,
        operation,
        region,
        error,
    );
}
