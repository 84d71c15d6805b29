import type { Caller } from "../../service";
import { accountStatus } from "../account-status";
import { stringListMember } from "../input";
import { Organisation } from "../organisation";
import { withPolicies } from "../organization-policies";
import type { Inspector2Runtime } from "../runtime";
import {
    resourceStateShape,
    uniformStatuses,
    type AccountStateShape,
    type FailedAccountShape,
    type StateShape,
} from "../shapes";
import { targetRefusal } from "../target-access";
import { targetAccountIds } from "../target-accounts";

/**
 * BatchGetAccountStatus: the status of each account the caller manages, in the caller's region. Suspended
 * accounts show SUSPENDED and isolated ones carry ACCOUNT_IS_ISOLATED in their state; accounts the caller may not
 * manage (or that are unknown) land in `failedAccounts`. A type an organisation policy manages shows the policy's
 * state.
 */
export function batchGetAccountStatus(
    runtime: Inspector2Runtime,
    input: Record<string, unknown>,
    caller: Caller,
): Record<string, unknown> {
    const { context, state } = runtime;
    const now = context.now();
    const organisation = Organisation.of(context.settings().accounts);
    const accounts: AccountStateShape[] = [];
    const failedAccounts: FailedAccountShape[] = [];

    for (const accountId of targetAccountIds(stringListMember(input, "accountIds"), caller.accountId)) {
        const refusal = targetRefusal(organisation, caller.accountId, accountId);
        if (refusal?.kind === "not-manageable") {
            failedAccounts.push({
                accountId,
                errorCode: refusal.errorCode,
                errorMessage: refusal.errorMessage,
            });
            continue;
        }
        const statuses =
            refusal?.kind === "suspended"
                ? uniformStatuses("SUSPENDED")
                : withPolicies(
                      context.settings().organizationPolicies,
                      accountId,
                      state.statuses.statuses(accountId, caller.region, now),
                  );
        const accountState: StateShape = { status: accountStatus(Object.values(statuses)) };
        if (refusal?.kind === "isolated") {
            accountState.errorCode = refusal.errorCode;
            accountState.errorMessage = refusal.errorMessage;
        }
        accounts.push({ accountId, state: accountState, resourceState: resourceStateShape(statuses) });
    }
    return { accounts, failedAccounts };
}
