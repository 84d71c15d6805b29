// Run with the delegated Inspector administrator's credentials: it enables scanning for the organisation's members.
import * as pulumi from "@pulumi/pulumi";
import { InspectorEnablement, type ResourceType } from "pulumi-inspector";

const config = new pulumi.Config();
const accountIds = config.requireObject<string[]>("accountIds");
const regions = config.getObject<string[]>("regions") ?? [new pulumi.Config("aws").require("region")];
const resourceTypes: ResourceType[] = ["EC2", "ECR", "LAMBDA"];

// One resource per region: Inspector is regional, and a region can then be added or removed on its own.
const enablements = regions.map(
    (region) =>
        new InspectorEnablement(`scanning-${region}`, {
            region,
            accountIds,
            resourceTypes,
            waitTimeoutSeconds: config.getNumber("waitTimeoutSeconds"),
        }),
);

export const enabledAccounts = Object.fromEntries(
    regions.map((region, index) => [region, enablements[index].enabledAccountCount]),
);
// The members still without every type ENABLED: empty once the rollout is done.
export const notEnabledAccounts = Object.fromEntries(
    regions.map((region, index) => [region, enablements[index].notEnabledAccountIds]),
);
export const failedAccounts = Object.fromEntries(
    regions.map((region, index) => [region, enablements[index].failedAccounts]),
);
