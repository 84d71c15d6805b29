import type {
    Account as SdkAccount,
    AccountState as SdkAccountState,
    FailedAccount as SdkFailedAccount,
    ResourceState as SdkResourceState,
    ResourceStatus as SdkResourceStatus,
} from "@aws-sdk/client-inspector2";
import type { AccountStatus, FailedAccount, ResourceStatus, Status } from "./account-status";
import { RESOURCE_STATUS_KEYS, RESOURCE_TYPES } from "./resource-types";

/**
 * Conversions from the SDK's response shapes to the plain records kept in state: only members Inspector sent,
 * never `undefined` (a protobuf Struct cannot hold it).
 */

export function fromResourceStatus(shape: SdkResourceStatus | undefined): ResourceStatus {
    const result: ResourceStatus = {};
    for (const type of RESOURCE_TYPES) {
        const key = RESOURCE_STATUS_KEYS[type];
        const status = shape?.[key];
        if (status) result[key] = status as Status;
    }
    return result;
}

function fromResourceState(shape: SdkResourceState | undefined): ResourceStatus {
    const result: ResourceStatus = {};
    for (const type of RESOURCE_TYPES) {
        const key = RESOURCE_STATUS_KEYS[type];
        const status = shape?.[key]?.status;
        if (status) result[key] = status as Status;
    }
    return result;
}

/** An Enable or Disable success. */
export function fromAccount(shape: SdkAccount): AccountStatus {
    return {
        accountId: shape.accountId ?? "",
        status: (shape.status ?? "DISABLED") as Status,
        resourceStatus: fromResourceStatus(shape.resourceStatus),
    };
}

export function fromFailedAccount(shape: SdkFailedAccount): FailedAccount {
    return {
        accountId: shape.accountId ?? "",
        errorCode: shape.errorCode ?? "UNKNOWN",
        errorMessage: shape.errorMessage ?? "Inspector gave no message",
        ...(shape.status ? { status: shape.status as Status } : {}),
        ...(shape.resourceStatus ? { resourceStatus: fromResourceStatus(shape.resourceStatus) } : {}),
    };
}

/**
 * A BatchGetAccountStatus entry: always the account's status; also a failure when Inspector put an error code
 * in the account's state (an isolated account, for example).
 */
export function fromAccountState(shape: SdkAccountState): { status: AccountStatus; failure?: FailedAccount } {
    const status: AccountStatus = {
        accountId: shape.accountId ?? "",
        status: (shape.state?.status ?? "DISABLED") as Status,
        resourceStatus: fromResourceState(shape.resourceState),
    };
    if (!shape.state?.errorCode) return { status };
    return {
        status,
        failure: {
            accountId: status.accountId,
            errorCode: shape.state.errorCode,
            errorMessage: shape.state.errorMessage ?? "Inspector gave no message",
            status: status.status,
            resourceStatus: status.resourceStatus,
        },
    };
}
