import type { Caller } from "../service";
import type { ResourceType } from "../settings/settings";
import { accountStatus } from "./account-status";
import type { TypeStatuses } from "./account-status-store";
import { transitionDelayMs } from "./delays";
import { Organisation } from "./organisation";
import {
    BLOCKED_BY_ORGANIZATION_POLICY,
    blockedMessage,
    managingPolicy,
    withPolicies,
} from "./organization-policies";
import type { Inspector2Runtime } from "./runtime";
import { resourceStatusShape, uniformStatuses, type AccountShape, type FailedAccountShape } from "./shapes";
import type { TargetStatus } from "./status";
import { targetRefusal } from "./target-access";

/** What an Enable or Disable asks for, with its account list already resolved. */
export interface AccountChange {
    readonly accountIds: readonly string[];
    readonly resourceTypes: readonly ResourceType[];
    readonly target: TargetStatus;
}

/** The body of an Enable or Disable answer. */
export interface AccountChangeResult {
    accounts: AccountShape[];
    failedAccounts: FailedAccountShape[];
}

/**
 * Applies an Enable or Disable to each account on its own: refused or failing accounts land in `failedAccounts`
 * with the status they keep, and the others start their transitions in the caller's region. A type an
 * organisation policy manages stays as it is and gets its own `failedAccounts` entry
 * (`BLOCKED_BY_ORGANIZATION_POLICY`, naming the policy), while the call's other types go through.
 */
export function changeAccounts(
    runtime: Inspector2Runtime,
    caller: Caller,
    change: AccountChange,
): AccountChangeResult {
    const { context, state } = runtime;
    const now = context.now();
    const settings = context.settings();
    const organisation = Organisation.of(settings.accounts);
    const region = caller.region;
    const result: AccountChangeResult = { accounts: [], failedAccounts: [] };

    for (const accountId of change.accountIds) {
        const refusal = targetRefusal(organisation, caller.accountId, accountId);
        if (refusal?.kind === "not-manageable") {
            result.failedAccounts.push({
                accountId,
                errorCode: refusal.errorCode,
                errorMessage: refusal.errorMessage,
            });
            continue;
        }
        const policies = settings.organizationPolicies;
        const current = () =>
            withPolicies(policies, accountId, state.statuses.statuses(accountId, region, now));
        const statuses = refusal?.kind === "suspended" ? uniformStatuses("SUSPENDED") : current();
        if (refusal) {
            result.failedAccounts.push(
                failedAccount(accountId, statuses, refusal.errorCode, refusal.errorMessage),
            );
            continue;
        }
        // Types an organisation policy manages are refused one by one; the call's other types go through.
        const blocked = change.resourceTypes.flatMap((type) => {
            const policy = managingPolicy(policies, accountId, type);
            return policy ? [{ type, policyId: policy.policyId }] : [];
        });
        const free = change.resourceTypes.filter((type) => !blocked.some((entry) => entry.type === type));
        if (free.length > 0 || blocked.length === 0) {
            // targetRefusal has confirmed the account exists.
            const failure = state.failures.attempt(organisation.account(accountId)!);
            if (failure) {
                const message = `Injected failure ${failure.errorCode} for account ${accountId} (attempt ${failure.attempt} of ${failure.planned} planned failures).`;
                result.failedAccounts.push(failedAccount(accountId, statuses, failure.errorCode, message));
            } else {
                state.statuses.request(accountId, region, free, change.target, now, (type) =>
                    transitionDelayMs(settings.delays, change.target, type, region),
                );
                const after = current();
                result.accounts.push({
                    accountId,
                    status: accountStatus(Object.values(after)),
                    resourceStatus: resourceStatusShape(after),
                });
            }
        }
        for (const { type, policyId } of blocked) {
            result.failedAccounts.push(
                failedAccount(
                    accountId,
                    current(),
                    BLOCKED_BY_ORGANIZATION_POLICY,
                    blockedMessage(type, accountId, policyId),
                ),
            );
        }
    }
    return result;
}

function failedAccount(
    accountId: string,
    statuses: TypeStatuses,
    errorCode: string,
    errorMessage: string,
): FailedAccountShape {
    return {
        accountId,
        status: accountStatus(Object.values(statuses)),
        resourceStatus: resourceStatusShape(statuses),
        errorCode,
        errorMessage,
    };
}
