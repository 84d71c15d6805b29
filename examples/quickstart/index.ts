// Inspector (v2) scanning for the account the credentials belong to: turned on, waited for, and reported.
import * as pulumi from "@pulumi/pulumi";
import { accountStatuses, InspectorEnablement, type ResourceType } from "pulumi-inspector";

const config = new pulumi.Config();

const scanning = new InspectorEnablement("scanning", {
    resourceTypes: config.getObject<ResourceType[]>("resourceTypes") ?? ["EC2", "ECR"],
});

export const callerAccountId = scanning.callerAccountId;
// The statuses are kept grouped by identical status; accountStatuses lists them per account.
export const scanningStatus = scanning.statusGroups.apply((groups) =>
    accountStatuses(groups).map((account) => ({ accountId: account.accountId, ...account.resourceStatus })),
);
export const enabledAccountCount = scanning.enabledAccountCount;
