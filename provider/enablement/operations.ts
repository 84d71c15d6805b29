import type {
    Inspector2Client,
    Account as SdkAccount,
    AccountState as SdkAccountState,
    FailedAccount as SdkFailedAccount,
    ResourceState as SdkResourceState,
    ResourceStatus as SdkResourceStatus,
} from "@aws-sdk/client-inspector2";
import { callAws } from "../aws/call";
import { inspector2Sdk } from "../aws/sdk-modules";
import { callerIdentity } from "../aws/identity";
import type { LifecycleContext } from "../core/context";
import {
    RESOURCE_STATUS_KEYS,
    RESOURCE_TYPES,
    type AccountStatus,
    type FailedAccount,
    type ResourceStatus,
    type Status,
} from "./account-status";
import { explainCall } from "./errors";
import { chunk, type Batch, type Direction } from "./plan";

/** Where the calls of one operation go, and when they must stop: the operation's deadline (clock time, ms). */
export interface CallScope {
    readonly context: LifecycleContext;
    readonly region: string;
    readonly deadline: number;
}

/** One Inspector (v2) call through `callAws`: the region's gate, retries, and this resource's messages. */
function callInspector<T>(
    scope: CallScope,
    operation: string,
    send: (client: Inspector2Client) => Promise<T>,
): Promise<T> {
    const target = { service: "inspector2", operation, region: scope.region } as const;
    const client = scope.context.clients.inspector2(scope.region);
    return callAws(scope.context, target, () => send(client), {
        deadline: scope.deadline,
        explain: explainCall(target),
    });
}

/** What Inspector answered about a set of accounts. */
export interface AccountReport {
    readonly statuses: Map<string, AccountStatus>;
    readonly failures: Map<string, FailedAccount>;
}

/** The account the credentials belong to, from STS GetCallerIdentity with the same credentials. */
export async function callerAccountId(scope: CallScope): Promise<string> {
    const { accountId } = await callerIdentity(scope.context, scope.region, { deadline: scope.deadline });
    return accountId;
}

/** Inspector's status of each account, asked 100 accounts per call. */
export async function accountReport(scope: CallScope, accountIds: readonly string[]): Promise<AccountReport> {
    const report: AccountReport = { statuses: new Map(), failures: new Map() };
    const responses = await Promise.all(
        chunk(accountIds).map((piece) =>
            callInspector(scope, "BatchGetAccountStatus", (client) =>
                client.send(new (inspector2Sdk().BatchGetAccountStatusCommand)({ accountIds: piece })),
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
    scope: CallScope,
    direction: Direction,
    batch: Batch,
    clientToken?: string,
): Promise<{ accounts: AccountStatus[]; failedAccounts: FailedAccount[] }> {
    const { accountIds, resourceTypes } = batch;
    const response =
        direction === "enable"
            ? await callInspector(scope, "Enable", (client) =>
                  client.send(
                      new (inspector2Sdk().EnableCommand)({ accountIds, resourceTypes, clientToken }),
                  ),
              )
            : await callInspector(scope, "Disable", (client) =>
                  client.send(new (inspector2Sdk().DisableCommand)({ accountIds, resourceTypes })),
              );
    return {
        accounts: (response.accounts ?? []).map(fromAccount),
        failedAccounts: (response.failedAccounts ?? []).map(fromFailedAccount),
    };
}

// Conversions from the SDK's response shapes to the plain records kept in state: only members Inspector sent,
// never `undefined` (a protobuf Struct cannot hold it).

/** An SDK `ResourceStatus`, with only the members Inspector sent. */
export function fromResourceStatus(shape: SdkResourceStatus | undefined): ResourceStatus {
    const result: ResourceStatus = {};
    for (const type of RESOURCE_TYPES) {
        const key = RESOURCE_STATUS_KEYS[type];
        const status = shape?.[key];
        if (status) result[key] = status as Status;
    }
    return result;
}

function fromResourceState(shape: SdkResourceState | undefined): ResourceStatus {
    const result: ResourceStatus = {};
    for (const type of RESOURCE_TYPES) {
        const key = RESOURCE_STATUS_KEYS[type];
        const status = shape?.[key]?.status;
        if (status) result[key] = status as Status;
    }
    return result;
}

/** An Enable or Disable success. */
export function fromAccount(shape: SdkAccount): AccountStatus {
    return {
        accountId: shape.accountId ?? "",
        status: (shape.status ?? "DISABLED") as Status,
        resourceStatus: fromResourceStatus(shape.resourceStatus),
    };
}

/** An SDK `FailedAccount`: its code and message (defaults when Inspector sent none), and statuses where sent. */
export function fromFailedAccount(shape: SdkFailedAccount): FailedAccount {
    return {
        accountId: shape.accountId ?? "",
        errorCode: shape.errorCode ?? "UNKNOWN",
        errorMessage: shape.errorMessage ?? "Inspector gave no message",
        ...(shape.status ? { status: shape.status as Status } : {}),
        ...(shape.resourceStatus ? { resourceStatus: fromResourceStatus(shape.resourceStatus) } : {}),
    };
}

/**
 * A BatchGetAccountStatus entry: always the account's status; also a failure when Inspector put an error code
 * in the account's state (an isolated account, for example).
 */
export function fromAccountState(shape: SdkAccountState): { status: AccountStatus; failure?: FailedAccount } {
    const status: AccountStatus = {
        accountId: shape.accountId ?? "",
        status: (shape.state?.status ?? "DISABLED") as Status,
        resourceStatus: fromResourceState(shape.resourceState),
    };
    if (!shape.state?.errorCode) return { status };
    return {
        status,
        failure: {
            accountId: status.accountId,
            errorCode: shape.state.errorCode,
            errorMessage: shape.state.errorMessage ?? "Inspector gave no message",
            status: status.status,
            resourceStatus: status.resourceStatus,
        },
    };
}
