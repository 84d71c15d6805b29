import assert from "node:assert/strict";
import { describeValue, UNKNOWN } from "../../provider/dynamic/check";
import { checkFindingsGateInputs } from "../../provider/findings-gate/validate";
import { testContext } from "../support/test-context";

const URN = "urn:pulumi:prod::shop::pulumi-nodejs:dynamic/inspector:FindingsGate::release-gate";
const DIGEST = `sha256:${"a".repeat(64)}`;
const OTHER_DIGEST = `sha256:${"b".repeat(64)}`;
const URI = `111122223333.dkr.ecr.us-east-1.amazonaws.com/shop@${DIGEST}`;
const FUNCTION_ARN = "arn:aws:lambda:us-east-1:111122223333:function:checkout";
/** `count` different account IDs. */
const ACCOUNTS = (count: number) => Array.from({ length: count }, (_, i) => String(100_000_000_000 + i));

/** The inputs the FindingsGate class sends for `args`: a subject, a rule and the URN unless overridden. */
function news(args: Record<string, unknown>): Record<string, unknown> {
    return { images: [URI], failOnSeverity: "HIGH", resourceUrn: URN, ...args };
}

function check(args: Record<string, unknown>, env: NodeJS.ProcessEnv = { AWS_REGION: "us-east-1" }) {
    return checkFindingsGateInputs(news(args), testContext({ env }));
}

/** What check fills in for the defaults of a gate over `images: [URI]`. */
const DEFAULTS = {
    images: [URI],
    failOnSeverity: "HIGH",
    onlyFixAvailable: false,
    onlyExploitAvailable: false,
    waitForScan: true,
    waitTimeoutSeconds: 900,
    region: "us-east-1",
    resourceUrn: URN,
};

describe("FindingsGate check", () => {
    describe("normalises valid inputs", () => {
        const cases: {
            title: string;
            args: Record<string, unknown>;
            env?: NodeJS.ProcessEnv;
            expected: Record<string, unknown>;
        }[] = [
            { title: "one image URI and a severity: defaults filled in", args: {}, expected: DEFAULTS },
            {
                title: "every subject kind, sorted and without duplicates, image references as objects",
                args: {
                    images: [
                        URI,
                        { repositoryName: "team/api", imageDigest: OTHER_DIGEST },
                        URI,
                        `111122223333.dkr.ecr.us-east-1.amazonaws.com/shop:v42@${OTHER_DIGEST}`,
                        { repositoryName: "web", imageDigest: DIGEST, registryId: "444455556666" },
                    ],
                    lambdaFunctions: [FUNCTION_ARN, "billing", "billing"],
                    ec2Instances: ["i-0123456789abcdef0", "i-01234567"],
                    codeRepositories: ["shop-backend"],
                    accountIds: ["444455556666", "111122223333"],
                },
                expected: {
                    ...DEFAULTS,
                    // Sorted by canonical JSON: strings before objects, ":" before "@".
                    images: [
                        `111122223333.dkr.ecr.us-east-1.amazonaws.com/shop:v42@${OTHER_DIGEST}`,
                        URI,
                        { imageDigest: DIGEST, registryId: "444455556666", repositoryName: "web" },
                        { imageDigest: OTHER_DIGEST, repositoryName: "team/api" },
                    ],
                    lambdaFunctions: [FUNCTION_ARN, "billing"],
                    ec2Instances: ["i-01234567", "i-0123456789abcdef0"],
                    codeRepositories: ["shop-backend"],
                    accountIds: ["111122223333", "444455556666"],
                },
            },
            {
                title: "severity in any letter case, thresholds keys lower-cased in severity order, ignores sorted",
                args: {
                    failOnSeverity: "critical",
                    thresholds: { Medium: 10, high: 0 },
                    onlyFixAvailable: true,
                    onlyExploitAvailable: true,
                    ignore: [
                        { vulnerabilityId: "CVE-2024-2", reason: "not reachable", expiresOn: "2026-12-31" },
                        { vulnerabilityId: "CVE-2024-1", reason: "TICKET-7", expiresOn: "2026-02-28" },
                    ],
                    waitForScan: false,
                    waitTimeoutSeconds: 60,
                    triggers: ["v42"],
                    region: "us-east-1",
                },
                expected: {
                    ...DEFAULTS,
                    failOnSeverity: "CRITICAL",
                    thresholds: { high: 0, medium: 10 },
                    onlyFixAvailable: true,
                    onlyExploitAvailable: true,
                    ignore: [
                        { vulnerabilityId: "CVE-2024-1", reason: "TICKET-7", expiresOn: "2026-02-28" },
                        { vulnerabilityId: "CVE-2024-2", reason: "not reachable", expiresOn: "2026-12-31" },
                    ],
                    waitForScan: false,
                    waitTimeoutSeconds: 60,
                    triggers: ["v42"],
                },
            },
            {
                title: "the credential inputs every resource has",
                args: {
                    profile: "production",
                    assumeRole: { roleArn: "arn:aws:iam::111122223333:role/InspectorDeployer" },
                },
                expected: {
                    ...DEFAULTS,
                    profile: "production",
                    assumeRole: { roleArn: "arn:aws:iam::111122223333:role/InspectorDeployer" },
                },
            },
            {
                title: "thresholds alone are a rule",
                args: { failOnSeverity: undefined, thresholds: { critical: 0 } },
                expected: { ...DEFAULTS, failOnSeverity: undefined, thresholds: { critical: 0 } },
            },
            {
                title: "whole accounts only: nothing to wait for, so waitForScan defaults to false",
                args: { images: undefined, accountIds: ["111122223333"] },
                expected: {
                    ...DEFAULTS,
                    images: undefined,
                    accountIds: ["111122223333"],
                    waitForScan: false,
                },
            },
            {
                title: "the region from AWS_DEFAULT_REGION",
                args: {
                    images: [URI.replace("us-east-1", "eu-west-1")],
                },
                env: { AWS_DEFAULT_REGION: "eu-west-1" },
                expected: {
                    ...DEFAULTS,
                    images: [URI.replace("us-east-1", "eu-west-1")],
                    region: "eu-west-1",
                },
            },
            {
                title: "unknown values at preview are accepted as they are",
                args: {
                    images: [UNKNOWN, URI],
                    lambdaFunctions: UNKNOWN,
                    failOnSeverity: UNKNOWN,
                    thresholds: { high: UNKNOWN },
                    ignore: [UNKNOWN],
                    waitForScan: UNKNOWN,
                    region: UNKNOWN,
                },
                expected: {
                    ...DEFAULTS,
                    images: [UNKNOWN, URI],
                    lambdaFunctions: UNKNOWN,
                    failOnSeverity: UNKNOWN,
                    thresholds: { high: UNKNOWN },
                    ignore: [UNKNOWN],
                    waitForScan: UNKNOWN,
                    region: UNKNOWN,
                },
            },
            {
                title: "10,001 accounts (repeated ones count once) and a function ARN of a China region",
                args: {
                    images: undefined,
                    accountIds: [...ACCOUNTS(10_001), ...ACCOUNTS(5)],
                    lambdaFunctions: ["arn:aws-cn:lambda:cn-north-1:111122223333:function:checkout"],
                },
                env: { AWS_REGION: "cn-north-1" },
                expected: {
                    ...DEFAULTS,
                    images: undefined,
                    accountIds: ACCOUNTS(10_001),
                    lambdaFunctions: ["arn:aws-cn:lambda:cn-north-1:111122223333:function:checkout"],
                    region: "cn-north-1",
                },
            },
            {
                title: "an image list not known yet counts as a subject and as something to wait for",
                args: { images: UNKNOWN },
                expected: { ...DEFAULTS, images: UNKNOWN },
            },
        ];
        for (const { title, args, env, expected } of cases) {
            it(title, () => {
                const outcome = check(args, env);
                assert.deepEqual(outcome.failures, []);
                const defined = Object.fromEntries(
                    Object.entries(expected).filter(([, value]) => value !== undefined),
                );
                assert.deepEqual(outcome.inputs, defined);
            });
        }
    });

    describe("names the property, the value and the rule in each failure", () => {
        const cases: {
            title: string;
            args: Record<string, unknown>;
            env?: NodeJS.ProcessEnv;
            failures: [string, string][];
        }[] = [
            {
                title: "no subject at all",
                args: { images: undefined },
                failures: [
                    [
                        "images",
                        "the gate has nothing to gate: list at least one subject in images, lambdaFunctions, " +
                            "ec2Instances, codeRepositories or accountIds (for example images: [image.repoDigest])",
                    ],
                ],
            },
            {
                title: "empty lists are no subject either: the first one given empty is named",
                args: { images: [], accountIds: [] },
                failures: [
                    [
                        "images",
                        "images [] is empty: the gate has nothing to gate: list at least one subject in images, " +
                            "lambdaFunctions, ec2Instances, codeRepositories or accountIds (for example images: " +
                            "[image.repoDigest])",
                    ],
                ],
            },
            {
                title: "an empty list of accounts beside no other subject",
                args: { images: undefined, accountIds: [] },
                failures: [
                    [
                        "accountIds",
                        "accountIds [] is empty: the gate has nothing to gate: list at least one subject in images, " +
                            "lambdaFunctions, ec2Instances, codeRepositories or accountIds (for example images: " +
                            "[image.repoDigest])",
                    ],
                ],
            },
            {
                title: "a function ARN whose partition does not hold its region",
                args: { lambdaFunctions: [FUNCTION_ARN.replace("arn:aws:", "arn:aws-us-gov:")] },
                failures: [
                    [
                        "lambdaFunctions",
                        `lambdaFunctions[0] "${FUNCTION_ARN.replace("arn:aws:", "arn:aws-us-gov:")}" names ` +
                            "partition aws-us-gov, which does not hold region us-east-1: the ARN of a function in " +
                            "us-east-1 starts with arn:aws:lambda:us-east-1:",
                    ],
                ],
            },
            {
                title: "more accounts than a delegated administrator and its 10,000 members",
                args: { accountIds: ACCOUNTS(10_002) },
                failures: [
                    [
                        "accountIds",
                        `accountIds ${JSON.stringify(ACCOUNTS(10_002)).slice(0, 97)}... (list) lists 10002 different ` +
                            "accounts: a delegated administrator sees the findings of at most 10000 member accounts, " +
                            "so give at most 10001 (the administrator and its members)",
                    ],
                ],
            },
            {
                title: "no rule",
                args: { failOnSeverity: undefined },
                failures: [
                    [
                        "failOnSeverity",
                        "the gate has no rule: set failOnSeverity (a minimum severity such as HIGH), thresholds " +
                            "(limits per severity such as { critical: 0, high: 5 }), or both",
                    ],
                ],
            },
            {
                title: "an image URI with a tag but no digest",
                args: { images: ["111122223333.dkr.ecr.us-east-1.amazonaws.com/shop:latest"] },
                failures: [
                    [
                        "images",
                        'images[0] "111122223333.dkr.ecr.us-east-1.amazonaws.com/shop:latest" names tag "latest" ' +
                            "but no digest: a tag can move to another image, so the gate needs the digest; use " +
                            "<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<64 hex digits> (as " +
                            "docker-build's repoDigest gives it) or { repositoryName, imageDigest }",
                    ],
                ],
            },
            {
                title: "an image that is not in ECR",
                args: { images: [`docker.io/library/nginx@${DIGEST}`] },
                failures: [
                    [
                        "images",
                        `images[0] ${describeValue(`docker.io/library/nginx@${DIGEST}`)} is not an ECR image URI: use ` +
                            "<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<64 hex digits> (as " +
                            "docker-build's repoDigest gives it) or { repositoryName, imageDigest }",
                    ],
                ],
            },
            {
                title: "a short digest",
                args: { images: ["111122223333.dkr.ecr.us-east-1.amazonaws.com/shop@sha256:abc"] },
                failures: [
                    [
                        "images",
                        'images[0] "111122223333.dkr.ecr.us-east-1.amazonaws.com/shop@sha256:abc" has digest ' +
                            '"sha256:abc", which is not sha256: and 64 lower-case hex digits',
                    ],
                ],
            },
            {
                title: "an image in another region than the gate's",
                args: { images: [URI.replace("us-east-1", "eu-west-1")] },
                failures: [
                    [
                        "images",
                        `images[0] "${URI.replace("us-east-1", "eu-west-1").slice(0, 97)}..." is in eu-west-1, but ` +
                            "the gate reads Inspector in us-east-1: gate it with a FindingsGate whose region is eu-west-1",
                    ],
                ],
            },
            {
                title: "an image reference with a misspelt member",
                args: { images: [{ repository: "shop", imageDigest: DIGEST }] },
                failures: [
                    [
                        "images",
                        `images[0] {"imageDigest":"${DIGEST}","repository":"shop"} (object) has repository, which ` +
                            "an image does not have: did you mean repositoryName?",
                    ].map((text) => text.replace(/\{.*\(object\)/, (shown) => shorten(shown))) as [
                        string,
                        string,
                    ],
                ],
            },
            {
                title: "an image reference with a bad repository name",
                args: { images: [{ repositoryName: "Shop", imageDigest: DIGEST }] },
                failures: [
                    [
                        "images",
                        `images[0] ${shorten(`{"imageDigest":"${DIGEST}","repositoryName":"Shop"} (object)`)} has ` +
                            'repositoryName "Shop", which is not an ECR repository name: 2 to 256 lower-case ' +
                            "letters, digits and . _ - /, starting and ending with a letter or digit",
                    ],
                ],
            },
            {
                title: "an image reference with a bad digest and registry",
                args: {
                    images: [
                        { repositoryName: "shop", imageDigest: "latest" },
                        { repositoryName: "shop", imageDigest: DIGEST, registryId: "1111" },
                    ],
                },
                failures: [
                    [
                        "images",
                        'images[0] {"imageDigest":"latest","repositoryName":"shop"} (object) has imageDigest ' +
                            '"latest", which is not a digest: sha256: and 64 lower-case hex digits',
                    ],
                    [
                        "images",
                        `images[1] ${shorten(`{"imageDigest":"${DIGEST}","registryId":"1111","repositoryName":"shop"} (object)`)} ` +
                            'has registryId "1111", which is not a 12-digit account ID',
                    ],
                ],
            },
            {
                title: "images not a list",
                args: { images: URI },
                failures: [["images", `images "${URI.slice(0, 97)}..." is not a list`]],
            },
            {
                title: "a qualified function ARN, a bad name, a function in another region",
                args: {
                    lambdaFunctions: [
                        `${FUNCTION_ARN}:$LATEST`,
                        "checkout function",
                        FUNCTION_ARN.replace("us-east-1", "us-west-2"),
                    ],
                },
                failures: [
                    [
                        "lambdaFunctions",
                        `lambdaFunctions[0] "${FUNCTION_ARN}:$LATEST" is qualified with "$LATEST": Inspector reports ` +
                            "findings per function, not per version or alias; use the unqualified ARN (fn.arn) or " +
                            'the name "checkout"',
                    ],
                    [
                        "lambdaFunctions",
                        'lambdaFunctions[1] "checkout function" is not a Lambda function name or ARN: use the ' +
                            "function's name (1 to 64 letters, digits, - and _) or its unqualified ARN " +
                            "arn:aws:lambda:<region>:<account>:function:<name>",
                    ],
                    [
                        "lambdaFunctions",
                        `lambdaFunctions[2] "${FUNCTION_ARN.replace("us-east-1", "us-west-2")}" is in us-west-2, but ` +
                            "the gate reads Inspector in us-east-1: gate it with a FindingsGate whose region is us-west-2",
                    ],
                ],
            },
            {
                title: "instances, repositories and accounts with bad items",
                args: {
                    ec2Instances: ["i-xyz"],
                    codeRepositories: [" spaced "],
                    accountIds: ["12345"],
                },
                failures: [
                    [
                        "ec2Instances",
                        'ec2Instances[0] "i-xyz" is not an EC2 instance ID: i- and 8 or 17 lower-case hex digits',
                    ],
                    [
                        "codeRepositories",
                        'codeRepositories[0] " spaced " is not a code repository project name: 1 to 1024 ' +
                            "characters, without leading or trailing spaces",
                    ],
                    [
                        "accountIds",
                        'accountIds[0] "12345" is not an account ID: an account ID is a string of exactly 12 digits',
                    ],
                ],
            },
            {
                title: "an unknown severity",
                args: { failOnSeverity: "SEVERE" },
                failures: [
                    [
                        "failOnSeverity",
                        'failOnSeverity "SEVERE" is not a severity: use CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL ' +
                            "or UNTRIAGED (any letter case)",
                    ],
                ],
            },
            {
                title: "thresholds with a misspelt severity, a negative and a fractional limit",
                args: { thresholds: { critcal: 0, high: -1, medium: 1.5 } },
                failures: [
                    ["thresholds.critcal", "thresholds.critcal is not a severity: did you mean critical?"],
                    [
                        "thresholds.high",
                        "thresholds.high -1 is not a limit: use a whole number of 0 or more (the gate fails when " +
                            "there are more high findings than this)",
                    ],
                    [
                        "thresholds.medium",
                        "thresholds.medium 1.5 is not a limit: use a whole number of 0 or more (the gate fails when " +
                            "there are more medium findings than this)",
                    ],
                ],
            },
            {
                title: "thresholds empty, or not an object",
                args: { failOnSeverity: undefined, thresholds: {} },
                failures: [
                    [
                        "thresholds",
                        "thresholds {} has no severity: give at least one, as an object such as { critical: 0, high: 5 }",
                    ],
                ],
            },
            {
                title: "thresholds as a number",
                args: { thresholds: 5 },
                failures: [["thresholds", "thresholds 5 is not an object such as { critical: 0, high: 5 }"]],
            },
            {
                title: "thresholds naming one severity twice",
                args: { thresholds: { high: 1, HIGH: 2 } },
                failures: [
                    [
                        "thresholds.HIGH",
                        "thresholds.HIGH 2 names high again (as thresholds.high 1 does): give each severity once, " +
                            "in any letter case",
                    ],
                ],
            },
            {
                title: "booleans that are not",
                args: { onlyFixAvailable: "yes", onlyExploitAvailable: 1 },
                failures: [
                    ["onlyFixAvailable", 'onlyFixAvailable "yes" is not a boolean: use true or false'],
                    ["onlyExploitAvailable", "onlyExploitAvailable 1 is not a boolean: use true or false"],
                ],
            },
            {
                title: "ignore entries without expiry, with a bad date, a blank reason, a stray member, a repeat",
                args: {
                    ignore: [
                        { vulnerabilityId: "CVE-1", reason: "ok" },
                        { vulnerabilityId: "CVE-2", reason: "ok", expiresOn: "2026-02-30" },
                        { vulnerabilityId: "CVE-3", reason: " ", expiresOn: "2026-02-28" },
                        { vulnerabilityId: "CVE-4", reason: "ok", expires: "2026-02-28" },
                        { vulnerabilityId: "CVE-5", reason: "ok", expiresOn: "2026-01-01" },
                        { vulnerabilityId: "CVE-5", reason: "again", expiresOn: "2026-01-01" },
                        "CVE-6",
                    ],
                },
                failures: [
                    [
                        "ignore[0]",
                        'ignore[0] {"reason":"ok","vulnerabilityId":"CVE-1"} (object) has no expiresOn: every ' +
                            "ignore entry needs a last day (YYYY-MM-DD), after which its findings count again",
                    ],
                    [
                        "ignore[1]",
                        'ignore[1] {"expiresOn":"2026-02-30","reason":"ok","vulnerabilityId":"CVE-2"} (object) has ' +
                            'expiresOn "2026-02-30", which is not a date: use YYYY-MM-DD, such as 2026-09-30',
                    ],
                    [
                        "ignore[2]",
                        'ignore[2] {"expiresOn":"2026-02-28","reason":" ","vulnerabilityId":"CVE-3"} (object) has ' +
                            'reason " ": say why the finding may be ignored (a ticket, a risk acceptance)',
                    ],
                    [
                        "ignore[3]",
                        'ignore[3] {"expires":"2026-02-28","reason":"ok","vulnerabilityId":"CVE-4"} (object) has ' +
                            "expires, which an ignore entry does not have: did you mean expiresOn?",
                    ],
                    [
                        "ignore[5]",
                        "ignore[5] ignores CVE-5 again (as ignore[4] does): give each vulnerability one entry, with " +
                            "one reason and one expiry",
                    ],
                    [
                        "ignore[6]",
                        'ignore[6] "CVE-6" is not an entry: use { vulnerabilityId, reason, expiresOn }',
                    ],
                ],
            },
            {
                title: "waiting with only whole accounts",
                args: { images: undefined, accountIds: ["111122223333"], waitForScan: true },
                failures: [
                    [
                        "waitForScan",
                        "waitForScan true has nothing to wait for: only images, lambdaFunctions, ec2Instances and " +
                            "codeRepositories are scanned one by one (accountIds are not); remove waitForScan or list them",
                    ],
                ],
            },
            {
                title: "a wait timeout out of range",
                args: { waitTimeoutSeconds: 0 },
                failures: [
                    [
                        "waitTimeoutSeconds",
                        "waitTimeoutSeconds 0 is not allowed: use a whole number of seconds from 1 to 86400 (1 day)",
                    ],
                ],
            },
            {
                title: "triggers not a list",
                args: { triggers: "v42" },
                failures: [["triggers", 'triggers "v42" is not a list: give a list of any values']],
            },
            {
                title: "no region anywhere",
                args: {},
                env: {},
                failures: [
                    [
                        "region",
                        "region is not set: set the region input, the stack's aws:region config or AWS_REGION",
                    ],
                ],
            },
            {
                title: "a region that is not one",
                args: { region: "US East" },
                failures: [
                    [
                        "region",
                        'region "US East" is not an AWS region: a region is lower-case words joined by dashes and ' +
                            "ending in a number, such as eu-west-1",
                    ],
                ],
            },
            {
                title: "no resource URN (the provider used without the class)",
                args: { resourceUrn: undefined },
                failures: [
                    [
                        "resourceUrn",
                        "resourceUrn is missing: create the resource with the FindingsGate class, which sets it",
                    ],
                ],
            },
            {
                title: "credential inputs are checked as on the other resources",
                args: { profile: "[prod]", assumeRole: { roleArn: "nope" } },
                failures: [
                    [
                        "profile",
                        'profile "[prod]" is not a profile name: give the name of a profile of the shared credentials ' +
                            'or config file, such as "production", without brackets or surrounding spaces',
                    ],
                    [
                        "assumeRole.roleArn",
                        'assumeRole.roleArn "nope" is not an IAM role ARN: use arn:aws:iam::<12-digit account ID>:' +
                            "role/<name>, such as arn:aws:iam::123456789012:role/InspectorDeployer",
                    ],
                ],
            },
            {
                title: "a property the resource does not have",
                args: { failOnSeverities: "HIGH" },
                failures: [
                    [
                        "failOnSeverities",
                        "failOnSeverities is not a property of this resource: did you mean failOnSeverity?",
                    ],
                ],
            },
        ];
        for (const { title, args, env, failures } of cases) {
            it(title, () => {
                const outcome = check(args, env);
                assert.deepEqual(
                    outcome.failures.map((failure) => [failure.property, failure.reason]),
                    failures,
                );
            });
        }
    });
});

/** describeValue's shortening of long values: 97 characters and "...", the type after. */
function shorten(shown: string): string {
    const match = /^(.*) \((object|list)\)$/.exec(shown);
    if (!match) return shown;
    const text = match[1].length > 100 ? `${match[1].slice(0, 97)}...` : match[1];
    return `${text} (${match[2]})`;
}
