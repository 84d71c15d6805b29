import {
    byAccountId,
    countFullyEnabled,
    type AccountStatus,
    type FailedAccount,
    type ResourceType,
} from "./account-status";
import type { EnablementInputs } from "./inputs";

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
    /** Inspector's status of every managed account it reported, by account ID. */
    readonly accounts: AccountStatus[];
    /** Managed accounts Inspector could not act on or report, with its error, by account ID. */
    readonly failedAccounts: FailedAccount[];
    /** How many of `accounts` have every requested type ENABLED. */
    readonly enabledAccountCount: number;
    /** When this resource first enabled (or adopted) the enablement, ISO 8601. */
    readonly createdAt: string;
    /** When create or the last update finished, ISO 8601. */
    readonly updatedAt: string;
}

export interface OutputParts {
    readonly callerAccountId: string;
    readonly managedAccountIds: Iterable<string>;
    readonly managedResourceTypes: Iterable<ResourceType>;
    readonly accounts: Iterable<AccountStatus>;
    readonly failedAccounts: Iterable<FailedAccount>;
    readonly createdAt: string;
    readonly updatedAt: string;
}

/** Assembles the outputs in a deterministic order, so equal states serialise equally. */
export function buildOutputs(inputs: EnablementInputs, parts: OutputParts): EnablementOutputs {
    const accounts = byAccountId(parts.accounts);
    const failedAccounts = byAccountId(parts.failedAccounts);
    const outputs: EnablementOutputs = {
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
        accounts,
        failedAccounts,
        enabledAccountCount: 0,
        createdAt: parts.createdAt,
        updatedAt: parts.updatedAt,
    };
    return { ...outputs, enabledAccountCount: countFullyEnabled(outputs.accounts, inputs.resourceTypes) };
}
