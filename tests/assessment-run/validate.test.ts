import assert from "node:assert/strict";
import { checkAssessmentRunInputs } from "../../provider/assessment-run/validate";
import { UNKNOWN } from "../../provider/dynamic/check";
import { testContext } from "../support/test-context";

const TEMPLATE = "arn:aws:inspector:us-west-2:123456789012:target/0-nvgVhaxX/template/0-7sbz2Kz0";
const URN = "urn:pulumi:prod::shop::pulumi-nodejs:dynamic/inspector:AssessmentRun::release-scan";

/** Where check finds defaults besides the inputs: the stack's aws:region and the environment. */
interface CheckContext {
    readonly stackRegion?: string;
    readonly env: NodeJS.ProcessEnv;
}
const NO_DEFAULTS: CheckContext = { env: {} };

/** The inputs the AssessmentRun class sends for `args`. */
function news(args: Record<string, unknown>): Record<string, unknown> {
    return { assessmentTemplateArn: TEMPLATE, resourceUrn: URN, ...args };
}

function checkInputs(inputs: Record<string, unknown>, context: CheckContext) {
    return checkAssessmentRunInputs(inputs, testContext(context));
}

describe("AssessmentRun check", () => {
    describe("normalises valid inputs", () => {
        const cases: {
            title: string;
            args: Record<string, unknown>;
            context?: CheckContext;
            expected: Record<string, unknown>;
        }[] = [
            {
                title: "only the template: defaults filled in, name derived, region from the template",
                args: {},
                expected: {
                    assessmentTemplateArn: TEMPLATE,
                    resourceUrn: URN,
                    assessmentRunName: "release-scan-prod-3556819202",
                    region: "us-west-2",
                    waitForCompletion: false,
                    stopActionOnDelete: "START_EVALUATION",
                    deleteOnDestroy: false,
                },
            },
            {
                title: "every input given, letter case of enumerations normalised, triggers hashed into the name",
                args: {
                    assessmentRunName: "release-42",
                    region: "us-west-2",
                    waitForCompletion: true,
                    waitTimeoutSeconds: 7200,
                    failOnFindings: "medium",
                    triggers: ["ami-0abc"],
                    stopActionOnDelete: "skip_evaluation",
                    deleteOnDestroy: true,
                },
                expected: {
                    assessmentTemplateArn: TEMPLATE,
                    resourceUrn: URN,
                    triggers: ["ami-0abc"],
                    assessmentRunName: "release-42-9c565ed2",
                    region: "us-west-2",
                    failOnFindings: "Medium",
                    waitForCompletion: true,
                    waitTimeoutSeconds: 7200,
                    stopActionOnDelete: "SKIP_EVALUATION",
                    deleteOnDestroy: true,
                },
            },
            {
                title: "failOnFindings turns waiting on",
                args: { failOnFindings: "High" },
                expected: {
                    assessmentTemplateArn: TEMPLATE,
                    resourceUrn: URN,
                    assessmentRunName: "release-scan-prod-3556819202",
                    region: "us-west-2",
                    failOnFindings: "High",
                    waitForCompletion: true,
                    stopActionOnDelete: "START_EVALUATION",
                    deleteOnDestroy: false,
                },
            },
            {
                title: "the region from the template, whatever the stack's aws:region and the environment say",
                args: {},
                context: {
                    stackRegion: "eu-west-1",
                    env: { AWS_REGION: "ap-south-1", AWS_DEFAULT_REGION: "west" },
                },
                expected: {
                    assessmentTemplateArn: TEMPLATE,
                    resourceUrn: URN,
                    assessmentRunName: "release-scan-prod-3556819202",
                    region: "us-west-2",
                    waitForCompletion: false,
                    stopActionOnDelete: "START_EVALUATION",
                    deleteOnDestroy: false,
                },
            },
            {
                title: "unknown values at preview are accepted, and what depends on them stays unknown",
                args: {
                    assessmentTemplateArn: UNKNOWN,
                    triggers: [UNKNOWN],
                    waitForCompletion: UNKNOWN,
                    failOnFindings: UNKNOWN,
                    waitTimeoutSeconds: UNKNOWN,
                    stopActionOnDelete: UNKNOWN,
                    deleteOnDestroy: UNKNOWN,
                },
                expected: {
                    assessmentTemplateArn: UNKNOWN,
                    resourceUrn: URN,
                    triggers: [UNKNOWN],
                    assessmentRunName: UNKNOWN,
                    region: UNKNOWN,
                    failOnFindings: UNKNOWN,
                    waitForCompletion: UNKNOWN,
                    waitTimeoutSeconds: UNKNOWN,
                    stopActionOnDelete: UNKNOWN,
                    deleteOnDestroy: UNKNOWN,
                },
            },
            {
                title: "an unknown template with a known name and region",
                args: {
                    assessmentTemplateArn: UNKNOWN,
                    assessmentRunName: "release-42",
                    region: "eu-west-1",
                },
                expected: {
                    assessmentTemplateArn: UNKNOWN,
                    resourceUrn: URN,
                    assessmentRunName: "release-42",
                    region: "eu-west-1",
                    waitForCompletion: false,
                    stopActionOnDelete: "START_EVALUATION",
                    deleteOnDestroy: false,
                },
            },
            {
                title: "an unknown resource URN leaves the derived name unknown",
                args: { resourceUrn: UNKNOWN },
                expected: {
                    assessmentTemplateArn: TEMPLATE,
                    resourceUrn: UNKNOWN,
                    assessmentRunName: UNKNOWN,
                    region: "us-west-2",
                    waitForCompletion: false,
                    stopActionOnDelete: "START_EVALUATION",
                    deleteOnDestroy: false,
                },
            },
            {
                title: "a user name needs no resource URN",
                args: { assessmentRunName: "release-42", resourceUrn: undefined },
                expected: {
                    assessmentTemplateArn: TEMPLATE,
                    assessmentRunName: "release-42",
                    region: "us-west-2",
                    waitForCompletion: false,
                    stopActionOnDelete: "START_EVALUATION",
                    deleteOnDestroy: false,
                },
            },
        ];
        it("takes template ARNs of other partitions in their own regions", () => {
            for (const [partition, region] of [
                ["aws-cn", "cn-north-1"],
                ["aws-us-gov", "us-gov-west-1"],
                ["aws-iso", "us-iso-east-1"],
            ]) {
                const arn = TEMPLATE.replace("aws", partition).replace("us-west-2", region);
                const outcome = checkInputs(news({ assessmentTemplateArn: arn }), NO_DEFAULTS);
                assert.deepEqual(outcome.failures, [], arn);
                assert.equal(outcome.inputs.region, region);
            }
        });
        for (const { title, args, context, expected } of cases) {
            it(title, () => {
                const outcome = checkInputs(news(args), context ?? NO_DEFAULTS);
                assert.deepEqual(outcome.failures, []);
                assert.deepEqual(outcome.inputs, expected);
            });
        }
    });

    describe("names the property, the value and the rule in each failure", () => {
        const cases: {
            title: string;
            args: Record<string, unknown>;
            context?: CheckContext;
            failures: [string, string][];
        }[] = [
            {
                title: "missing template",
                args: { assessmentTemplateArn: undefined },
                failures: [
                    [
                        "assessmentTemplateArn",
                        "assessmentTemplateArn is required: the ARN of the Inspector Classic assessment template to run",
                    ],
                ],
            },
            {
                title: "a template ARN whose partition does not hold its region",
                args: { assessmentTemplateArn: TEMPLATE.replace("arn:aws:", "arn:aws-cn:") },
                failures: [
                    [
                        "assessmentTemplateArn",
                        `assessmentTemplateArn "${TEMPLATE.replace("arn:aws:", "arn:aws-cn:")}" names partition ` +
                            "aws-cn, which does not hold region us-west-2: the ARN of a template in us-west-2 starts " +
                            "with arn:aws:inspector:us-west-2:",
                    ],
                ],
            },
            {
                title: "a template ARN of a China region in the aws partition",
                args: { assessmentTemplateArn: TEMPLATE.replace("us-west-2", "cn-north-1") },
                failures: [
                    [
                        "assessmentTemplateArn",
                        `assessmentTemplateArn "${TEMPLATE.replace("us-west-2", "cn-north-1")}" names partition ` +
                            "aws, which does not hold region cn-north-1: the ARN of a template in cn-north-1 starts " +
                            "with arn:aws-cn:inspector:cn-north-1:",
                    ],
                ],
            },
            {
                title: "template not a string",
                args: { assessmentTemplateArn: 42 },
                failures: [
                    ["assessmentTemplateArn", "assessmentTemplateArn 42 must be a string (a template ARN)"],
                ],
            },
            {
                title: "empty template",
                args: { assessmentTemplateArn: "" },
                failures: [
                    [
                        "assessmentTemplateArn",
                        'assessmentTemplateArn "" is 0 characters long; it must be 1 to 300',
                    ],
                ],
            },
            {
                title: "template too long",
                args: { assessmentTemplateArn: `${TEMPLATE}${"x".repeat(300)}` },
                failures: [
                    [
                        "assessmentTemplateArn",
                        `assessmentTemplateArn "${TEMPLATE}${"x".repeat(19)}..." is 378 characters long; it must be 1 to 300`,
                    ],
                ],
            },
            {
                title: "not an ARN",
                args: { assessmentTemplateArn: "my-template" },
                failures: [
                    [
                        "assessmentTemplateArn",
                        'assessmentTemplateArn "my-template" is not an Inspector Classic assessment template ARN ' +
                            "(arn:<partition>:inspector:<region>:<account>:target/<id>/template/<id>)",
                    ],
                ],
            },
            {
                title: "a run ARN instead of its template's",
                args: { assessmentTemplateArn: `${TEMPLATE}/run/0-MKkpXXPE` },
                failures: [
                    [
                        "assessmentTemplateArn",
                        `assessmentTemplateArn "${TEMPLATE}/run/0-MKkpXXPE" is not an Inspector Classic assessment ` +
                            "template ARN (arn:<partition>:inspector:<region>:<account>:target/<id>/template/<id>); " +
                            "it is an assessment run ARN, pass the ARN of its template (the part before /run/)",
                    ],
                ],
            },
            {
                title: "a target ARN",
                args: { assessmentTemplateArn: "arn:aws:inspector:us-west-2:123456789012:target/0-nvgVhaxX" },
                failures: [
                    [
                        "assessmentTemplateArn",
                        'assessmentTemplateArn "arn:aws:inspector:us-west-2:123456789012:target/0-nvgVhaxX" is not ' +
                            "an Inspector Classic assessment template ARN " +
                            "(arn:<partition>:inspector:<region>:<account>:target/<id>/template/<id>); it is an " +
                            "assessment target ARN, pass the ARN of one of the target's templates",
                    ],
                ],
            },
            {
                title: "empty run name",
                args: { assessmentRunName: "" },
                failures: [
                    ["assessmentRunName", 'assessmentRunName "" is 0 characters long; it must be 1 to 140'],
                ],
            },
            {
                title: "run name too long",
                args: { assessmentRunName: "n".repeat(141) },
                failures: [
                    [
                        "assessmentRunName",
                        `assessmentRunName "${"n".repeat(97)}..." is 141 characters long; it must be 1 to 140`,
                    ],
                ],
            },
            {
                title: "run name not a string",
                args: { assessmentRunName: ["a"] },
                failures: [["assessmentRunName", 'assessmentRunName ["a"] (list) must be a string']],
            },
            {
                title: "region not a region name",
                args: { region: "US-WEST-2" },
                failures: [["region", 'region "US-WEST-2" is not an AWS region name such as "us-east-1"']],
            },
            {
                title: "region not a string",
                args: { region: 2 },
                failures: [["region", 'region 2 must be a string such as "us-east-1"']],
            },
            {
                title: "explicit region differs from the template's",
                args: { region: "us-east-1" },
                failures: [
                    [
                        "region",
                        'region "us-east-1" differs from the region of assessmentTemplateArn ("us-west-2"); a run ' +
                            'starts in its template\'s region, so leave region out (it defaults to "us-west-2") or use ' +
                            "a template from us-east-1",
                    ],
                ],
            },
            {
                title: "an explicit region that differs is refused whatever the stack's region",
                args: { region: "eu-west-1" },
                context: { stackRegion: "eu-west-1", env: { AWS_REGION: "eu-west-1" } },
                failures: [
                    [
                        "region",
                        'region "eu-west-1" differs from the region of assessmentTemplateArn ("us-west-2"); a run ' +
                            'starts in its template\'s region, so leave region out (it defaults to "us-west-2") or use ' +
                            "a template from eu-west-1",
                    ],
                ],
            },
            {
                title: "no region anywhere and an invalid template: only the template is reported",
                args: { assessmentTemplateArn: "nope", assessmentRunName: "r" },
                failures: [
                    [
                        "assessmentTemplateArn",
                        'assessmentTemplateArn "nope" is not an Inspector Classic assessment template ARN ' +
                            "(arn:<partition>:inspector:<region>:<account>:target/<id>/template/<id>)",
                    ],
                ],
            },
            {
                title: "wait flag not a boolean",
                args: { waitForCompletion: "yes" },
                failures: [
                    ["waitForCompletion", 'waitForCompletion "yes" is not a boolean: use true or false'],
                ],
            },
            {
                title: "timeout zero",
                args: { waitTimeoutSeconds: 0 },
                failures: [
                    [
                        "waitTimeoutSeconds",
                        "waitTimeoutSeconds 0 is not allowed: use a whole number of seconds from 1 to 604800 (7 days)",
                    ],
                ],
            },
            {
                title: "timeout fractional",
                args: { waitTimeoutSeconds: 1.5 },
                failures: [
                    [
                        "waitTimeoutSeconds",
                        "waitTimeoutSeconds 1.5 is not allowed: use a whole number of seconds from 1 to 604800 (7 days)",
                    ],
                ],
            },
            {
                title: "timeout over a week",
                args: { waitTimeoutSeconds: 604801 },
                failures: [
                    [
                        "waitTimeoutSeconds",
                        "waitTimeoutSeconds 604801 is not allowed: use a whole number of seconds from 1 to 604800 (7 days)",
                    ],
                ],
            },
            {
                title: "a severity that does not exist",
                args: { failOnFindings: "Critical" },
                failures: [
                    [
                        "failOnFindings",
                        'failOnFindings "Critical" is not a severity: use High, Medium, Low or Informational (any letter case)',
                    ],
                ],
            },
            {
                title: "Undefined is no threshold",
                args: { failOnFindings: "Undefined" },
                failures: [
                    [
                        "failOnFindings",
                        'failOnFindings "Undefined" cannot be a threshold: findings of severity Undefined have no ' +
                            "rank; use High, Medium, Low or Informational (any letter case)",
                    ],
                ],
            },
            {
                title: "a gate without waiting",
                args: { failOnFindings: "High", waitForCompletion: false },
                failures: [
                    [
                        "failOnFindings",
                        'failOnFindings "High" needs waitForCompletion true (it is false): findings are only known ' +
                            "once the run has finished; remove waitForCompletion or set it to true",
                    ],
                ],
            },
            {
                title: "triggers not a list",
                args: { triggers: "ami-1" },
                failures: [["triggers", 'triggers "ami-1" must be a list of values']],
            },
            {
                title: "an unknown stop action",
                args: { stopActionOnDelete: "STOP" },
                failures: [
                    [
                        "stopActionOnDelete",
                        'stopActionOnDelete "STOP" is not a stop action: use START_EVALUATION or SKIP_EVALUATION (any letter case)',
                    ],
                ],
            },
            {
                title: "deleteOnDestroy not a boolean",
                args: { deleteOnDestroy: 1 },
                failures: [["deleteOnDestroy", "deleteOnDestroy 1 is not a boolean: use true or false"]],
            },
            {
                title: "no resource URN and no name (the provider used without the class)",
                args: { resourceUrn: undefined },
                failures: [
                    [
                        "resourceUrn",
                        "resourceUrn undefined must be this resource's URN (the AssessmentRun class sets it; " +
                            "without it, set assessmentRunName)",
                    ],
                ],
            },
            {
                title: "a resource URN that is no URN",
                args: { resourceUrn: "release-scan" },
                failures: [
                    [
                        "resourceUrn",
                        'resourceUrn "release-scan" must be this resource\'s URN (the AssessmentRun class sets it; ' +
                            "without it, set assessmentRunName)",
                    ],
                ],
            },
            {
                title: "a property the resource does not have, with the closest one it has",
                args: { failOnFinding: "High", colour: "red" },
                failures: [
                    [
                        "colour",
                        "colour is not a property of this resource; its properties are assessmentTemplateArn, assessmentRunName, region, waitForCompletion, waitTimeoutSeconds, failOnFindings, triggers, stopActionOnDelete, deleteOnDestroy, resourceUrn, profile or assumeRole",
                    ],
                    [
                        "failOnFinding",
                        "failOnFinding is not a property of this resource: did you mean failOnFindings?",
                    ],
                ],
            },
        ];
        for (const { title, args, context, failures } of cases) {
            it(title, () => {
                const outcome = checkInputs(news(args), context ?? NO_DEFAULTS);
                assert.deepEqual(
                    outcome.failures.map((failure) => [failure.property, failure.reason]),
                    failures,
                );
            });
        }
    });
});
