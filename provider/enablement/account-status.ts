/** The resource types Inspector (v2) scans, in the order the API lists them. */
export const RESOURCE_TYPES = ["EC2", "ECR", "LAMBDA", "LAMBDA_CODE", "CODE_REPOSITORY"] as const;

/** One of the resource types Inspector (v2) scans: `EC2`, `ECR`, `LAMBDA`, `LAMBDA_CODE` or `CODE_REPOSITORY`. */
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** The member name of a resource type in Inspector's `ResourceStatus` and `ResourceState` shapes. */
export type ResourceStatusKey = "ec2" | "ecr" | "lambda" | "lambdaCode" | "codeRepository";

/** The member name of each resource type in Inspector's `ResourceStatus` (`LAMBDA_CODE` is `lambdaCode`). */
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
    /** The account's 12-digit ID. */
    readonly accountId: string;
    /** The account-level status. */
    readonly status: Status;
    /** Each resource type's status. */
    readonly resourceStatus: ResourceStatus;
}

/** An account Inspector could not act on (or report), with its error and the status it kept, where known. */
export interface FailedAccount {
    /** The account's 12-digit ID. */
    readonly accountId: string;
    /** Inspector's error code (e.g. `ACCESS_DENIED`), or this provider's `INEFFECTIVE`. */
    readonly errorCode: string;
    /** Inspector's message. */
    readonly errorMessage: string;
    /** The account-level status Inspector reported with the error, when it did. */
    readonly status?: Status;
    /** Each resource type's status Inspector reported with the error, when it did. */
    readonly resourceStatus?: ResourceStatus;
}

/** Orders account records by account ID, so outputs and messages never depend on the order AWS answered in. */
export function byAccountId<T extends { readonly accountId: string }>(records: Iterable<T>): T[] {
    return [...records].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
}

/** The status of one resource type on an account; undefined when Inspector did not report that type. */
export function typeStatus(
    account: Pick<AccountStatus, "resourceStatus">,
    resourceType: ResourceType,
): Status | undefined {
    return account.resourceStatus[RESOURCE_STATUS_KEYS[resourceType]];
}

/** Whether every one of `resourceTypes` shows one of `statuses` on the account (or group of accounts). */
export function hasAll(
    account: Pick<AccountStatus, "resourceStatus">,
    resourceTypes: readonly ResourceType[],
    statuses: readonly Status[],
): boolean {
    return resourceTypes.every((type) => {
        const status = typeStatus(account, type);
        return status !== undefined && statuses.includes(status);
    });
}
