import type { TypeStatuses } from "./account-status-store";
import { RESOURCE_STATUS_KEYS, RESOURCE_TYPES, type ResourceStatusKey } from "./resource-types";
import type { Status } from "./status";

/** The model's `ResourceStatus`: one status per resource type. */
export type ResourceStatusShape = Record<ResourceStatusKey, Status>;

/** The model's `State`. The error members are sent only when there is an error to report. */
export interface StateShape {
    status: Status;
    errorCode?: string;
    errorMessage?: string;
}

/** The model's `Account` (an Enable/Disable success). */
export interface AccountShape {
    accountId: string;
    status: Status;
    resourceStatus: ResourceStatusShape;
}

/** The model's `FailedAccount`. The statuses are left out when the caller may not see them. */
export interface FailedAccountShape {
    accountId: string;
    status?: Status;
    resourceStatus?: ResourceStatusShape;
    errorCode: string;
    errorMessage: string;
}

/** The model's `AccountState` (a BatchGetAccountStatus success). */
export interface AccountStateShape {
    accountId: string;
    state: StateShape;
    resourceState: Record<ResourceStatusKey, StateShape>;
}

export function resourceStatusShape(statuses: TypeStatuses): ResourceStatusShape {
    const shape = {} as ResourceStatusShape;
    for (const type of RESOURCE_TYPES) shape[RESOURCE_STATUS_KEYS[type]] = statuses[type];
    return shape;
}

export function resourceStateShape(statuses: TypeStatuses): Record<ResourceStatusKey, StateShape> {
    const shape = {} as Record<ResourceStatusKey, StateShape>;
    for (const type of RESOURCE_TYPES) shape[RESOURCE_STATUS_KEYS[type]] = { status: statuses[type] };
    return shape;
}

/** Every resource type with the same status, for accounts whose whole Inspector is in one state (suspended). */
export function uniformStatuses(status: Status): TypeStatuses {
    return Object.fromEntries(RESOURCE_TYPES.map((type) => [type, status])) as TypeStatuses;
}
