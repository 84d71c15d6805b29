import type { Organisation } from "./organisation";

/** Why an account in an Enable, Disable or BatchGetAccountStatus call is refused, in FailedAccount terms. */
export type TargetRefusal =
    | { readonly kind: "not-manageable"; readonly errorCode: "ACCESS_DENIED"; readonly errorMessage: string }
    | { readonly kind: "suspended"; readonly errorCode: "ACCESS_DENIED"; readonly errorMessage: string }
    | { readonly kind: "isolated"; readonly errorCode: "ACCOUNT_IS_ISOLATED"; readonly errorMessage: string };

/**
 * Whether the caller may act on the target account, read from the live settings so accounts added, removed or
 * suspended at run time count at once. Unknown accounts are refused like foreign ones; the refusal of a
 * manageable account names its state, which the caller may see.
 */
export function targetRefusal(
    organisation: Organisation,
    callerId: string,
    targetId: string,
): TargetRefusal | undefined {
    const target = organisation.account(targetId);
    if (!target) {
        return {
            kind: "not-manageable",
            errorCode: "ACCESS_DENIED",
            errorMessage: `Account ${targetId} is not known to the emulator, so account ${callerId} may not manage it.`,
        };
    }
    if (!organisation.mayManage(callerId, targetId)) {
        return {
            kind: "not-manageable",
            errorCode: "ACCESS_DENIED",
            errorMessage:
                `Account ${callerId} may not manage account ${targetId}: an account manages itself, and only the ` +
                `delegated administrator manages the member accounts of its organisation.`,
        };
    }
    if (target.state === "suspended") {
        return {
            kind: "suspended",
            errorCode: "ACCESS_DENIED",
            errorMessage: `Account ${targetId} is suspended, so Inspector cannot act on it.`,
        };
    }
    if (target.state === "isolated") {
        return {
            kind: "isolated",
            errorCode: "ACCOUNT_IS_ISOLATED",
            errorMessage: `Account ${targetId} is isolated, so Inspector cannot act on it.`,
        };
    }
    return undefined;
}
