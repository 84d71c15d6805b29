// Inspector scanning for the account the credentials belong to, and one Inspector Classic assessment run.
import * as pulumi from "@pulumi/pulumi";
import { AssessmentRun, InspectorEnablement, type ResourceType } from "pulumi-inspector";

const config = new pulumi.Config();

const scanning = new InspectorEnablement("scanning", {
    resourceTypes: config.getObject<ResourceType[]>("resourceTypes") ?? ["EC2", "ECR"],
});

const firstRun = new AssessmentRun("first-run", {
    assessmentTemplateArn: config.require("templateArn"),
    // Waiting shows the finished run's finding counts; without it `pulumi up` returns as soon as the run starts.
    waitForCompletion: config.getBoolean("waitForCompletion") ?? true,
});

export const callerAccountId = scanning.callerAccountId;
export const scanningStatus = scanning.accounts.apply((accounts) =>
    accounts.map((account) => ({ accountId: account.accountId, ...account.resourceStatus })),
);
export const enabledAccountCount = scanning.enabledAccountCount;
export const runArn = firstRun.assessmentRunArn;
export const runState = firstRun.state;
export const findingCounts = firstRun.findingCounts;
