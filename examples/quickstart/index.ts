// Inspector (v2) scanning for the account the credentials belong to: turned on, waited for, and reported.
import * as pulumi from "@pulumi/pulumi";
import { InspectorEnablement, type ResourceType } from "pulumi-inspector";

const config = new pulumi.Config();

const scanning = new InspectorEnablement("scanning", {
    resourceTypes: config.getObject<ResourceType[]>("resourceTypes") ?? ["EC2", "ECR"],
});

export const callerAccountId = scanning.callerAccountId;
export const scanningStatus = scanning.accounts.apply((accounts) =>
    accounts.map((account) => ({ accountId: account.accountId, ...account.resourceStatus })),
);
export const enabledAccountCount = scanning.enabledAccountCount;
