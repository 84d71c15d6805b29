import assert from "node:assert/strict";
import { loadModel } from "../../../emulator/model/load-model";
import { classicErrorCode } from "../../../emulator/validation/classic-error-code";
import type { PathStep, RuleKind } from "../../../emulator/validation/violation";

const ERROR_CODES = loadModel("inspector").shapes["InvalidInputErrorCode"].enum ?? [];

/** `filter.states[0]` as path steps. */
function pathOf(text: string): PathStep[] {
    const steps: PathStep[] = [];
    for (const part of text.split(".")) {
        const [member, ...indexes] = part.split("[");
        steps.push({ member });
        for (const index of indexes) steps.push({ index: Number(index.replace("]", "")) });
    }
    return steps;
}

const TABLE: readonly [operation: string, path: string, rule: RuleKind, errorCode: string][] = [
    ["StartAssessmentRun", "assessmentTemplateArn", "required", "INVALID_ASSESSMENT_TEMPLATE_ARN"],
    ["StartAssessmentRun", "assessmentTemplateArn", "length", "INVALID_ASSESSMENT_TEMPLATE_ARN"],
    ["StopAssessmentRun", "assessmentRunArn", "length", "INVALID_ASSESSMENT_RUN_ARN"],
    ["DescribeAssessmentRuns", "assessmentRunArns", "count", "INVALID_NUMBER_OF_ASSESSMENT_RUN_ARNS"],
    ["DescribeAssessmentRuns", "assessmentRunArns[3]", "length", "INVALID_ASSESSMENT_RUN_ARN"],
    ["ListAssessmentRuns", "filter.states", "count", "INVALID_NUMBER_OF_ASSESSMENT_RUN_STATES"],
    ["ListAssessmentRuns", "filter.states[0]", "enum", "INVALID_ASSESSMENT_RUN_STATE"],
    [
        "ListAssessmentRuns",
        "filter.durationRange.minSeconds",
        "range",
        "INVALID_ASSESSMENT_RUN_DURATION_RANGE",
    ],
    [
        "ListAssessmentRuns",
        "filter.startTimeRange.beginDate",
        "type",
        "INVALID_ASSESSMENT_RUN_START_TIME_RANGE",
    ],
    [
        "ListAssessmentRuns",
        "filter.stateChangeTimeRange.endDate",
        "type",
        "INVALID_ASSESSMENT_RUN_STATE_CHANGE_TIME_RANGE",
    ],
    ["ListAssessmentRuns", "maxResults", "type", "INVALID_MAX_RESULTS"],
    ["ListAssessmentRuns", "nextToken", "length", "INVALID_PAGINATION_TOKEN"],
    [
        "ListAssessmentTemplates",
        "filter.durationRange.maxSeconds",
        "range",
        "INVALID_ASSESSMENT_TEMPLATE_DURATION_RANGE",
    ],
    ["ListAssessmentTemplates", "filter.namePattern", "length", "INVALID_ASSESSMENT_TEMPLATE_NAME_PATTERN"],
    ["CreateAssessmentTemplate", "durationInSeconds", "range", "INVALID_ASSESSMENT_TEMPLATE_DURATION"],
    ["CreateAssessmentTemplate", "assessmentTemplateName", "length", "INVALID_ASSESSMENT_TEMPLATE_NAME"],
    ["CreateAssessmentTemplate", "rulesPackageArns", "count", "INVALID_NUMBER_OF_RULES_PACKAGE_ARNS"],
    ["CreateAssessmentTemplate", "userAttributesForFindings", "count", "INVALID_NUMBER_OF_USER_ATTRIBUTES"],
    ["CreateAssessmentTemplate", "userAttributesForFindings[0].key", "length", "INVALID_USER_ATTRIBUTE_KEY"],
    ["CreateResourceGroup", "resourceGroupTags[1].value", "length", "INVALID_RESOURCE_GROUP_TAG_VALUE"],
    ["AddAttributesToFindings", "attributes[0].key", "length", "INVALID_ATTRIBUTE"],
    ["ListFindings", "filter.severities[0]", "enum", "INVALID_SEVERITY"],
    ["ListFindings", "filter.autoScalingGroups", "count", "INVALID_NUMBER_OF_AUTO_SCALING_GROUPS"],
    ["SetTagsForResource", "tags[0].key", "pattern", "INVALID_TAG_KEY"],
    ["SetTagsForResource", "tags", "count", "INVALID_NUMBER_OF_TAGS"],
    ["RegisterCrossAccountAccessRole", "roleArn", "length", "INVALID_IAM_ROLE_ARN"],
    ["SubscribeToEvent", "topicArn", "length", "INVALID_SNS_TOPIC_ARN"],
    // No code names a run's name or a stop action: the first code about the operation's noun stands in.
    ["StartAssessmentRun", "assessmentRunName", "length", "INVALID_ASSESSMENT_RUN_ARN"],
    ["StopAssessmentRun", "stopAction", "enum", "INVALID_ASSESSMENT_RUN_ARN"],
];

describe("classicErrorCode", () => {
    for (const [operation, path, rule, errorCode] of TABLE) {
        it(`${operation} ${path} (${rule}) → ${errorCode}`, () => {
            assert.equal(
                classicErrorCode(ERROR_CODES, operation, { path: pathOf(path), rule, message: "" }),
                errorCode,
            );
        });
    }

    it("only ever answers a code the model defines", () => {
        for (const [operation, path, rule] of TABLE) {
            const code = classicErrorCode(ERROR_CODES, operation, { path: pathOf(path), rule, message: "" });
            assert.ok(ERROR_CODES.includes(code), code);
        }
    });
});
