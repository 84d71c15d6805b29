import { byAccountId, type AccountStatus, type FailedAccount, type ResourceType } from "./account-status";
import type { EnablementInputs } from "./inputs";
import { accountsWithAll, groupByStatus, type AccountStatusGroup } from "./status-groups";

/** What the resource keeps in state: its inputs, what it is responsible for in AWS, and Inspector's answers. */
export interface EnablementOutputs extends EnablementInputs {
    /** The account the provider's credentials belong to: the one enabled when `accountIds` is left out. */
    readonly callerAccountId: string;
    /**
     * The accounts this resource has to turn off on delete: the requested ones (the calling account's ID when
     * `accountIds` is left out), plus any removed from the inputs whose Disable has not succeeded yet.
     */
    readonly managedAccountIds: string[];
    /** Likewise for resource types: the requested ones plus any removed whose Disable has not succeeded yet. */
    readonly managedResourceTypes: ResourceType[];
    /** Inspector's status of every managed account it reported, grouped by identical status. */
    readonly statusGroups: AccountStatusGroup[];
    /** The requested accounts that do not have every requested type ENABLED, sorted. */
    readonly notEnabledAccountIds: string[];
    /** Managed accounts Inspector could not act on or report, with its error, by account ID. */
    readonly failedAccounts: FailedAccount[];
    /** How many of the requested accounts have every requested type ENABLED. */
    readonly enabledAccountCount: number;
    /** When this resource first enabled (or adopted) the enablement, ISO 8601. */
    readonly createdAt: string;
    /** When create or the last update finished, ISO 8601. */
    readonly updatedAt: string;
}

/** What create and update found, for {@link buildOutputs}. */
export interface OutputParts {
    /** See {@link EnablementOutputs.callerAccountId}. */
    readonly callerAccountId: string;
    /** In any order, repeats allowed: the outputs sort them and drop repeats. */
    readonly managedAccountIds: Iterable<string>;
    /** In any order, repeats allowed. */
    readonly managedResourceTypes: Iterable<ResourceType>;
    /** Inspector's last statuses, grouped ({@link groupByStatus}). */
    readonly statusGroups: readonly AccountStatusGroup[];
    /** In any order: the outputs sort them by account ID. */
    readonly failedAccounts: Iterable<FailedAccount>;
    /** See {@link EnablementOutputs.createdAt}. */
    readonly createdAt: string;
    /** See {@link EnablementOutputs.updatedAt}. */
    readonly updatedAt: string;
}

/** Assembles the outputs in a deterministic order, so equal states serialise equally. */
export function buildOutputs(inputs: EnablementInputs, parts: OutputParts): EnablementOutputs {
    return {
        resourceTypes: inputs.resourceTypes,
        ...(inputs.accountIds ? { accountIds: inputs.accountIds } : {}),
        clientToken: inputs.clientToken,
        region: inputs.region,
        waitForEnabled: inputs.waitForEnabled,
        waitTimeoutSeconds: inputs.waitTimeoutSeconds,
        pollIntervalSeconds: inputs.pollIntervalSeconds,
        resourceUrn: inputs.resourceUrn,
        ...(inputs.profile ? { profile: inputs.profile } : {}),
        ...(inputs.assumeRole ? { assumeRole: inputs.assumeRole } : {}),
        callerAccountId: parts.callerAccountId,
        managedAccountIds: [...new Set(parts.managedAccountIds)].sort(),
        managedResourceTypes: [...new Set(parts.managedResourceTypes)].sort(),
        ...statusOutputs(
            { ...inputs, callerAccountId: parts.callerAccountId },
            parts.statusGroups,
            parts.failedAccounts,
        ),
        createdAt: parts.createdAt,
        updatedAt: parts.updatedAt,
    };
}

/** The outputs that Inspector's answers make, derived from the statuses and failures. */
export type StatusOutputs = Pick<
    EnablementOutputs,
    "statusGroups" | "notEnabledAccountIds" | "failedAccounts" | "enabledAccountCount"
>;

/**
 * The status outputs: the groups as given, the failures by account ID, and which of the requested accounts (the
 * calling account when `accountIds` is left out) have every requested type ENABLED; every other requested
 * account (enabling, disabled, failed, or not reported) is listed in `notEnabledAccountIds`.
 */
export function statusOutputs(
    requested: Readonly<Partial<Pick<EnablementOutputs, "resourceTypes" | "accountIds" | "callerAccountId">>>,
    statusGroups: readonly AccountStatusGroup[],
    failedAccounts: Iterable<FailedAccount>,
): StatusOutputs {
    const enabled = accountsWithAll(statusGroups, requested.resourceTypes ?? [], ["ENABLED"]);
    const accountIds = requested.accountIds ?? (requested.callerAccountId ? [requested.callerAccountId] : []);
    const notEnabledAccountIds = [...new Set(accountIds)]
        .filter((accountId) => !enabled.has(accountId))
        .sort();
    return {
        statusGroups: [...statusGroups],
        notEnabledAccountIds,
        failedAccounts: byAccountId(failedAccounts),
        enabledAccountCount: new Set(accountIds).size - notEnabledAccountIds.length,
    };
}

/** State as version 0.1.0 wrote it: every account's status in `accounts`, one record per account. */
interface StateV010 {
    readonly accounts?: readonly AccountStatus[];
}

/** Whether the stored state is in the 0.1.0 shape, with per-account `accounts` instead of `statusGroups`. */
export function isStateV010(stored: object): boolean {
    return Array.isArray((stored as StateV010).accounts);
}

/**
 * The stored state in the current shape: 0.1.0's per-account `accounts` grouped into `statusGroups`, with the
 * outputs derived from them; anything else is returned as it is. Every lifecycle function that reads the
 * statuses of stored state converts it first, so old state refreshes, diffs, updates and destroys.
 */
export function upgradeStoredOutputs<T extends Partial<EnablementOutputs>>(stored: T): T {
    if (!isStateV010(stored)) return stored;
    const { accounts, ...rest } = stored as T & StateV010;
    return {
        ...rest,
        ...statusOutputs(rest, groupByStatus(accounts ?? []), rest.failedAccounts ?? []),
    } as T;
}
