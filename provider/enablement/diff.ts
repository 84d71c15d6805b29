import { canonicalJson } from "../core/canonical";
import { plural } from "../core/plural";
import { containsUnknown, isUnknown } from "../dynamic/check";
import { CREDENTIAL_INPUT_KEYS } from "../dynamic/credential-inputs";
import type { DiffOutcome } from "../dynamic/adapter";
import { typeStatus, type FailedAccount, type ResourceType, type Status } from "./account-status";
import { INPUT_KEYS, type EnablementInputs } from "./inputs";
import { isStateV010, upgradeStoredOutputs, type EnablementOutputs } from "./outputs";
import { accountsWithAll } from "./status-groups";

/** Outputs that no in-place update changes. */
const STABLE_OUTPUTS = ["region", "callerAccountId", "createdAt"] as const;

/**
 * Compares the stored outputs (which carry the last inputs and Inspector's last known statuses) with the new
 * checked inputs. Pure: diff runs during preview, so it must not call AWS.
 *
 * - A new region is a replacement: an enablement belongs to one region. The new one can be created before the
 *   old one is deleted, since they never touch the same regional settings.
 * - New resource types or accounts are an in-place update.
 * - A provider-only input (token, wait settings) alone is an update that calls nothing in AWS: it only records
 *   the new value, so the stored outputs never disagree with the inputs.
 * - New credentials (`profile`, `assumeRole`) are an in-place update, never a replacement: they change how the
 *   provider reaches Inspector, not what is enabled (a replacement would disable what the new resource had just
 *   adopted). The update asks STS who the new credentials are and refuses an account other than the recorded
 *   `callerAccountId` when `accountIds` is left out; so `callerAccountId` is not stable then.
 * - Drift counts as a change even when the inputs are equal: a requested type found disabled on a requested
 *   account (after a refresh), an account Inspector could not act on, or a removal whose Disable did not
 *   succeed yet. The update then does only that missing work.
 * - State in the 0.1.0 shape (per-account `accounts`) is a change too: the update rewrites it in the compact
 *   shape without calling Inspector, so the program sees `statusGroups` from then on.
 */
export function diffEnablement(
    stored: Readonly<Partial<EnablementOutputs>>,
    news: Readonly<Record<string, unknown>>,
): DiffOutcome {
    const olds = upgradeStoredOutputs(stored);
    const replaces = isUnknown(news.region) || news.region !== olds.region ? ["region"] : [];
    const changedInputs = INPUT_KEYS.filter((key) => !sameValue(olds[key], news[key]));
    const changes =
        replaces.length > 0 || changedInputs.length > 0 || hasDrift(olds, news) || isStateV010(stored);
    const newCredentials = changedInputs.some((key) => CREDENTIAL_INPUT_KEYS.includes(key as "profile"));
    const stables =
        replaces.length > 0
            ? []
            : [
                  ...STABLE_OUTPUTS.filter((key) => !(newCredentials && key === "callerAccountId")),
                  ...INPUT_KEYS.filter((key) => key !== "region" && !changedInputs.includes(key)),
              ];
    return { changes, replaces, stables, deleteBeforeReplace: false };
}

/** Whether Inspector's last known state falls short of the (unchanged) desired state. */
export function hasDrift(
    olds: Readonly<Partial<EnablementOutputs>>,
    news: Readonly<Record<string, unknown>>,
): boolean {
    const resourceTypes = news.resourceTypes as ResourceType[] | undefined;
    const accountIds =
        news.accountIds === undefined
            ? olds.callerAccountId && [olds.callerAccountId]
            : (news.accountIds as string[]);
    // Anything not known (yet) cannot be shown to be in place.
    if (
        !Array.isArray(resourceTypes) ||
        !Array.isArray(accountIds) ||
        !olds.managedAccountIds ||
        !olds.managedResourceTypes
    ) {
        return true;
    }
    if (containsUnknown(accountIds) || containsUnknown(resourceTypes)) return true;
    if (!sameMembers(olds.managedAccountIds, accountIds)) return true;
    if (!sameMembers(olds.managedResourceTypes, resourceTypes)) return true;

    const settled = accountsWithAll(olds.statusGroups ?? [], resourceTypes, settledStatuses(news));
    return accountIds.some((accountId) => !settled.has(accountId));
}

/** The statuses in which a requested type counts as in place: ENABLING too when create and update do not wait. */
export function settledStatuses(news: Readonly<Record<string, unknown>>): Status[] {
    return news.waitForEnabled === false ? ["ENABLED", "ENABLING"] : ["ENABLED"];
}

/** Whether two lists hold the same members, whatever their order and repeats: linear, with a Set. */
export function sameMembers(a: readonly string[], b: readonly string[]): boolean {
    const members = new Set(a);
    const others = new Set(b);
    return members.size === others.size && [...others].every((member) => members.has(member));
}

/** Whether an update has to call Inspector: the accounts or types changed, or the last known state fell short. */
export function needsAwsWork(stored: Readonly<Partial<EnablementOutputs>>, news: EnablementInputs): boolean {
    const olds = upgradeStoredOutputs(stored);
    return (
        !sameValue(olds.resourceTypes, news.resourceTypes) ||
        !sameValue(olds.accountIds, news.accountIds) ||
        olds.region !== news.region ||
        hasDrift(olds, { ...news })
    );
}

/** Equal values, compared as canonical JSON; a value not known yet is never equal to anything. */
function sameValue(a: unknown, b: unknown): boolean {
    if (containsUnknown(a) || containsUnknown(b)) return false;
    return canonicalJson(a) === canonicalJson(b);
}

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
