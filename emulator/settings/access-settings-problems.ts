import { RESOURCE_TYPES } from "../inspector2/resource-types";
import { EXTERNAL_ID_PATTERN, parseRoleArn } from "../sts/role-arn";
import type { ProblemReporter } from "./setting-problems";
import { isObject, unknownKeys } from "./setting-problems";

const ROLE_KEYS = ["roleArn", "externalId"];
const POLICY_KEYS = ["policyId", "accountIds", "resourceTypes", "state"];
const POLICY_STATES = ["ENABLED", "DISABLED"];
/** AWS Organizations policy IDs. */
const POLICY_ID = /^p-[0-9a-zA-Z_]{8,128}$/;

/** The `roles` STS AssumeRole serves: well-formed role ARNs, each once, with valid external IDs. */
export function roleProblems(roles: unknown, report: ProblemReporter): void {
    if (!Array.isArray(roles)) return report("roles", roles, "must be a list");
    const seen = new Set<string>();
    roles.forEach((role: unknown, index) => {
        const path = `roles[${index}]`;
        if (!isObject(role)) return report(path, role, "must be an object");
        unknownKeys(path, role, ROLE_KEYS, report);
        if (typeof role.roleArn !== "string" || !parseRoleArn(role.roleArn)) {
            report(
                `${path}.roleArn`,
                role.roleArn,
                "must be an IAM role ARN such as arn:aws:iam::111122223333:role/InspectorDeployer",
            );
        } else if (seen.has(role.roleArn)) {
            report(`${path}.roleArn`, role.roleArn, "appears twice; role ARNs must be unique");
        } else {
            seen.add(role.roleArn);
        }
        if (
            role.externalId !== undefined &&
            !(typeof role.externalId === "string" && EXTERNAL_ID_PATTERN.test(role.externalId))
        ) {
            report(
                `${path}.externalId`,
                role.externalId,
                "must be 2 to 1224 letters, digits or any of _+=,.@:/-",
            );
        }
    });
}

/**
 * The `organizationPolicies`: each names accounts of the organisation and resource types, and no account and type
 * is managed by two policies (the emulator has no policy inheritance to decide between them).
 */
export function organizationPolicyProblems(
    policies: unknown,
    accounts: unknown,
    report: ProblemReporter,
): void {
    if (!Array.isArray(policies)) return report("organizationPolicies", policies, "must be a list");
    const organisation = organisationAccounts(accounts);
    const policyIds = new Set<string>();
    const managedBy = new Map<string, string>();
    policies.forEach((policy: unknown, index) => {
        const path = `organizationPolicies[${index}]`;
        if (!isObject(policy)) return report(path, policy, "must be an object");
        unknownKeys(path, policy, POLICY_KEYS, report);
        const policyId = typeof policy.policyId === "string" ? policy.policyId : "";
        if (!POLICY_ID.test(policyId)) {
            report(
                `${path}.policyId`,
                policy.policyId,
                "must be p- and 8 to 128 letters, digits or underscores",
            );
        } else if (policyIds.has(policyId)) {
            report(`${path}.policyId`, policyId, "appears twice; policy IDs must be unique");
        } else {
            policyIds.add(policyId);
        }
        if (!POLICY_STATES.includes(policy.state as string))
            report(`${path}.state`, policy.state, `must be one of ${POLICY_STATES.join(", ")}`);
        const accountIds = nonEmptyList(`${path}.accountIds`, policy.accountIds, report);
        accountIds.forEach((accountId, item) => {
            if (typeof accountId !== "string" || !organisation.has(accountId)) {
                report(
                    `${path}.accountIds[${item}]`,
                    accountId,
                    "must be an account of the organisation (its administrator or a member)",
                );
            }
        });
        const resourceTypes = nonEmptyList(`${path}.resourceTypes`, policy.resourceTypes, report);
        resourceTypes.forEach((type, item) => {
            if (!RESOURCE_TYPES.includes(type as never))
                report(`${path}.resourceTypes[${item}]`, type, `must be one of ${RESOURCE_TYPES.join(", ")}`);
        });
        for (const accountId of accountIds) {
            for (const type of resourceTypes) {
                const pair = `${String(type)} of account ${String(accountId)}`;
                const earlier = managedBy.get(pair);
                if (earlier !== undefined && earlier !== policyId) {
                    report(path, policyId, `manages ${pair}, which ${earlier} manages already`);
                } else {
                    managedBy.set(pair, policyId);
                }
            }
        }
    });
}

function organisationAccounts(accounts: unknown): Set<string> {
    const ids = new Set<string>();
    if (!Array.isArray(accounts)) return ids;
    for (const account of accounts) {
        if (isObject(account) && (account.role === "administrator" || account.role === "member"))
            ids.add(String(account.accountId));
    }
    return ids;
}

function nonEmptyList(path: string, value: unknown, report: ProblemReporter): readonly unknown[] {
    if (!Array.isArray(value) || value.length === 0) {
        report(path, value, "must be a list of at least one item");
        return [];
    }
    return value;
}
