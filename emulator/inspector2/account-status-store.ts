import type { ResourceType } from "../settings/settings";
import { RESOURCE_TYPES } from "./resource-types";
import type { Status, TargetStatus } from "./status";
import { requestTransition, statusAt, type Transition } from "./transition";

type AccountTransitions = Partial<Record<ResourceType, Transition>>;

/** JSON form of the store, for the state file: region → account ID → resource type → transition. */
export type AccountStatusSnapshot = Record<string, Record<string, AccountTransitions>>;

/** The per-resource-type statuses of one account in one region. */
export type TypeStatuses = Readonly<Record<ResourceType, Status>>;

/** The scanning status of every account, per region and resource type, kept as transitions. */
export class AccountStatusStore {
    private regions = new Map<string, Map<string, AccountTransitions>>();

    statuses(accountId: string, region: string, now: number): TypeStatuses {
        const transitions = this.regions.get(region)?.get(accountId);
        const result = {} as Record<ResourceType, Status>;
        for (const type of RESOURCE_TYPES) result[type] = statusAt(transitions?.[type], now);
        return result;
    }

    /** When `type` became (or will become) ENABLED in the account and region; undefined unless enabling is asked. */
    enabledAt(accountId: string, region: string, type: ResourceType): number | undefined {
        const transition = this.regions.get(region)?.get(accountId)?.[type];
        return transition?.target === "ENABLED" ? transition.settlesAt : undefined;
    }

    /** Sends each of `resourceTypes` towards `target`, each with its own delay. */
    request(
        accountId: string,
        region: string,
        resourceTypes: readonly ResourceType[],
        target: TargetStatus,
        now: number,
        delayMs: (resourceType: ResourceType) => number,
    ): void {
        let accounts = this.regions.get(region);
        if (!accounts) {
            accounts = new Map();
            this.regions.set(region, accounts);
        }
        const transitions: AccountTransitions = { ...accounts.get(accountId) };
        for (const type of resourceTypes) {
            const next = requestTransition(transitions[type], target, now, delayMs(type));
            if (next) transitions[type] = next;
        }
        accounts.set(accountId, transitions);
    }

    reset(): void {
        this.regions = new Map();
    }

    snapshot(): AccountStatusSnapshot {
        const snapshot: AccountStatusSnapshot = {};
        for (const [region, accounts] of this.regions) snapshot[region] = Object.fromEntries(accounts);
        return snapshot;
    }

    restore(snapshot: AccountStatusSnapshot): void {
        this.regions = new Map(
            Object.entries(snapshot).map(([region, accounts]) => [region, new Map(Object.entries(accounts))]),
        );
    }
}
