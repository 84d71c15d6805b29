// Inspector (v2) scanning in several accounts from one program: the stack's own credentials (aws:profile,
// aws:accessKey and aws:secretKey, aws:assumeRole(s), or the environment) scan their account, and each role in
// `roleArns` is assumed on top of them to scan its own account.
import * as pulumi from "@pulumi/pulumi";
import { InspectorEnablement, type ResourceType } from "pulumi-inspector";

const config = new pulumi.Config();
const resourceTypes = config.getObject<ResourceType[]>("resourceTypes") ?? ["EC2", "ECR"];
const roleArns = config.getObject<string[]>("roleArns") ?? [];
const externalId = config.get("externalId");

// The account the stack's credentials belong to.
const home = new InspectorEnablement("scanning", { resourceTypes });

// One resource per role, named after the role's account: `arn:aws:iam::<account>:role/<name>`.
const assumed = roleArns.map(
    (roleArn) =>
        new InspectorEnablement(`scanning-${roleArn.split(":")[4]}`, {
            resourceTypes,
            assumeRole: { roleArn, sessionName: "pulumi-inspector", ...(externalId ? { externalId } : {}) },
        }),
);

/** The calling account of each resource: the stack's first, then one per role. */
export const callerAccountIds = pulumi.all([home, ...assumed].map((scanning) => scanning.callerAccountId));
export const enabledAccountCounts = pulumi.all(
    [home, ...assumed].map((scanning) => scanning.enabledAccountCount),
);
