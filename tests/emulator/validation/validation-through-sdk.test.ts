import assert from "node:assert/strict";
import {
    DescribeAssessmentRunsCommand,
    ListAssessmentRunsCommand,
    ListAssessmentTemplatesCommand,
    StartAssessmentRunCommand,
} from "@aws-sdk/client-inspector";
import { BatchGetAccountStatusCommand, EnableCommand, ListMembersCommand } from "@aws-sdk/client-inspector2";
import type { RunningEmulator } from "../../../emulator";
import { startEmulator } from "../../../emulator";
import { expectAwsError } from "../support/expect-aws-error";
import { classicClient, inspector2Client } from "../support/sdk-clients";

/** Inputs the SDK's types forbid are exactly what the emulator must refuse; they go through `as never`. */
const INSPECTOR2_TABLE: readonly {
    readonly title: string;
    readonly command: () => EnableCommand | BatchGetAccountStatusCommand | ListMembersCommand;
    readonly fields: readonly { readonly name: string; readonly message: string }[];
}[] = [
    {
        title: "a missing required member",
        command: () => new EnableCommand({} as never),
        fields: [{ name: "resourceTypes", message: "resourceTypes is required but missing" }],
    },
    {
        title: "a list below its minimum size",
        command: () => new EnableCommand({ resourceTypes: [] }),
        fields: [
            { name: "resourceTypes", message: "resourceTypes has 0 items, fewer than the minimum of 1" },
        ],
    },
    {
        title: "a value outside the enum",
        command: () => new EnableCommand({ resourceTypes: ["EC2", "EC3" as never] }),
        fields: [
            {
                name: "resourceTypes[1]",
                message:
                    'resourceTypes[1] "EC3" is not one of EC2, ECR, LAMBDA, LAMBDA_CODE, CODE_REPOSITORY',
            },
        ],
    },
    {
        title: "a string shorter than its minimum length",
        command: () => new EnableCommand({ resourceTypes: ["EC2"], accountIds: ["4444"] }),
        fields: [
            {
                name: "accountIds[0]",
                message: 'accountIds[0] "4444" is 4 characters long, shorter than the minimum of 12',
            },
        ],
    },
    {
        title: "a string that breaks its pattern",
        command: () => new BatchGetAccountStatusCommand({ accountIds: ["44445555666x"] }),
        fields: [
            {
                name: "accountIds[0]",
                message: 'accountIds[0] "44445555666x" does not match the pattern \\d{12}',
            },
        ],
    },
    {
        title: "a repeated item in a set",
        command: () => new BatchGetAccountStatusCommand({ accountIds: ["444455556666", "444455556666"] }),
        fields: [
            {
                name: "accountIds[1]",
                message: 'accountIds[1] "444455556666" repeats an earlier item; the items must be unique',
            },
        ],
    },
    {
        title: "a list above its maximum size",
        command: () =>
            new BatchGetAccountStatusCommand({
                accountIds: Array.from({ length: 101 }, (_, index) => String(100000000000 + index)),
            }),
        fields: [{ name: "accountIds", message: "accountIds has 101 items, more than the maximum of 100" }],
    },
    {
        title: "a number below its minimum",
        command: () => new ListMembersCommand({ maxResults: 0 }),
        fields: [{ name: "maxResults", message: "maxResults 0 is less than the minimum of 1" }],
    },
    {
        title: "a value of the wrong type",
        command: () => new ListMembersCommand({ onlyAssociated: "yes" as never }),
        fields: [{ name: "onlyAssociated", message: 'onlyAssociated must be a boolean, got "yes"' }],
    },
];

const CLASSIC_TABLE: readonly {
    readonly title: string;
    readonly command: () =>
        | StartAssessmentRunCommand
        | DescribeAssessmentRunsCommand
        | ListAssessmentRunsCommand
        | ListAssessmentTemplatesCommand;
    readonly errorCode: string;
    readonly message: string | RegExp;
}[] = [
    {
        title: "a missing template ARN",
        command: () => new StartAssessmentRunCommand({} as never),
        errorCode: "INVALID_ASSESSMENT_TEMPLATE_ARN",
        message: "The input breaks 1 constraint: assessmentTemplateArn is required but missing",
    },
    {
        title: "an empty template ARN",
        command: () => new StartAssessmentRunCommand({ assessmentTemplateArn: "" }),
        errorCode: "INVALID_ASSESSMENT_TEMPLATE_ARN",
        message:
            'The input breaks 1 constraint: assessmentTemplateArn "" is 0 characters long, shorter than the minimum of 1',
    },
    {
        title: "an empty list of run ARNs",
        command: () => new DescribeAssessmentRunsCommand({ assessmentRunArns: [] }),
        errorCode: "INVALID_NUMBER_OF_ASSESSMENT_RUN_ARNS",
        message: "The input breaks 1 constraint: assessmentRunArns has 0 items, fewer than the minimum of 1",
    },
    {
        title: "an unknown run state in a filter",
        command: () => new ListAssessmentRunsCommand({ filter: { states: ["DONE" as never] } }),
        errorCode: "INVALID_ASSESSMENT_RUN_STATE",
        message: /^The input breaks 1 constraint: filter\.states\[0\] "DONE" is not one of CREATED, /,
    },
    {
        title: "a duration range below the minimum",
        command: () => new ListAssessmentTemplatesCommand({ filter: { durationRange: { minSeconds: 60 } } }),
        errorCode: "INVALID_ASSESSMENT_TEMPLATE_DURATION_RANGE",
        message:
            "The input breaks 1 constraint: filter.durationRange.minSeconds 60 is less than the minimum of 180",
    },
];

describe("emulator validation through the real SDK clients", () => {
    let emulator: RunningEmulator;
    before(async () => (emulator = await startEmulator()));
    after(() => emulator.close());

    describe("Inspector v2 answers 400 ValidationException with reason and fields", () => {
        for (const row of INSPECTOR2_TABLE) {
            it(`for ${row.title}`, async () => {
                const error = await expectAwsError(
                    inspector2Client(emulator).send(row.command() as never),
                    "ValidationException",
                    400,
                );
                assert.equal(error.reason, "FIELD_VALIDATION_FAILED");
                assert.deepEqual(error.fields, row.fields);
                assert.equal(
                    error.message,
                    `The input breaks 1 constraint: ${row.fields.map((field) => field.message).join("; ")}`,
                );
            });
        }

        it("never runs the operation: a refused Enable counts no mutation", async () => {
            emulator.admin.reset();
            await expectAwsError(
                inspector2Client(emulator).send(new EnableCommand({ resourceTypes: [] })),
                "ValidationException",
                400,
            );
            assert.deepEqual(emulator.admin.mutations(), []);
        });
    });

    describe("Inspector Classic answers 400 InvalidInputException with the matching errorCode", () => {
        for (const row of CLASSIC_TABLE) {
            it(`for ${row.title}: ${row.errorCode}`, async () => {
                const error = await expectAwsError(
                    classicClient(emulator).send(row.command() as never),
                    "InvalidInputException",
                    400,
                );
                assert.equal(error.errorCode, row.errorCode);
                assert.equal(error.canRetry, false);
                if (typeof row.message === "string") assert.equal(error.message, row.message);
                else assert.match(error.message, row.message);
            });
        }
    });
});
