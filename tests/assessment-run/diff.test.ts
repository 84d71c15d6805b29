import assert from "node:assert/strict";
import { diffAssessmentRun } from "../../provider/assessment-run/diff";
import { UNKNOWN } from "../../provider/dynamic/check";

/** Checked inputs, as check returns them on every preview. */
const INPUTS = {
    assessmentTemplateArn: "arn:aws:inspector:us-west-2:123456789012:target/0-nvgVhaxX/template/0-7sbz2Kz0",
    assessmentRunName: "release-42",
    region: "us-west-2",
    waitForCompletion: true,
    failOnFindings: "High",
    triggers: ["ami-1", { size: 2, os: "linux" }],
    stopActionOnDelete: "START_EVALUATION",
    deleteOnDestroy: false,
    resourceUrn: "urn:pulumi:prod::shop::pulumi-nodejs:dynamic/inspector:AssessmentRun::release-scan",
};

/** The recorded state: the inputs and the run's outputs next to them, which never count as changes. */
const STATE = {
    ...INPUTS,
    assessmentRunArn: `${INPUTS.assessmentTemplateArn}/run/0-MKkpXXPE`,
    state: "COMPLETED",
    findingCounts: { High: 0, Medium: 1, Low: 0, Informational: 0, Undefined: 0 },
};

describe("AssessmentRun diff", () => {
    const cases: {
        title: string;
        news: Record<string, unknown>;
        expected: ReturnType<typeof diffAssessmentRun>;
    }[] = [
        {
            title: "no change when nothing effective changed (preview --expect-no-changes)",
            news: INPUTS,
            expected: { changes: false, replaces: [], deleteBeforeReplace: false },
        },
        {
            title: "object keys in triggers in another order are no change",
            news: { ...INPUTS, triggers: ["ami-1", { os: "linux", size: 2 }] },
            expected: { changes: false, replaces: [], deleteBeforeReplace: false },
        },
        {
            title: "a new template replaces, deleting the old run first",
            news: { ...INPUTS, assessmentTemplateArn: INPUTS.assessmentTemplateArn.replace("7sbz", "8sbz") },
            expected: { changes: true, replaces: ["assessmentTemplateArn"], deleteBeforeReplace: true },
        },
        {
            title: "a new name replaces",
            news: { ...INPUTS, assessmentRunName: "release-43" },
            expected: { changes: true, replaces: ["assessmentRunName"], deleteBeforeReplace: true },
        },
        {
            title: "new triggers replace (and rename)",
            news: { ...INPUTS, triggers: ["ami-2"], assessmentRunName: "release-42-0f0f0f0f" },
            expected: {
                changes: true,
                replaces: ["assessmentRunName", "triggers"],
                deleteBeforeReplace: true,
            },
        },
        {
            title: "another region replaces",
            news: { ...INPUTS, region: "eu-west-1" },
            expected: { changes: true, replaces: ["region"], deleteBeforeReplace: true },
        },
        {
            title: "an unknown trigger at preview may replace",
            news: { ...INPUTS, triggers: [UNKNOWN], assessmentRunName: UNKNOWN },
            expected: {
                changes: true,
                replaces: ["assessmentRunName", "triggers"],
                deleteBeforeReplace: true,
            },
        },
        {
            title: "gate settings are an update that touches nothing in AWS",
            news: { ...INPUTS, failOnFindings: "Low" },
            expected: { changes: true, replaces: [], deleteBeforeReplace: false },
        },
        {
            title: "removing the gate is an update",
            news: { ...INPUTS, failOnFindings: undefined },
            expected: { changes: true, replaces: [], deleteBeforeReplace: false },
        },
        {
            title: "wait settings are an update",
            news: { ...INPUTS, waitTimeoutSeconds: 600 },
            expected: { changes: true, replaces: [], deleteBeforeReplace: false },
        },
        {
            title: "delete settings are an update",
            news: { ...INPUTS, stopActionOnDelete: "SKIP_EVALUATION", deleteOnDestroy: true },
            expected: { changes: true, replaces: [], deleteBeforeReplace: false },
        },
        {
            title: "a new profile is an update, never a replacement (the template fixes the run's account)",
            news: { ...INPUTS, profile: "release" },
            expected: { changes: true, replaces: [], deleteBeforeReplace: false },
        },
        {
            title: "a new role to assume is an update",
            news: { ...INPUTS, assumeRole: { roleArn: "arn:aws:iam::123456789012:role/InspectorDeployer" } },
            expected: { changes: true, replaces: [], deleteBeforeReplace: false },
        },
        {
            title: "a default spelled out is no change",
            news: { ...INPUTS, deleteOnDestroy: undefined },
            expected: { changes: false, replaces: [], deleteBeforeReplace: false },
        },
        {
            title: "another resource URN alone is no change (the name is what counts)",
            news: { ...INPUTS, resourceUrn: INPUTS.resourceUrn.replace("release-scan", "renamed") },
            expected: { changes: false, replaces: [], deleteBeforeReplace: false },
        },
    ];
    for (const { title, news, expected } of cases) {
        it(title, () => assert.deepEqual(diffAssessmentRun(STATE, news), expected));
    }
});
