import { BatchGetAccountStatusCommand, DisableCommand, EnableCommand } from "@aws-sdk/client-inspector2";
import { inspector2Client } from "../aws/clients";
import type { AccountStatus, FailedAccount } from "./account-status";
import { chunk } from "./chunk";
import type { Direction } from "./direction";
import type { Batch } from "./plan";
import { fromAccount, fromAccountState, fromFailedAccount } from "./sdk-shapes";
import { withRetries } from "./retry";
import type { Timing } from "./timing";

/** The region and pacing every call of one operation shares. */
export interface CallContext {
    readonly region: string;
    readonly timing: Timing;
}

/** What Inspector answered about a set of accounts. */
export interface AccountReport {
    readonly statuses: Map<string, AccountStatus>;
    readonly failures: Map<string, FailedAccount>;
}

/** The account the credentials belong to: BatchGetAccountStatus without account IDs reports the caller. */
export async function callerAccountId(context: CallContext): Promise<string> {
    const client = inspector2Client(context.region);
    const response = await withRetries(context, "BatchGetAccountStatus", () =>
        client.send(new BatchGetAccountStatusCommand({})),
    );
    const accountId = response.accounts?.[0]?.accountId ?? response.failedAccounts?.[0]?.accountId;
    if (!accountId) {
        throw new Error(
            `Inspector BatchGetAccountStatus in ${context.region} did not name the calling account`,
        );
    }
    return accountId;
}

/** Inspector's status of each account, asked 100 accounts per call. */
export async function accountReport(
    context: CallContext,
    accountIds: readonly string[],
): Promise<AccountReport> {
    const client = inspector2Client(context.region);
    const report: AccountReport = { statuses: new Map(), failures: new Map() };
    const responses = await Promise.all(
        chunk(accountIds).map((piece) =>
            withRetries(context, "BatchGetAccountStatus", () =>
                client.send(new BatchGetAccountStatusCommand({ accountIds: piece })),
            ),
        ),
    );
    for (const response of responses) {
        for (const shape of response.accounts ?? []) {
            const { status, failure } = fromAccountState(shape);
            report.statuses.set(status.accountId, status);
            if (failure) report.failures.set(failure.accountId, failure);
        }
        for (const shape of response.failedAccounts ?? []) {
            const failure = fromFailedAccount(shape);
            report.failures.set(failure.accountId, failure);
        }
    }
    return report;
}

/** One Enable (with its idempotency token) or Disable call (the API gives Disable no token). */
export async function changeAccounts(
    context: CallContext,
    direction: Direction,
    batch: Batch,
    clientToken?: string,
): Promise<{ accounts: AccountStatus[]; failedAccounts: FailedAccount[] }> {
    const client = inspector2Client(context.region);
    const response =
        direction === "enable"
            ? await withRetries(context, "Enable", () =>
                  client.send(
                      new EnableCommand({
                          accountIds: batch.accountIds,
                          resourceTypes: batch.resourceTypes,
                          clientToken,
                      }),
                  ),
              )
            : await withRetries(context, "Disable", () =>
                  client.send(
                      new DisableCommand({
                          accountIds: batch.accountIds,
                          resourceTypes: batch.resourceTypes,
                      }),
                  ),
              );
    return {
        accounts: (response.accounts ?? []).map(fromAccount),
        failedAccounts: (response.failedAccounts ?? []).map(fromFailedAccount),
    };
}
