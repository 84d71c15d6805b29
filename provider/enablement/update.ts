import type { AccountStatus, FailedAccount } from "./account-status";
import { PartialFailure } from "../dynamic/partial-failure";
import { converge, ConvergeInterrupted, type ConvergeRequest, type ConvergeResult } from "./converge";
import { unwrap } from "./create";
import { hasDrift } from "./diff";
import { hasReached } from "./direction";
import { enablementId } from "./enablement-id";
import { describeShortfall } from "./failure-message";
import { callerAccountId } from "./inspector-calls";
import type { EnablementInputs } from "./inputs";
import { buildOutputs, type EnablementOutputs } from "./outputs";
import { resourceLabel, type Reporter } from "./progress";
import type { ResourceType } from "./resource-types";
import { timingFor } from "./timing";
import { operationToken } from "./token";

/**
 * Update in place: enable what was added (new types, new accounts), disable what was removed (removed types on
 * the remaining accounts, every managed type on removed accounts), and wait as create does. A change of
 * provider-only inputs (token, wait settings) with nothing missing in AWS makes no call at all.
 */
export async function updateEnablement(
    olds: EnablementOutputs,
    news: EnablementInputs,
    report: Reporter,
): Promise<{ outs: EnablementOutputs }> {
    if (!needsAwsWork(olds, news)) {
        return {
            outs: buildOutputs(news, {
                callerAccountId: olds.callerAccountId,
                managedAccountIds: olds.managedAccountIds,
                managedResourceTypes: olds.managedResourceTypes,
                accounts: olds.accounts,
                failedAccounts: olds.failedAccounts,
                createdAt: olds.createdAt,
                updatedAt: new Date().toISOString(),
            }),
        };
    }

    const context = { region: news.region, timing: timingFor(news) };
    const label = resourceLabel(news.resourceUrn);
    const caller = await callerAccountId(context);
    const newAccounts = news.accountIds ?? [caller];
    const newTypes = news.resourceTypes;
    const oldAccounts = olds.managedAccountIds ?? olds.accountIds ?? [olds.callerAccountId ?? caller];
    const oldTypes = olds.managedResourceTypes ?? olds.resourceTypes;
    const removedTypes = oldTypes.filter((type) => !newTypes.includes(type));
    const disableTargets = new Map<string, ResourceType[]>();
    for (const accountId of oldAccounts) {
        const types = newAccounts.includes(accountId) ? removedTypes : oldTypes;
        if (types.length > 0) disableTargets.set(accountId, [...types]);
    }

    const shared: Omit<ConvergeRequest, "direction" | "targets"> = {
        callerAccountId: caller,
        wait: news.waitForEnabled,
        context,
        operationToken: operationToken(news.clientToken, {
            kind: "update",
            region: news.region,
            from: { accountIds: oldAccounts, resourceTypes: oldTypes },
            to: { accountIds: newAccounts, resourceTypes: newTypes },
        }),
        report,
        label,
    };
    report(`${label}: updating Inspector on ${newAccounts.length} accounts in ${news.region}`);

    let enabled: ConvergeResult | undefined;
    let disabled: ConvergeResult | undefined;
    let interruption: Error | undefined;
    try {
        enabled = await converge({
            ...shared,
            direction: "enable",
            targets: new Map(newAccounts.map((accountId) => [accountId, newTypes])),
        });
        if (disableTargets.size > 0) {
            disabled = await converge({ ...shared, direction: "disable", targets: disableTargets });
        }
    } catch (error) {
        if (!(error instanceof ConvergeInterrupted)) throw unwrap(error);
        if (enabled) disabled = error.partial;
        else enabled = error.partial;
        interruption = error.cause;
    }

    // A removal that did not finish stays managed, so the next update or the delete finishes it.
    const unfinishedRemovals = [...disableTargets.keys()].filter(
        (accountId) =>
            !disabled ||
            (!disabled.gone.has(accountId) &&
                (disabled.failures.has(accountId) ||
                    !hasReached(
                        "disable",
                        disableTargets.get(accountId)!,
                        disabled.statuses.get(accountId),
                        news.waitForEnabled,
                    ))),
    );
    const managedAccountIds = new Set([...newAccounts, ...unfinishedRemovals]);
    const managedResourceTypes = new Set<ResourceType>(newTypes);
    for (const accountId of unfinishedRemovals) {
        for (const type of disableTargets.get(accountId)!) managedResourceTypes.add(type);
    }

    const accounts = new Map<string, AccountStatus>(enabled.statuses);
    for (const [accountId, status] of disabled?.statuses ?? []) {
        if (managedAccountIds.has(accountId)) accounts.set(accountId, status);
    }
    const failures = new Map<string, FailedAccount>(enabled.failures);
    for (const [accountId, failure] of disabled?.failures ?? []) failures.set(accountId, failure);

    const outs = buildOutputs(news, {
        callerAccountId: caller,
        managedAccountIds,
        managedResourceTypes,
        accounts: accounts.values(),
        failedAccounts: failures.values(),
        createdAt: olds.createdAt ?? new Date().toISOString(),
        updatedAt: new Date().toISOString(),
    });
    const unsettled = [...enabled.unsettled, ...(disabled?.unsettled ?? [])];
    if (failures.size > 0 || unsettled.length > 0 || interruption) {
        const { message, reasons } = describeShortfall({
            label,
            action: "update",
            region: news.region,
            totalAccounts: managedAccountIds.size,
            failures: failures.values(),
            unsettled,
            waitTimeoutSeconds: news.waitTimeoutSeconds,
            interruption,
            closing:
                "What succeeded is recorded in the stack's state; the next pulumi up does only what is missing.",
        });
        throw new PartialFailure(message, enablementId(news.region, news.resourceUrn), { ...outs }, reasons);
    }
    return { outs };
}

/** Whether Inspector needs any call: the accounts or types changed, or the last known state fell short. */
export function needsAwsWork(olds: Partial<EnablementOutputs>, news: EnablementInputs): boolean {
    return (
        JSON.stringify(olds.resourceTypes) !== JSON.stringify(news.resourceTypes) ||
        JSON.stringify(olds.accountIds) !== JSON.stringify(news.accountIds) ||
        olds.region !== news.region ||
        hasDrift(olds, { ...news })
    );
}
