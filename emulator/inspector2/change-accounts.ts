import type { Caller } from "../service";
import type { ResourceType } from "../settings/settings";
import { accountStatus } from "./account-status";
import type { TypeStatuses } from "./account-status-store";
import { transitionDelayMs } from "./delays";
import { Organisation } from "./organisation";
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
 * with the status they keep, and the others start their transitions in the caller's region.
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
        const statuses =
            refusal?.kind === "suspended"
                ? uniformStatuses("SUSPENDED")
                : state.statuses.statuses(accountId, region, now);
        if (refusal) {
            result.failedAccounts.push(
                failedAccount(accountId, statuses, refusal.errorCode, refusal.errorMessage),
            );
            continue;
        }
        // targetRefusal has confirmed the account exists.
        const failure = state.failures.attempt(organisation.account(accountId)!);
        if (failure) {
            const message = `Injected failure ${failure.errorCode} for account ${accountId} (attempt ${failure.attempt} of ${failure.planned} planned failures).`;
            result.failedAccounts.push(failedAccount(accountId, statuses, failure.errorCode, message));
            continue;
        }
        state.statuses.request(accountId, region, change.resourceTypes, change.target, now, (type) =>
            transitionDelayMs(settings.delays, change.target, type, region),
        );
        const after = state.statuses.statuses(accountId, region, now);
        result.accounts.push({
            accountId,
            status: accountStatus(Object.values(after)),
            resourceStatus: resourceStatusShape(after),
        });
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
