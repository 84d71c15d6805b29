import { canonicalJson } from "../core/canonical";
import { plural } from "../core/plural";
import { containsUnknown } from "../dynamic/check";
import { typeStatus, type FailedAccount, type ResourceType, type Status } from "./account-status";
import { settledStatuses } from "./diff";
import { INPUT_KEYS } from "./inputs";
import { isStateV010, upgradeStoredOutputs, type EnablementOutputs } from "./outputs";

/**
 * What `pulumi preview` tells a reviewer about an InspectorEnablement: what applying would do compared with what
 * the resource last recorded, in one line (`up would enable LAMBDA_CODE and disable ECR on 3 accounts in
 * us-east-1`), and what the recorded statuses say changed outside Pulumi (`drift: ECR was found DISABLED on
 * 111122223333 (and 2 more accounts); up re-enables it`). Pure: built from the state and the checked inputs.
 */
export interface PreviewMessages {
    /** What applying changes in Inspector (or, when nothing there, what it records): info lines. */
    readonly changes: string[];
    /** What the recorded statuses say is missing, and what applying does about it: warnings. */
    readonly drift: string[];
}

/** How many account IDs a message lists before it only counts the rest. */
export const MAX_LISTED_ACCOUNT_IDS = 5;

/** The accounts and types one side of a change covers. */
interface Coverage {
    readonly accountIds: readonly string[];
    readonly resourceTypes: readonly ResourceType[];
}

/** The messages for creating an enablement: what it turns on, where. */
export function describeCreate(news: Readonly<Record<string, unknown>>): PreviewMessages {
    const types = news.resourceTypes as ResourceType[];
    const accountIds = news.accountIds as string[] | undefined;
    const who = accountIds ? plural(accountIds.length, "account") : "the calling account";
    return {
        changes: [`up would enable ${types.join(", ")} on ${who} in ${String(news.region)}`],
        drift: [],
    };
}

/**
 * The messages for an update or a replacement, from the stored state (any version) and the checked new inputs.
 * Nothing to say (no change) gives no message.
 */
export function describeUpdate(
    stored: Readonly<Partial<EnablementOutputs>>,
    news: Readonly<Record<string, unknown>>,
): PreviewMessages {
    const olds = upgradeStoredOutputs(stored);
    const notKnown = (["region", "resourceTypes", "accountIds"] as const).filter((key) =>
        containsUnknown(news[key]),
    );
    if (notKnown.length > 0) {
        const names = notKnown.join(", ");
        return {
            changes: [
                `up would update Inspector; ${names} ${notKnown.length === 1 ? "is" : "are"} not known yet`,
            ],
            drift: [],
        };
    }
    const from = recorded(olds);
    const to: Coverage = {
        accountIds:
            (news.accountIds as string[] | undefined) ??
            (olds.callerAccountId ? [olds.callerAccountId] : from.accountIds),
        resourceTypes: news.resourceTypes as ResourceType[],
    };
    const region = String(news.region);
    if (olds.region !== undefined && region !== olds.region) {
        return {
            changes: [
                `up would enable ${to.resourceTypes.join(", ")} on ${plural(to.accountIds.length, "account")} in ` +
                    `${region}, then disable ${from.resourceTypes.join(", ")} on ` +
                    `${plural(from.accountIds.length, "account")} in ${olds.region} (a new region replaces the resource)`,
            ],
            drift: [],
        };
    }
    const change = describeCoverageChange(from, to);
    const drift = describeDrift(olds, from, to, news);
    const changes = change ? [`up would ${change} in ${region}`] : [];
    if (changes.length === 0 && drift.length === 0) {
        const changed = changedInputs(olds, news);
        const recordedOnly = [
            ...(changed.length > 0 ? [`the new ${changed.join(", ")}`] : []),
            ...(isStateV010(stored) ? ["the statuses in this version's compact form (statusGroups)"] : []),
        ];
        if (recordedOnly.length > 0) {
            changes.push(`up would only record ${recordedOnly.join(" and ")}; nothing changes in Inspector`);
        }
    }
    return { changes, drift };
}

/** What the resource last recorded as its responsibility: the managed accounts and types. */
function recorded(olds: Readonly<Partial<EnablementOutputs>>): Coverage {
    return {
        accountIds:
            olds.managedAccountIds ?? olds.accountIds ?? (olds.callerAccountId ? [olds.callerAccountId] : []),
        resourceTypes: olds.managedResourceTypes ?? olds.resourceTypes ?? [],
    };
}

/**
 * `enable LAMBDA_CODE and disable ECR on 3 accounts`, `enable EC2, ECR on 2 new accounts (…) and disable them
 * on 1 removed account (…)`; undefined when the accounts and types stay as they are.
 */
function describeCoverageChange(from: Coverage, to: Coverage): string | undefined {
    const before = new Set(from.accountIds);
    const after = new Set(to.accountIds);
    const added = [...after].filter((accountId) => !before.has(accountId)).sort();
    const removed = [...before].filter((accountId) => !after.has(accountId)).sort();
    const kept = [...after].filter((accountId) => before.has(accountId)).length;
    const addedTypes = difference(to.resourceTypes, from.resourceTypes);
    const removedTypes = difference(from.resourceTypes, to.resourceTypes);

    const clauses: string[] = [];
    if (kept > 0 && (addedTypes.length > 0 || removedTypes.length > 0)) {
        const verbs = [
            ...(addedTypes.length > 0 ? [`enable ${addedTypes.join(", ")}`] : []),
            ...(removedTypes.length > 0 ? [`disable ${removedTypes.join(", ")}`] : []),
        ];
        const accounts = added.length > 0 || removed.length > 0 ? "existing account" : "account";
        clauses.push(`${verbs.join(" and ")} on ${plural(kept, accounts)}`);
    }
    if (added.length > 0) {
        clauses.push(
            `enable ${to.resourceTypes.join(", ")} on ${plural(added.length, "new account")} (${listIds(added)})`,
        );
    }
    if (removed.length > 0) {
        const sameTypes =
            canonicalJson([...from.resourceTypes].sort()) === canonicalJson([...to.resourceTypes].sort());
        const types = added.length > 0 && sameTypes ? "them" : from.resourceTypes.join(", ");
        clauses.push(
            `disable ${types} on ${plural(removed.length, "removed account")} (${listIds(removed)})`,
        );
    }
    if (clauses.length === 0) return undefined;
    return clauses.length === 1 ? clauses[0] : `${clauses.slice(0, -1).join(", ")} and ${clauses.at(-1)}`;
}

/**
 * What the recorded statuses say about the types that were requested and still are, on the accounts that stay:
 * found off (`drift: …; up re-enables it`), still changing when last recorded, failed, or never reported.
 */
function describeDrift(
    olds: Readonly<Partial<EnablementOutputs>>,
    from: Coverage,
    to: Coverage,
    news: Readonly<Record<string, unknown>>,
): string[] {
    const before = new Set(from.accountIds);
    const kept = new Set(to.accountIds.filter((accountId) => before.has(accountId)));
    const earlierTypes = new Set(from.resourceTypes);
    const types = to.resourceTypes.filter((type) => earlierTypes.has(type));
    const settled = new Set<Status | undefined>(settledStatuses(news));
    const failures = new Map((olds.failedAccounts ?? []).map((failure) => [failure.accountId, failure]));

    // Per status found: which types had it, on which accounts; and the accounts that failed or were not reported.
    const found = new Map<string, { status: Status; types: ResourceType[]; accountIds: string[] }>();
    const failed: FailedAccount[] = [];
    const reported = new Set<string>();
    for (const group of olds.statusGroups ?? []) {
        const byStatus = new Map<Status, ResourceType[]>();
        for (const type of types) {
            const status = typeStatus(group, type);
            if (settled.has(status)) continue;
            // A type Inspector does not report has never been enabled.
            byStatus.set(status ?? "DISABLED", [...(byStatus.get(status ?? "DISABLED") ?? []), type]);
        }
        for (const accountId of group.accountIds) {
            if (!kept.has(accountId)) continue;
            reported.add(accountId);
            if (byStatus.size === 0) continue;
            const failure = failures.get(accountId);
            if (failure) {
                failed.push(failure);
                continue;
            }
            for (const [status, offTypes] of byStatus) {
                const key = `${status}|${offTypes.join(",")}`;
                const entry = found.get(key) ?? { status, types: offTypes, accountIds: [] };
                entry.accountIds.push(accountId);
                found.set(key, entry);
            }
        }
    }
    const unreported: string[] = [];
    for (const accountId of kept) {
        if (reported.has(accountId)) continue;
        const failure = failures.get(accountId);
        if (failure) failed.push(failure);
        else unreported.push(accountId);
    }

    const lines = [...found.keys()].sort().map((key) => describeFound(found.get(key)!));
    if (failed.length > 0) {
        const accountIds = failed.map((failure) => failure.accountId).sort();
        const codes = [...new Set(failed.map((failure) => failure.errorCode))].sort().join(", ");
        lines.push(`up would try again on ${firstAndMore(accountIds)}, which failed last time (${codes})`);
    }
    if (unreported.length > 0 && types.length > 0) {
        lines.push(
            `up would enable ${types.join(", ")} on ${firstAndMore(unreported.sort())}, which had no recorded status`,
        );
    }
    return lines;
}

/** One line of drift (or of a change still under way when last recorded). */
function describeFound(entry: { status: Status; types: ResourceType[]; accountIds: string[] }): string {
    const { status, types } = entry;
    const subject = `${types.join(", ")} ${types.length === 1 ? "was" : "were"}`;
    const it = types.length === 1 ? "it" : "them";
    const where = firstAndMore(entry.accountIds.sort());
    if (status === "ENABLING") {
        return `${subject} still ENABLING on ${where} when last recorded; up waits until ${types.length === 1 ? "it is" : "they are"} ENABLED`;
    }
    const action =
        status === "SUSPENDING" || status === "SUSPENDED" ? `tries to re-enable ${it}` : `re-enables ${it}`;
    return `drift: ${subject} found ${status} on ${where}; up ${action}`;
}

/** The inputs that differ from the recorded ones, by name. */
function changedInputs(
    olds: Readonly<Partial<EnablementOutputs>>,
    news: Readonly<Record<string, unknown>>,
): string[] {
    return INPUT_KEYS.filter((key) => canonicalJson(olds[key] ?? null) !== canonicalJson(news[key] ?? null));
}

/** `a, b, c`, or with more than five: `a, b, c, d, e and 3 more`. */
export function listIds(accountIds: readonly string[]): string {
    const listed = accountIds.slice(0, MAX_LISTED_ACCOUNT_IDS).join(", ");
    const more = accountIds.length - MAX_LISTED_ACCOUNT_IDS;
    return more > 0 ? `${listed} and ${more} more` : listed;
}

/** `111122223333`, or `111122223333 (and 2 more accounts)`. */
export function firstAndMore(accountIds: readonly string[]): string {
    const [first] = accountIds;
    const more = accountIds.length - 1;
    return more > 0 ? `${first} (and ${plural(more, "more account")})` : first;
}

function difference<T>(items: readonly T[], without: readonly T[]): T[] {
    const excluded = new Set(without);
    return items.filter((item) => !excluded.has(item));
}
