import { typeStatus, type AccountStatus, type Status, type ResourceType } from "./account-status";

/** Which way a converge goes: turning scanning on (create, update) or off (update, delete). */
export type Direction = "enable" | "disable";

/** Statuses after which a type needs the call of this direction. */
export const NEEDS_CALL: Readonly<Record<Direction, readonly (Status | undefined)[]>> = {
    // A type Inspector does not report has never been enabled. A suspended account is sent too, so that
    // Inspector's own refusal says why it cannot be enabled.
    enable: ["DISABLED", undefined, "SUSPENDED"],
    // Disabling during ENABLING is allowed; Inspector answers ENABLE_IN_PROGRESS if it is not, and that is retried.
    disable: ["ENABLED", "ENABLING"],
};

/** Statuses in which a type has reached this direction's goal, when waiting for it to settle. */
export const SETTLED: Readonly<Record<Direction, readonly (Status | undefined)[]>> = {
    enable: ["ENABLED"],
    // A suspended account scans nothing, which is all that disabling asks.
    disable: ["DISABLED", undefined, "SUSPENDING", "SUSPENDED"],
};

/** Statuses that are good enough when not waiting: the change is accepted and under way. */
export const ACCEPTED: Readonly<Record<Direction, readonly (Status | undefined)[]>> = {
    enable: ["ENABLED", "ENABLING"],
    disable: ["DISABLED", "DISABLING", undefined, "SUSPENDING", "SUSPENDED"],
};

/**
 * Whether the account has reached the direction's goal for all the types: settled when waiting, else at least
 * accepted. An account Inspector did not report has reached only the off goal.
 */
export function hasReached(
    direction: Direction,
    resourceTypes: readonly ResourceType[],
    account: AccountStatus | undefined,
    wait: boolean,
): boolean {
    const goal = wait ? SETTLED[direction] : ACCEPTED[direction];
    return resourceTypes.every((type) => goal.includes(account && typeStatus(account, type)));
}

/** Enable, Disable and BatchGetAccountStatus take at most 100 account IDs per call. */
export const MAX_ACCOUNTS_PER_CALL = 100;

/** Splits a list into consecutive pieces of at most `size` items (Inspector takes 100 accounts per call). */
export function chunk<T>(items: readonly T[], size: number = MAX_ACCOUNTS_PER_CALL): T[][] {
    if (!Number.isInteger(size) || size < 1)
        throw new RangeError(`chunk size ${size} is not a whole number above 0`);
    const pieces: T[][] = [];
    for (let start = 0; start < items.length; start += size) pieces.push(items.slice(start, start + size));
    return pieces;
}

/** One Enable or Disable call: the same resource types on up to 100 accounts. */
export interface Batch {
    /** The types of the call, sorted. */
    readonly resourceTypes: ResourceType[];
    /** Up to {@link MAX_ACCOUNTS_PER_CALL} accounts, sorted. */
    readonly accountIds: string[];
}

/** What a converge aims at: the resource types wanted (on) or unwanted (off) per account. */
export type Targets = ReadonlyMap<string, readonly ResourceType[]>;

/**
 * The calls that move every target account towards `direction`, from Inspector's last reported statuses.
 * Accounts are grouped by the exact types each still needs, so no call asks for a change already made; accounts
 * in `skip` (failed for good, or gone) are left out.
 *
 * The calling account (the delegated administrator when it manages members) goes in a call of its own: first
 * when enabling, and when disabling only once no member has anything left to disable, because Inspector may
 * refuse to turn the administrator off while members still scan.
 */
export function planBatches(
    direction: Direction,
    targets: Targets,
    statuses: ReadonlyMap<string, AccountStatus>,
    callerAccountId: string,
    skip: ReadonlySet<string> = new Set(),
): Batch[] {
    const groups = new Map<string, { resourceTypes: ResourceType[]; accountIds: string[] }>();
    let callerBatch: Batch | undefined;
    let membersBusy = false;

    for (const accountId of [...targets.keys()].sort()) {
        if (skip.has(accountId)) continue;
        const needed = typesNeedingCall(direction, targets.get(accountId)!, statuses.get(accountId));
        if (accountId !== callerAccountId && direction === "disable") {
            membersBusy ||= !hasReached("disable", targets.get(accountId)!, statuses.get(accountId), true);
        }
        if (needed.length === 0) continue;
        if (accountId === callerAccountId) {
            callerBatch = { resourceTypes: needed, accountIds: [accountId] };
            continue;
        }
        const key = needed.join(",");
        const group = groups.get(key) ?? { resourceTypes: needed, accountIds: [] };
        group.accountIds.push(accountId);
        groups.set(key, group);
    }

    const memberBatches = [...groups.keys()].sort().flatMap((key) => {
        const group = groups.get(key)!;
        return chunk(group.accountIds).map((accountIds) => ({
            resourceTypes: group.resourceTypes,
            accountIds,
        }));
    });
    if (!callerBatch) return memberBatches;
    if (direction === "enable") return [callerBatch, ...memberBatches];
    return membersBusy ? memberBatches : [...memberBatches, callerBatch];
}

/** The types of an account that still need this direction's call, sorted. */
export function typesNeedingCall(
    direction: Direction,
    resourceTypes: readonly ResourceType[],
    account: AccountStatus | undefined,
): ResourceType[] {
    return resourceTypes
        .filter((type) => NEEDS_CALL[direction].includes(account ? typeStatus(account, type) : undefined))
        .sort();
}

/** What an update turns off: removed types on the accounts that stay, every managed type on removed accounts. */
export function removalTargets(
    from: { readonly accountIds: readonly string[]; readonly resourceTypes: readonly ResourceType[] },
    to: { readonly accountIds: readonly string[]; readonly resourceTypes: readonly ResourceType[] },
): Map<string, ResourceType[]> {
    // Sets: an organisation's update compares up to 10,001 accounts on each side.
    const keptTypes = new Set(to.resourceTypes);
    const keptAccounts = new Set(to.accountIds);
    const removedTypes = from.resourceTypes.filter((type) => !keptTypes.has(type));
    const targets = new Map<string, ResourceType[]>();
    for (const accountId of from.accountIds) {
        const types = keptAccounts.has(accountId) ? removedTypes : from.resourceTypes;
        if (types.length > 0) targets.set(accountId, [...types]);
    }
    return targets;
}

/** How far a Disable got per account, as a converge reports it. */
export interface RemovalProgress {
    /** Inspector's last status per account. */
    readonly statuses: ReadonlyMap<string, AccountStatus>;
    /** Accounts whose Disable failed for good. */
    readonly failures: ReadonlyMap<string, unknown>;
    /** Accounts out of reach: nothing scans there. */
    readonly gone: ReadonlyMap<string, unknown>;
    /** Types an Organizations policy manages, per account: left as the policy has them. */
    readonly policyManaged?: ReadonlyMap<string, { readonly resourceTypes: readonly ResourceType[] }>;
}

/**
 * The removals an update did not finish (undefined `progress`: the Disable never started): they stay managed,
 * so the next update or the delete finishes them. An account out of reach is finished: nothing scans there; so
 * is a type an Organizations policy manages: nothing this resource can change it.
 */
export function unfinishedRemovals(
    targets: Targets,
    progress: RemovalProgress | undefined,
    wait: boolean,
): Targets {
    const unfinished = new Map<string, readonly ResourceType[]>();
    for (const [accountId, types] of targets) {
        const managed = progress?.policyManaged?.get(accountId)?.resourceTypes ?? [];
        const changeable = types.filter((type) => !managed.includes(type));
        const finished =
            progress !== undefined &&
            (progress.gone.has(accountId) ||
                (!progress.failures.has(accountId) &&
                    hasReached("disable", changeable, progress.statuses.get(accountId), wait)));
        if (!finished) unfinished.set(accountId, types);
    }
    return unfinished;
}
