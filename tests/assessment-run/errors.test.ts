import assert from "node:assert/strict";
import {
    AccessDeniedException,
    AgentsAlreadyRunningAssessmentException,
    InternalException,
    InvalidCrossAccountRoleException,
    InvalidInputException,
    LimitExceededException,
    NoSuchEntityException,
    ServiceTemporarilyUnavailableException,
} from "@aws-sdk/client-inspector";
import {
    busyRunArns,
    type ErrorContext,
    explainInspectorError,
    isRunNameTaken,
} from "../../provider/assessment-run/errors";
import { callAws } from "../../provider/aws/call";
import { AwsCallError } from "../../provider/aws/errors";
import { testContext } from "../support/test-context";

const TEMPLATE = "arn:aws:inspector:us-west-2:123456789012:target/0-nvgVhaxX/template/0-7sbz2Kz0";
const OTHER_RUN = `${TEMPLATE}/run/0-Busy0001`;
const START: ErrorContext = {
    operation: "StartAssessmentRun",
    region: "us-west-2",
    templateArn: TEMPLATE,
    runName: "release-42",
};
const metadata = { $metadata: {} };

/**
 * The emulator cannot make Inspector refuse its cross-account role, so that translation (and the others, for
 * their exact text) is driven here with exception objects built from the SDK's own classes: the same objects the
 * SDK's deserialiser produces from an error response.
 */
describe("AssessmentRun error messages", () => {
    const cases: {
        title: string;
        error: unknown;
        context?: ErrorContext;
        message: string;
        /** Set when the message is callAws's shared one (this module has none of its own for the error). */
        shared?: true;
    }[] = [
        {
            title: "InvalidCrossAccountRoleException: register a role Inspector can assume",
            error: new InvalidCrossAccountRoleException({
                ...metadata,
                message: "Amazon Inspector cannot assume the cross-account role",
                errorCode: "ROLE_DOES_NOT_EXIST_OR_INVALID_TRUST_RELATIONSHIP",
                canRetry: false,
            }),
            message:
                'Cannot start run "release-42": Inspector cannot use the IAM role registered for it in us-west-2 ' +
                '(Inspector said: ROLE_DOES_NOT_EXIST_OR_INVALID_TRUST_RELATIONSHIP, "Amazon Inspector cannot assume ' +
                'the cross-account role"). Inspector needs a role it may assume that allows ec2:DescribeInstances; ' +
                'register one with "aws inspector register-cross-account-access-role --role-arn <role arn>", then ' +
                "run pulumi up again.",
        },
        {
            title: "NoSuchEntityException on start: the template is missing",
            error: new NoSuchEntityException({
                ...metadata,
                message: "no such template",
                errorCode: "ASSESSMENT_TEMPLATE_DOES_NOT_EXIST",
                canRetry: false,
            }),
            message:
                `Assessment template ${TEMPLATE} does not exist in us-west-2 for the account of these credentials ` +
                '(Inspector said: ASSESSMENT_TEMPLATE_DOES_NOT_EXIST, "no such template"). Check ' +
                "assessmentTemplateArn, the region and which AWS account the credentials belong to.",
        },
        {
            title: "NoSuchEntityException about a run",
            error: new NoSuchEntityException({
                ...metadata,
                message: "no such run",
                errorCode: "ASSESSMENT_RUN_DOES_NOT_EXIST",
                canRetry: false,
            }),
            context: { operation: "StopAssessmentRun", region: "us-west-2", runArn: OTHER_RUN },
            message: `Inspector has no run ${OTHER_RUN} in us-west-2 (Inspector said: ASSESSMENT_RUN_DOES_NOT_EXIST, "no such run").`,
        },
        {
            title: "AgentsAlreadyRunningAssessmentException: names the agents and their run",
            error: new AgentsAlreadyRunningAssessmentException({
                ...metadata,
                message: "busy",
                agents: [
                    { agentId: "i-0123456789abcdef0", assessmentRunArn: OTHER_RUN },
                    { agentId: "i-0fedcba9876543210", assessmentRunArn: OTHER_RUN },
                ],
                agentsTruncated: true,
                canRetry: true,
            }),
            message:
                `Cannot start run "release-42": the agents of template ${TEMPLATE} are busy in another assessment ` +
                `run (i-0123456789abcdef0 in ${OTHER_RUN}; i-0fedcba9876543210 in ${OTHER_RUN} and more). An agent ` +
                "takes part in one run at a time: wait for that run to finish, or stop it with " +
                '"aws inspector stop-assessment-run --assessment-run-arn <arn>", then run pulumi up again.',
        },
        {
            title: "LimitExceededException: too many runs in progress",
            error: new LimitExceededException({
                ...metadata,
                message: "limit",
                errorCode: "ASSESSMENT_RUN_LIMIT_EXCEEDED",
                canRetry: true,
            }),
            message:
                'Cannot start run "release-42": this account has as many assessment runs in progress in us-west-2 as ' +
                'Inspector allows (Inspector said: ASSESSMENT_RUN_LIMIT_EXCEEDED, "limit"). Wait for some to finish ' +
                "or stop them, or ask AWS for a higher quota, then run pulumi up again.",
        },
        {
            title: "AccessDeniedException: which permission to grant",
            error: new AccessDeniedException({
                ...metadata,
                message: "denied",
                errorCode: "ACCESS_DENIED_TO_ASSESSMENT_TEMPLATE",
                canRetry: false,
            }),
            message:
                `The credentials may not call StartAssessmentRun on ${TEMPLATE} (Inspector said: ` +
                'ACCESS_DENIED_TO_ASSESSMENT_TEMPLATE, "denied"). Allow inspector:StartAssessmentRun for them, then ' +
                "run pulumi up again.",
        },
        {
            title: "ServiceTemporarilyUnavailableException after retries",
            error: new ServiceTemporarilyUnavailableException({
                ...metadata,
                message: "later",
                canRetry: true,
            }),
            context: { ...START, attempts: 5 },
            message:
                'Inspector Classic is temporarily unavailable in us-west-2: StartAssessmentRun for run "release-42" ' +
                'failed 5 times (Inspector said: "later"). Wait a few minutes, then run pulumi up again.',
        },
        {
            title: "InternalException",
            error: new InternalException({ ...metadata, message: "oops", canRetry: true }),
            message:
                'Inspector had an internal error in StartAssessmentRun for run "release-42" (Inspector said: "oops"); ' +
                "run pulumi up again.",
        },
        {
            title: "InvalidInputException",
            error: new InvalidInputException({
                ...metadata,
                message: "bad arn",
                errorCode: "INVALID_ASSESSMENT_TEMPLATE_ARN",
                canRetry: false,
            }),
            message:
                'Inspector rejected StartAssessmentRun for run "release-42" as invalid (Inspector said: ' +
                'INVALID_ASSESSMENT_TEMPLATE_ARN, "bad arn").',
        },
        {
            title: "anything else: the shared message, with the operation, the region and the original message",
            error: new Error("connect ECONNREFUSED 127.0.0.1:1"),
            message:
                "Inspector Classic StartAssessmentRun failed in us-west-2: Error: connect ECONNREFUSED 127.0.0.1:1 " +
                "(the service refused the request)",
            shared: true,
        },
    ];
    for (const { title, error, context, message, shared } of cases) {
        it(title, async () => {
            const about = context ?? START;
            assert.equal(explainInspectorError(error, about), shared ? undefined : message);
            // As the operations call Inspector: the message is the AwsCallError's, the SDK's error its cause.
            const failure = await callAws(
                testContext({ policy: { retryAttempts: about.attempts ?? 1 } }),
                { service: "inspector", operation: about.operation, region: about.region },
                () => Promise.reject(error),
                { explain: (cause, attempts) => explainInspectorError(cause, { ...about, attempts }) },
            ).catch((caught: unknown) => caught);
            assert.ok(failure instanceof AwsCallError);
            assert.equal(failure.message, message);
            assert.equal(failure.cause, error);
        });
    }

    describe("recognising a concurrent start", () => {
        const cases: [string, unknown, boolean][] = [
            [
                "the emulator's (and Inspector's) name-taken code",
                new InvalidInputException({
                    ...metadata,
                    message: "x",
                    errorCode: "ASSESSMENT_TEMPLATE_NAME_ALREADY_TAKEN",
                    canRetry: false,
                }),
                true,
            ],
            [
                "a name-taken message",
                new InvalidInputException({
                    ...metadata,
                    message: "The run name is already in use",
                    errorCode: "INVALID_ASSESSMENT_TEMPLATE_ARN",
                    canRetry: false,
                }),
                true,
            ],
            [
                "another invalid input",
                new InvalidInputException({
                    ...metadata,
                    message: "bad",
                    errorCode: "INVALID_ASSESSMENT_TEMPLATE_ARN",
                    canRetry: false,
                }),
                false,
            ],
            ["another error", new Error("already taken"), false],
        ];
        for (const [title, error, expected] of cases) {
            it(title, () => assert.equal(isRunNameTaken(error), expected));
        }

        it("lists each busy run once", () => {
            const error = new AgentsAlreadyRunningAssessmentException({
                ...metadata,
                message: "busy",
                agents: [
                    { agentId: "i-1", assessmentRunArn: OTHER_RUN },
                    { agentId: "i-2", assessmentRunArn: OTHER_RUN },
                    { agentId: "i-3", assessmentRunArn: `${TEMPLATE}/run/0-Busy0002` },
                ],
                agentsTruncated: false,
                canRetry: true,
            });
            assert.deepEqual(busyRunArns(error), [OTHER_RUN, `${TEMPLATE}/run/0-Busy0002`]);
        });
    });
});
