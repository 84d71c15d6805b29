import { canonicalJson } from "../core/canonical";
import { pollingPolicy, type LifecycleContext } from "../core/context";
import { plural } from "../core/plural";
import { CREDENTIAL_INPUT_KEYS } from "../dynamic/credential-inputs";
import type { ReadOutcome, ResourceLifecycle } from "../dynamic/adapter";
import { PartialFailure } from "../dynamic/partial-failure";
import { parseUrn } from "../dynamic/urn";
import type { AccountStatus, FailedAccount } from "./account-status";
import { converge, ConvergeInterrupted, type ConvergeRequest, type ConvergeResult } from "./converge";
import { describePolicy, describeShortfall } from "./errors";
import { INPUT_KEYS, pickInputs, waitSettings, type EnablementInputs } from "./inputs";
import { accountReport, callerAccountId, type CallScope } from "./operations";
import { buildOutputs, statusOutputs, upgradeStoredOutputs, type EnablementOutputs } from "./outputs";
import { removalTargets, unfinishedRemovals } from "./plan";
import { describeCreate, describeUpdate, diffEnablement, needsAwsWork, type PreviewMessages } from "./diff";
import { groupByStatus } from "./status-groups";
import { enablementId, operationToken } from "./token";
import { checkEnablementInputs } from "./validate";

/**
 * The outputs that reveal an input, kept secret when it is: the accounts' IDs are in the status groups, the
 * failures, the managed and the not enabled accounts; which types were requested shows in the statuses and the
 * managed types. Counts and the calling account reveal neither.
 */
const SECRET_OUTPUTS = {
    accountIds: ["statusGroups", "failedAccounts", "managedAccountIds", "notEnabledAccountIds"],
    resourceTypes: ["statusGroups", "failedAccounts", "managedResourceTypes"],
} as const;

/** The InspectorEnablement lifecycle, as the dynamic-provider adapter calls it. */
export const lifecycle: ResourceLifecycle<EnablementInputs, EnablementOutputs> = {
    inputKeys: INPUT_KEYS,
    secretOutputs: SECRET_OUTPUTS,
    setInputs: ["resourceTypes", "accountIds"],
    check: (news, context) => checkEnablementInputs(news, context),
    diff: (_id, olds, news) => diffEnablement(olds, news),
    preview: async (_id, olds, news, context) => tell(context, news, describeUpdate(olds, news)),
    previewCreate: async (news, context) => tell(context, news, describeCreate(news)),
    create: createEnablement,
    read: readEnablement,
    update: updateEnablement,
    delete: deleteEnablement,
};

const KEEP_GOING =
    "What succeeded is recorded in the stack's state; the next pulumi up does only what is missing.";

/**
 * Create: enable the types on every account (reading first, so an existing enablement is adopted without a
 * call), then wait until they are ENABLED. When some accounts fail or time runs out, the resource is still
 * recorded with what is true (PartialFailure), and the next `pulumi up` does only what is missing.
 */
export async function createEnablement(
    inputs: EnablementInputs,
    context: LifecycleContext,
): Promise<{ id: string; outs: EnablementOutputs }> {
    const startedAt = isoNow(context);
    const scope = callScope(context, inputs.region, inputs.waitTimeoutSeconds);
    const label = parseUrn(inputs.resourceUrn).name;
    const caller = await callerAccountId(scope);
    const accountIds = inputs.accountIds ?? [caller];
    const types = inputs.resourceTypes;
    context.log(
        `${label}: enabling ${types.join(", ")} on ${plural(accountIds.length, "account")} in ${inputs.region}`,
    );

    let result: ConvergeResult;
    let interruption: Error | undefined;
    try {
        result = await converge({
            direction: "enable",
            targets: new Map(accountIds.map((accountId) => [accountId, types])),
            callerAccountId: caller,
            wait: inputs.waitForEnabled,
            scope,
            polling: pollingPolicy(context, inputs.pollIntervalSeconds),
            operationToken: operationToken(inputs.clientToken, {
                kind: "create",
                region: inputs.region,
                to: { accountIds, resourceTypes: types },
            }),
            label,
        });
    } catch (error) {
        // Nothing sent yet: nothing exists that state would have to remember.
        if (!(error instanceof ConvergeInterrupted) || !error.partial.changed) throw unwrap(error);
        result = error.partial;
        interruption = error.cause;
    }

    const id = enablementId(inputs.region, inputs.resourceUrn);
    const outs = buildOutputs(inputs, {
        callerAccountId: caller,
        managedAccountIds: accountIds,
        managedResourceTypes: types,
        statusGroups: groupByStatus(result.statuses.values()),
        failedAccounts: result.failures.values(),
        createdAt: startedAt,
        updatedAt: isoNow(context),
    });
    if (result.failures.size > 0 || result.timedOut || interruption) {
        const { message, reasons } = describeShortfall({
            label,
            action: "enable",
            region: inputs.region,
            totalAccounts: accountIds.length,
            failures: result.failures.values(),
            unsettled: result.unsettled,
            waitTimeoutSeconds: inputs.waitTimeoutSeconds,
            interruption,
            closing: KEEP_GOING,
        });
        throw new PartialFailure(message, id, { ...outs }, reasons);
    }
    return { id, outs };
}

/**
 * Refresh: Inspector's live status of every managed account (100 per call), sorted by account ID. The stored
 * inputs are handed back unchanged as the inputs, so the next diff compares what the program wants with what
 * Inspector now reports: a type disabled outside Pulumi shows up as an update that enables it again. An account
 * that left the organisation lands in `failedAccounts`.
 */
export async function readEnablement(
    id: string,
    storedState: Readonly<Partial<EnablementOutputs>>,
    context: LifecycleContext,
): Promise<ReadOutcome<EnablementOutputs> & { outs: EnablementOutputs }> {
    const stored = upgradeStoredOutputs(storedState);
    const scope = callScope(context, stored.region!, waitSettings(stored).waitTimeoutSeconds);
    const caller = stored.callerAccountId ?? (await callerAccountId(scope));
    const report = await accountReport(scope, stored.managedAccountIds ?? stored.accountIds ?? [caller]);
    const outs = {
        ...stored,
        callerAccountId: caller,
        ...statusOutputs(
            { ...stored, callerAccountId: caller },
            groupByStatus(report.statuses.values()),
            report.failures.values(),
        ),
    } as EnablementOutputs;
    return { id, outs, inputs: pickInputs(stored) };
}

/**
 * Update in place: enable what was added (new types, new accounts), disable what was removed (removed types on
 * the remaining accounts, every managed type on removed accounts), and wait as create does. A change of
 * provider-only inputs (token, wait settings) with nothing missing in AWS makes no call at all.
 */
export async function updateEnablement(
    id: string,
    stored: Readonly<EnablementOutputs>,
    news: EnablementInputs,
    context: LifecycleContext,
): Promise<{ outs: EnablementOutputs }> {
    const olds = upgradeStoredOutputs(stored);
    if (!needsAwsWork(olds, news)) {
        // New credentials alone: STS says whose they are (one call), so a switch of account is caught here too.
        const callerAccountId = newCredentials(olds, news)
            ? await checkedCaller(callScope(context, news.region, news.waitTimeoutSeconds), olds, news)
            : olds.callerAccountId;
        return { outs: buildOutputs(news, { ...olds, callerAccountId, updatedAt: isoNow(context) }) };
    }
    const scope = callScope(context, news.region, news.waitTimeoutSeconds);
    const label = parseUrn(news.resourceUrn).name;
    const caller = await checkedCaller(scope, olds, news);
    const to = { accountIds: news.accountIds ?? [caller], resourceTypes: news.resourceTypes };
    const from = {
        accountIds: olds.managedAccountIds ?? olds.accountIds ?? [olds.callerAccountId ?? caller],
        resourceTypes: olds.managedResourceTypes ?? olds.resourceTypes,
    };
    const removals = removalTargets(from, to);
    const shared: Omit<ConvergeRequest, "direction" | "targets"> = {
        callerAccountId: caller,
        wait: news.waitForEnabled,
        scope,
        polling: pollingPolicy(context, news.pollIntervalSeconds),
        operationToken: operationToken(news.clientToken, { kind: "update", region: news.region, from, to }),
        label,
    };
    context.log(
        `${label}: updating Inspector on ${plural(to.accountIds.length, "account")} in ${news.region}`,
    );

    let enabled: ConvergeResult | undefined;
    let disabled: ConvergeResult | undefined;
    let interruption: Error | undefined;
    try {
        const targets = new Map(to.accountIds.map((accountId) => [accountId, to.resourceTypes]));
        enabled = await converge({ ...shared, direction: "enable", targets });
        if (removals.size > 0)
            disabled = await converge({ ...shared, direction: "disable", targets: removals });
    } catch (error) {
        if (!(error instanceof ConvergeInterrupted)) throw unwrap(error);
        if (enabled) disabled = error.partial;
        else enabled = error.partial;
        interruption = error.cause;
    }

    warnPolicyManaged(context, label, disabled);
    // A removal that did not finish stays managed, so the next update or the delete finishes it.
    const unfinished = unfinishedRemovals(removals, disabled, news.waitForEnabled);
    const managedAccountIds = new Set([...to.accountIds, ...unfinished.keys()]);
    const managedResourceTypes = new Set([...to.resourceTypes, ...[...unfinished.values()].flat()]);
    const accounts = new Map<string, AccountStatus>(enabled.statuses);
    for (const [accountId, status] of disabled?.statuses ?? []) {
        if (managedAccountIds.has(accountId)) accounts.set(accountId, status);
    }
    const failures = new Map<string, FailedAccount>([...enabled.failures, ...(disabled?.failures ?? [])]);
    const outs = buildOutputs(news, {
        callerAccountId: caller,
        managedAccountIds,
        managedResourceTypes,
        statusGroups: groupByStatus(accounts.values()),
        failedAccounts: failures.values(),
        createdAt: olds.createdAt ?? isoNow(context),
        updatedAt: isoNow(context),
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
            closing: KEEP_GOING,
        });
        throw new PartialFailure(message, id, { ...outs }, reasons);
    }
    return { outs };
}

/**
 * Delete: Disable exactly what this resource manages (its types, on its accounts, 100 per call, members before
 * the calling account) and wait until DISABLED. Accounts already off or out of reach are not errors; anything
 * else that stops the delete is, and the resource stays in state so a later destroy can finish it.
 */
export async function deleteEnablement(
    _id: string,
    stored: Readonly<Partial<EnablementOutputs>>,
    context: LifecycleContext,
): Promise<void> {
    const { pollIntervalSeconds, waitTimeoutSeconds } = waitSettings(stored);
    const region = stored.region!;
    const scope = callScope(context, region, waitTimeoutSeconds);
    const label = parseUrn(stored.resourceUrn ?? "").name;
    const caller = await callerAccountId(scope);
    const accountIds = stored.managedAccountIds ?? stored.accountIds ?? [stored.callerAccountId ?? caller];
    const resourceTypes = stored.managedResourceTypes ?? stored.resourceTypes ?? [];
    if (resourceTypes.length === 0) return;
    context.log(
        `${label}: disabling ${resourceTypes.join(", ")} on ${plural(accountIds.length, "account")} in ${region}`,
    );

    let result: ConvergeResult;
    let interruption: Error | undefined;
    try {
        result = await converge({
            direction: "disable",
            targets: new Map(accountIds.map((accountId) => [accountId, resourceTypes])),
            callerAccountId: caller,
            wait: true,
            scope,
            polling: pollingPolicy(context, pollIntervalSeconds),
            operationToken: "",
            label,
        });
    } catch (error) {
        if (!(error instanceof ConvergeInterrupted)) throw error;
        result = error.partial;
        interruption = error.cause;
    }

    for (const failure of result.gone.values()) {
        context.warn(
            `${label}: left account ${failure.accountId} alone, out of reach: ${failure.errorCode}: ${failure.errorMessage}`,
        );
    }
    warnPolicyManaged(context, label, result);
    if (result.failures.size > 0 || result.timedOut || interruption) {
        const { message } = describeShortfall({
            label,
            action: "disable",
            region,
            totalAccounts: accountIds.length,
            failures: result.failures.values(),
            unsettled: result.unsettled,
            waitTimeoutSeconds,
            interruption,
            closing: "The resource stays in the stack's state; run pulumi destroy (or up) again to finish.",
        });
        throw new Error(message);
    }
}

/**
 * Warns of each type a Disable left as it is because an AWS Organizations Inspector policy manages it: nothing
 * this resource can change, and no reason to fail the delete or update.
 */
function warnPolicyManaged(
    context: LifecycleContext,
    label: string,
    result: ConvergeResult | undefined,
): void {
    for (const { accountId, resourceTypes, failure } of result?.policyManaged.values() ?? []) {
        context.warn(
            `${label}: left ${resourceTypes.join(", ")} of account ${accountId} as it is: ${describePolicy(failure)} ` +
                `manages it, so Inspector refuses to turn it off (${failure.errorCode}: ${failure.errorMessage}); ` +
                "change the policy in AWS Organizations to turn it off",
        );
    }
}

/** Tells the reviewer what applying would do (info) and what drifted (warnings). */
async function tell(
    context: LifecycleContext,
    news: Readonly<Record<string, unknown>>,
    messages: PreviewMessages,
): Promise<void> {
    // Named, as every resource's messages are: `preview --diff` prints them without the resource's header.
    const label = typeof news.resourceUrn === "string" ? `${parseUrn(news.resourceUrn).name}: ` : "";
    for (const line of messages.changes) context.log(label + line);
    for (const line of messages.drift) context.warn(label + line);
}

/** Whether the update brings other credentials (`profile`, `assumeRole`) than the recorded ones. */
function newCredentials(olds: Readonly<EnablementOutputs>, news: EnablementInputs): boolean {
    return CREDENTIAL_INPUT_KEYS.some(
        (key) => canonicalJson(olds[key] ?? null) !== canonicalJson(news[key] ?? null),
    );
}

/**
 * The calling account of an update. When `accountIds` is left out the resource scans the account it was created
 * from; credentials of another account (changed inputs, stack settings or environment) would enable that account
 * and leave the recorded one to a Disable the new credentials cannot make. Refused, with nothing changed. With
 * explicit `accountIds`, another caller (a new delegated administrator) acts on the same accounts: a warning.
 */
async function checkedCaller(
    scope: CallScope,
    olds: Readonly<EnablementOutputs>,
    news: EnablementInputs,
): Promise<string> {
    const caller = await callerAccountId(scope);
    const recorded = olds.callerAccountId;
    if (!recorded || caller === recorded) return caller;
    const label = parseUrn(news.resourceUrn).name;
    const credentials = scope.context.clients.credentials?.() ?? "the provider's credentials";
    if (news.accountIds === undefined) {
        throw new Error(
            `${label}: the credentials now belong to account ${caller} (${credentials}), but this ` +
                `InspectorEnablement scans the calling account ${recorded}, the one it was created from; nothing was ` +
                `changed. To keep scanning ${recorded}, use its credentials again (the profile or assumeRole input, ` +
                `the stack's aws:* settings or the environment); to scan ${caller} instead, destroy this resource ` +
                `with the credentials of ${recorded} first, then create it with the new ones.`,
        );
    }
    scope.context.warn(
        `${label}: acting as account ${caller} (${credentials}) on the same accounts; it was ${recorded}`,
    );
    return caller;
}

/** The calls of one operation: its region, and a deadline `waitTimeoutSeconds` from now. */
function callScope(context: LifecycleContext, region: string, waitTimeoutSeconds: number): CallScope {
    return { context, region, deadline: context.now() + waitTimeoutSeconds * 1000 };
}

function isoNow(context: LifecycleContext): string {
    return new Date(context.now()).toISOString();
}

/** The underlying call error of an interrupted converge, which says what to do. */
function unwrap(error: unknown): unknown {
    return error instanceof ConvergeInterrupted ? error.cause : error;
}
