import assert from "node:assert/strict";
import { describeRunChange } from "../../provider/assessment-run/diff";
import type { AssessmentRunOutputs } from "../../provider/assessment-run/outputs";

const URN = "urn:pulumi:prod::shop::pulumi-nodejs:dynamic/inspector:AssessmentRun::release-gate";
const TEMPLATE = "arn:aws:inspector:us-east-1:111122223333:target/0-AAAA/template/0-BBBB";
const INPUTS = {
    assessmentTemplateArn: TEMPLATE,
    assessmentRunName: "release-gate-prod-1a2b3c4d",
    region: "us-east-1",
    waitForCompletion: true,
    failOnFindings: "High",
    stopActionOnDelete: "START_EVALUATION",
    deleteOnDestroy: false,
    triggers: ["v1"],
    resourceUrn: URN,
};
const RECORDED = { ...INPUTS, state: "COMPLETED" } as unknown as AssessmentRunOutputs;

describe("AssessmentRun's preview message", () => {
    it("for a new run: what up would start", () => {
        assert.equal(
            describeRunChange({}, INPUTS),
            `release-gate: up would start a run of ${TEMPLATE} named "release-gate-prod-1a2b3c4d", wait for it ` +
                "to finish and fail on findings at or above High",
        );
    });

    it("a replacement: a new run, why, and the recorded run it replaces", () => {
        assert.equal(
            describeRunChange(RECORDED, {
                ...INPUTS,
                triggers: ["v2"],
                assessmentRunName: "release-gate-prod-9f8e",
            }),
            `release-gate: up would start a new run of ${TEMPLATE} (the triggers changed), replacing run ` +
                '"release-gate-prod-1a2b3c4d" (COMPLETED)',
        );
        const other = TEMPLATE.replace("0-BBBB", "0-CCCC");
        assert.match(
            describeRunChange(RECORDED, { ...INPUTS, assessmentTemplateArn: other }),
            /up would start a new run of \S+0-CCCC \(the template changed\), replacing run/,
        );
    });

    it("an update: the same run kept, with the settings that change", () => {
        assert.equal(
            describeRunChange(RECORDED, { ...INPUTS, failOnFindings: "Medium", deleteOnDestroy: true }),
            'release-gate: up would keep run "release-gate-prod-1a2b3c4d" and apply failOnFindings High → ' +
                "Medium; deleteOnDestroy false → true, without starting a run",
        );
    });
});
