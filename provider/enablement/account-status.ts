/** The resource types Inspector (v2) scans, in the order the API lists them. */
export const RESOURCE_TYPES = ["EC2", "ECR", "LAMBDA", "LAMBDA_CODE", "CODE_REPOSITORY"] as const;

export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** The member name of a resource type in Inspector's `ResourceStatus` and `ResourceState` shapes. */
export type ResourceStatusKey = "ec2" | "ecr" | "lambda" | "lambdaCode" | "codeRepository";

export const RESOURCE_STATUS_KEYS: Readonly<Record<ResourceType, ResourceStatusKey>> = {
    EC2: "ec2",
    ECR: "ecr",
    LAMBDA: "lambda",
    LAMBDA_CODE: "lambdaCode",
    CODE_REPOSITORY: "codeRepository",
};

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

/** How many of the accounts have every one of the types ENABLED. */
export function countFullyEnabled(
    accounts: readonly AccountStatus[],
    resourceTypes: readonly ResourceType[],
): number {
    return accounts.filter((account) => hasAll(account, resourceTypes, ["ENABLED"])).length;
}
