import {
    CreateAssessmentTargetCommand,
    CreateAssessmentTemplateCommand,
    DescribeAssessmentRunsCommand,
    StartAssessmentRunCommand,
    type AssessmentRun,
    type InspectorClient,
} from "@aws-sdk/client-inspector";
import assert from "node:assert/strict";

export const US_EAST_1_CVE = "arn:aws:inspector:us-east-1:316112463485:rulespackage/0-gEjTy7T7";
export const US_EAST_1_CIS = "arn:aws:inspector:us-east-1:316112463485:rulespackage/0-rExsr2X8";

export interface TemplateSpec {
    readonly targetName: string;
    readonly templateName?: string;
    readonly durationInSeconds?: number;
    readonly rulesPackageArns?: string[];
}

/** Creates a target and one template of it through the API; returns the template's ARN. */
export async function createTemplate(client: InspectorClient, spec: TemplateSpec): Promise<string> {
    const { assessmentTargetArn } = await client.send(
        new CreateAssessmentTargetCommand({ assessmentTargetName: spec.targetName }),
    );
    const { assessmentTemplateArn } = await client.send(
        new CreateAssessmentTemplateCommand({
            assessmentTargetArn,
            assessmentTemplateName: spec.templateName ?? `${spec.targetName}-template`,
            durationInSeconds: spec.durationInSeconds ?? 3600,
            rulesPackageArns: spec.rulesPackageArns ?? [US_EAST_1_CVE],
        }),
    );
    assert.ok(assessmentTemplateArn);
    return assessmentTemplateArn;
}

export async function startRun(client: InspectorClient, templateArn: string, name?: string): Promise<string> {
    const { assessmentRunArn } = await client.send(
        new StartAssessmentRunCommand({ assessmentTemplateArn: templateArn, assessmentRunName: name }),
    );
    assert.ok(assessmentRunArn);
    return assessmentRunArn;
}

export async function describeRun(client: InspectorClient, runArn: string): Promise<AssessmentRun> {
    const { assessmentRuns, failedItems } = await client.send(
        new DescribeAssessmentRunsCommand({ assessmentRunArns: [runArn] }),
    );
    assert.deepEqual(failedItems, {});
    assert.ok(assessmentRuns?.length === 1, `expected one run, got ${assessmentRuns?.length}`);
    return assessmentRuns[0];
}

/** Five hours of emulated time at the default 3600x: any one-hour run has finished by then. */
export const UNTIL_FINISHED_MS = 5_000;
