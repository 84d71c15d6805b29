import assert from "node:assert/strict";
import { misusedArnKind, parseTemplateArn } from "../../provider/assessment-run/template-arn";
import { regionOfArn } from "../../provider/aws/region";

const TEMPLATE = "arn:aws:inspector:us-west-2:123456789012:target/0-nvgVhaxX/template/0-7sbz2Kz0";

describe("Inspector Classic ARNs", () => {
    describe("parseTemplateArn", () => {
        const cases: [string, ReturnType<typeof parseTemplateArn>][] = [
            [TEMPLATE, { partition: "aws", region: "us-west-2", accountId: "123456789012" }],
            [
                "arn:aws-us-gov:inspector:us-gov-west-1:123456789012:target/0-a/template/0-b",
                { partition: "aws-us-gov", region: "us-gov-west-1", accountId: "123456789012" },
            ],
            [
                "arn:aws-cn:inspector:cn-north-1:123456789012:target/0-a/template/0-b",
                { partition: "aws-cn", region: "cn-north-1", accountId: "123456789012" },
            ],
            [`${TEMPLATE}/run/0-MKkpXXPE`, undefined],
            ["arn:aws:inspector:us-west-2:123456789012:target/0-nvgVhaxX", undefined],
            ["arn:aws:inspector2:us-west-2:123456789012:target/0-a/template/0-b", undefined],
            ["arn:aws:inspector:us-west-2:12345:target/0-a/template/0-b", undefined],
            [` ${TEMPLATE}`, undefined],
        ];
        for (const [arn, expected] of cases) {
            it(arn, () => assert.deepEqual(parseTemplateArn(arn), expected));
        }
    });

    describe("misusedArnKind", () => {
        const cases: [string, ReturnType<typeof misusedArnKind>][] = [
            [`${TEMPLATE}/run/0-MKkpXXPE`, "run"],
            ["arn:aws:inspector:us-west-2:123456789012:target/0-nvgVhaxX", "target"],
            [TEMPLATE, undefined],
            ["nonsense", undefined],
        ];
        for (const [arn, expected] of cases) {
            it(arn, () => assert.equal(misusedArnKind(arn), expected));
        }
    });

    describe("regionOfArn", () => {
        const cases: [string, string | undefined][] = [
            [`${TEMPLATE}/run/0-MKkpXXPE`, "us-west-2"],
            ["arn:aws:inspector::123456789012:x", undefined],
            ["not-an-arn", undefined],
        ];
        for (const [arn, expected] of cases) {
            it(arn, () => assert.equal(regionOfArn(arn), expected));
        }
    });
});
