import type { OrganizationPolicySettings, ResourceType } from "../settings/settings";
import type { TypeStatuses } from "./account-status-store";

/** The failedAccounts code Inspector answers for a type an AWS Organizations Inspector policy manages. */
export const BLOCKED_BY_ORGANIZATION_POLICY = "BLOCKED_BY_ORGANIZATION_POLICY";

/** The policy that manages scanning of `type` in the account, if any (settings allow at most one). */
export function managingPolicy(
    policies: readonly OrganizationPolicySettings[],
    accountId: string,
    type: ResourceType,
): OrganizationPolicySettings | undefined {
    return policies.find(
        (policy) => policy.accountIds.includes(accountId) && policy.resourceTypes.includes(type),
    );
}

/** The statuses as Inspector reports them: each type a policy manages shows the policy's state. */
export function withPolicies(
    policies: readonly OrganizationPolicySettings[],
    accountId: string,
    statuses: TypeStatuses,
): TypeStatuses {
    if (policies.length === 0) return statuses;
    const effective = { ...statuses };
    for (const type of Object.keys(statuses) as ResourceType[]) {
        const policy = managingPolicy(policies, accountId, type);
        if (policy) effective[type] = policy.state;
    }
    return effective;
}

/** The failedAccounts message for a type that a policy keeps Enable and Disable from changing. */
export function blockedMessage(type: ResourceType, accountId: string, policyId: string): string {
    return `${type} scanning of account ${accountId} is managed by AWS Organizations Inspector policy ${policyId}`;
}
