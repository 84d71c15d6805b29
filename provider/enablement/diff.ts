import { canonicalJson } from "../core/canonical";
import { containsUnknown, isUnknown } from "../dynamic/check";
import { CREDENTIAL_INPUT_KEYS } from "../dynamic/credential-inputs";
import type { DiffOutcome } from "../dynamic/adapter";
import type { ResourceType, Status } from "./account-status";
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
