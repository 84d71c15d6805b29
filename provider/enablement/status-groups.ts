import {
    hasAll,
    RESOURCE_STATUS_KEYS,
    RESOURCE_TYPES,
    type AccountStatus,
    type ResourceStatus,
    type ResourceType,
    type Status,
} from "./account-status";

/**
 * Accounts that share one status: the compact form of Inspector's per-account answers kept in state. An
 * organisation's accounts mostly share a handful of statuses, so each status is written once, with the IDs of the
 * accounts that have it, instead of once per account.
 */
export interface AccountStatusGroup {
    /** The account-level status these accounts share. */
    readonly status: Status;
    /** The status of each resource type these accounts share, keyed as Inspector's `ResourceStatus`. */
    readonly resourceStatus: ResourceStatus;
    /** The accounts with exactly this status, sorted. */
    readonly accountIds: string[];
}

/**
 * Groups account statuses by identical status: one group per distinct status and resource statuses, account IDs
 * sorted and without duplicates (the last status of an account given twice wins), groups in a fixed order (by
 * status, then by each type's status), so equal statuses always serialise equally.
 */
export function groupByStatus(accounts: Iterable<AccountStatus>): AccountStatusGroup[] {
    const latest = new Map<string, AccountStatus>();
    for (const account of accounts) latest.set(account.accountId, account);
    const groups = new Map<string, AccountStatusGroup>();
    for (const account of latest.values()) {
        const resourceStatus = canonicalResourceStatus(account.resourceStatus);
        const key = groupKey(account.status, resourceStatus);
        let group = groups.get(key);
        if (!group) {
            group = { status: account.status, resourceStatus, accountIds: [] };
            groups.set(key, group);
        }
        group.accountIds.push(account.accountId);
    }
    for (const group of groups.values()) group.accountIds.sort();
    return [...groups.keys()].sort().map((key) => groups.get(key)!);
}

/**
 * Every account of the groups with its own status, sorted by account ID: the per-account form, for a program that
 * prefers it, e.g. `scanning.statusGroups.apply(accountStatuses)`.
 */
export function accountStatuses(groups: readonly AccountStatusGroup[]): AccountStatus[] {
    const accounts: AccountStatus[] = [];
    for (const { status, resourceStatus, accountIds } of groups) {
        for (const accountId of accountIds) accounts.push({ accountId, status, resourceStatus });
    }
    return accounts.sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
}

/**
 * The status of one account, from the groups; undefined when Inspector did not report it (see
 * `failedAccounts`). For example `scanning.statusGroups.apply((groups) => accountStatus(groups, "111122223333"))`.
 */
export function accountStatus(
    groups: readonly AccountStatusGroup[],
    accountId: string,
): AccountStatus | undefined {
    const group = groups.find((candidate) => candidate.accountIds.includes(accountId));
    return group && { accountId, status: group.status, resourceStatus: group.resourceStatus };
}

/** The accounts of the groups in which every one of `resourceTypes` shows one of `statuses`. */
export function accountsWithAll(
    groups: readonly AccountStatusGroup[],
    resourceTypes: readonly ResourceType[],
    statuses: readonly Status[],
): Set<string> {
    const accountIds = new Set<string>();
    for (const group of groups) {
        if (!hasAll(group, resourceTypes, statuses)) continue;
        for (const accountId of group.accountIds) accountIds.add(accountId);
    }
    return accountIds;
}

/** The resource statuses with their members in Inspector's order, so equal statuses get equal keys and JSON. */
function canonicalResourceStatus(resourceStatus: ResourceStatus): ResourceStatus {
    const ordered: ResourceStatus = {};
    for (const type of RESOURCE_TYPES) {
        const key = RESOURCE_STATUS_KEYS[type];
        const status = resourceStatus[key];
        if (status) ordered[key] = status;
    }
    return ordered;
}

function groupKey(status: Status, resourceStatus: ResourceStatus): string {
    const members = RESOURCE_TYPES.map((type) => resourceStatus[RESOURCE_STATUS_KEYS[type]] ?? "");
    return [status, ...members].join("|");
}
