import { typeStatus, type AccountStatus } from "./account-status";
import { chunk } from "./chunk";
import { hasReached, NEEDS_CALL, type Direction } from "./direction";
import type { ResourceType } from "./resource-types";

/** One Enable or Disable call: the same resource types on up to 100 accounts. */
export interface Batch {
    readonly resourceTypes: ResourceType[];
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
