import { RESOURCE_STATUS_KEYS, type ResourceStatusKey, type ResourceType } from "./resource-types";

/** Inspector's status of an account or of one resource type in it. */
export type Status = "ENABLING" | "ENABLED" | "DISABLING" | "DISABLED" | "SUSPENDING" | "SUSPENDED";

/** One status per resource type, keyed as Inspector's `ResourceStatus` (types Inspector left out are absent). */
export type ResourceStatus = Partial<Record<ResourceStatusKey, Status>>;

/** An account as Inspector reports it: the account-level status and each resource type's status. */
export interface AccountStatus {
    readonly accountId: string;
    readonly status: Status;
    readonly resourceStatus: ResourceStatus;
}

/** An account Inspector could not act on (or report), with its error and the status it kept, where known. */
export interface FailedAccount {
    readonly accountId: string;
    readonly errorCode: string;
    readonly errorMessage: string;
    readonly status?: Status;
    readonly resourceStatus?: ResourceStatus;
}

/** Orders account records by account ID, so outputs and messages never depend on the order AWS answered in. */
export function byAccountId<T extends { readonly accountId: string }>(records: Iterable<T>): T[] {
    return [...records].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
}

/** The status of one resource type on an account; undefined when Inspector did not report that type. */
export function typeStatus(account: AccountStatus, resourceType: ResourceType): Status | undefined {
    return account.resourceStatus[RESOURCE_STATUS_KEYS[resourceType]];
}

/** Whether every one of `resourceTypes` shows one of `statuses` on the account. */
export function hasAll(
    account: AccountStatus,
    resourceTypes: readonly ResourceType[],
    statuses: readonly Status[],
): boolean {
    return resourceTypes.every((type) => {
        const status = typeStatus(account, type);
        return status !== undefined && statuses.includes(status);
    });
}
