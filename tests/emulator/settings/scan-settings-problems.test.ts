import assert from "node:assert/strict";
import { startEmulator } from "../../../emulator";
import { DEFAULT_SETTINGS } from "../../../emulator/settings/default-settings";
import { mergeSettings } from "../../../emulator/settings/merge-settings";
import type { PartialSettings } from "../../../emulator/settings/settings";
import { settingsProblems } from "../../../emulator/settings/settings-validation";

const HASH = `sha256:${"c".repeat(64)}`;
const IMAGE = `arn:aws:ecr:us-east-1:111122223333:repository/web/${HASH}`;
const FUNCTION = "arn:aws:lambda:us-east-1:111122223333:function:web";

function problemsOf(patch: Record<string, unknown>): string[] {
    return settingsProblems(mergeSettings(DEFAULT_SETTINGS, patch as PartialSettings));
}

const TABLE: readonly [title: string, patch: Record<string, unknown>, problems: string[]][] = [
    ["scanResources that are no list", { scanResources: {} }, ["scanResources {} must be a list"]],
    [
        "an unknown resource type",
        { scanResources: [{ resourceType: "S3_BUCKET", resourceId: "b" }] },
        [
            'scanResources[0].resourceType "S3_BUCKET" must be one of AWS_ECR_CONTAINER_IMAGE, AWS_LAMBDA_FUNCTION, AWS_EC2_INSTANCE, CODE_REPOSITORY',
        ],
    ],
    [
        "an unknown member",
        { scanResources: [{ resourceType: "CODE_REPOSITORY", resourceId: "web", owner: "me" }] },
        [
            'scanResources[0].owner "me" is not a setting; known: accountId, resourceType, resourceId, region, ecrImage, lambdaFunction, ec2Instance, codeRepository, pushedAt, unsupported, findings',
        ],
    ],
    [
        "an image ID that is no ECR image ARN",
        { scanResources: [{ resourceType: "AWS_ECR_CONTAINER_IMAGE", resourceId: "web:latest" }] },
        [
            'scanResources[0].resourceId "web:latest" must be an ECR image ARN arn:aws:ecr:<region>:<account>:repository/<name>/sha256:<64 hex>',
        ],
    ],
    [
        "a function ID that is no Lambda function ARN",
        { scanResources: [{ resourceType: "AWS_LAMBDA_FUNCTION", resourceId: "web" }] },
        [
            'scanResources[0].resourceId "web" must be a Lambda function ARN arn:aws:lambda:<region>:<account>:function:<name>',
        ],
    ],
    [
        "an instance ID of the wrong form",
        { scanResources: [{ resourceType: "AWS_EC2_INSTANCE", resourceId: "i-xyz" }] },
        [
            'scanResources[0].resourceId "i-xyz" must be an EC2 instance ID i- and 8 or 17 lower-case hex digits',
        ],
    ],
    [
        "an account that differs from the ARN's",
        {
            scanResources: [
                { resourceType: "AWS_LAMBDA_FUNCTION", resourceId: FUNCTION, accountId: "444455556666" },
            ],
        },
        ['scanResources[0].accountId "444455556666" must be 111122223333 as in resourceId, or be left out'],
    ],
    [
        "a region that differs from the ARN's",
        {
            scanResources: [
                { resourceType: "AWS_LAMBDA_FUNCTION", resourceId: FUNCTION, region: "eu-west-1" },
            ],
        },
        ['scanResources[0].region "eu-west-1" must be us-east-1 as in resourceId, or be left out'],
    ],
    [
        "an account ID of the wrong form",
        { scanResources: [{ resourceType: "AWS_EC2_INSTANCE", resourceId: "i-0123abcd", accountId: "1" }] },
        ['scanResources[0].accountId "1" must be 12 digits'],
    ],
    [
        "details of another resource type",
        { scanResources: [{ resourceType: "AWS_LAMBDA_FUNCTION", resourceId: FUNCTION, ecrImage: {} }] },
        ["scanResources[0].ecrImage {} is only for AWS_ECR_CONTAINER_IMAGE resources"],
    ],
    [
        "image details that contradict the ARN",
        {
            scanResources: [
                {
                    resourceType: "AWS_ECR_CONTAINER_IMAGE",
                    resourceId: IMAGE,
                    ecrImage: { repositoryName: "api", imageHash: "sha256:abc", imageTags: [""] },
                },
            ],
        },
        [
            'scanResources[0].ecrImage.repositoryName "api" must be web as in resourceId, or be left out',
            'scanResources[0].ecrImage.imageHash "sha256:abc" must be sha256: and 64 lower-case hex digits',
            'scanResources[0].ecrImage.imageTags [""] must be a list of non-empty strings',
        ],
    ],
    [
        "a runtime Inspector does not know",
        {
            scanResources: [
                {
                    resourceType: "AWS_LAMBDA_FUNCTION",
                    resourceId: FUNCTION,
                    lambdaFunction: { runtime: "nodejs22.x" },
                },
            ],
        },
        [
            /^scanResources\[0\]\.lambdaFunction\.runtime "nodejs22\.x" must be one of NODEJS, .*NODEJS_22_X/
                .source,
        ],
    ],
    [
        "an unknown EC2 platform",
        {
            scanResources: [
                {
                    resourceType: "AWS_EC2_INSTANCE",
                    resourceId: "i-0123abcd",
                    ec2Instance: { platform: "BSD" },
                },
            ],
        },
        ['scanResources[0].ec2Instance.platform "BSD" must be one of WINDOWS, LINUX, UNKNOWN, MACOS'],
    ],
    [
        "a pushedAt that is no ISO 8601 date and time",
        { scanResources: [{ resourceType: "CODE_REPOSITORY", resourceId: "web", pushedAt: "yesterday" }] },
        [
            'scanResources[0].pushedAt "yesterday" must be an ISO 8601 date and time such as 2026-05-01T12:00:00Z',
        ],
    ],
    [
        "an unsupported reason that means scanning",
        {
            scanResources: [
                { resourceType: "AWS_EC2_INSTANCE", resourceId: "i-0123abcd", unsupported: "SUCCESSFUL" },
            ],
        },
        [
            'scanResources[0].unsupported "SUCCESSFUL" must be a ScanStatusReason of a resource Inspector cannot scan, such as UNSUPPORTED_OS or UNSUPPORTED_RUNTIME',
        ],
    ],
    [
        "findings on an unsupported resource",
        {
            scanResources: [
                {
                    resourceType: "AWS_EC2_INSTANCE",
                    resourceId: "i-0123abcd",
                    unsupported: "UNSUPPORTED_OS",
                    findings: [{ vulnerabilityId: "CVE-1", severity: "LOW" }],
                },
            ],
        },
        [
            'scanResources[0].unsupported "UNSUPPORTED_OS" leaves the resource unscanned, so it cannot have findings; remove either findings or unsupported',
        ],
    ],
    [
        "the same resource twice",
        {
            scanResources: [
                { resourceType: "CODE_REPOSITORY", resourceId: "web" },
                { resourceType: "CODE_REPOSITORY", resourceId: "web" },
            ],
        },
        [
            'scanResources[1].resourceId "web" appears twice in the same account and region; resources must be unique',
        ],
    ],
    [
        "findings that break their rules",
        {
            scanResources: [
                {
                    resourceType: "CODE_REPOSITORY",
                    resourceId: "web",
                    findings: [
                        { vulnerabilityId: "", severity: "SEVERE", exploitAvailable: "yes", status: "OPEN" },
                        { vulnerabilityId: "CVE-2", severity: "LOW", fixedInVersion: "2.0" },
                        { vulnerabilityId: "CVE-2", severity: "HIGH" },
                        { vulnerabilityId: "CVE-3", severity: "LOW", cvss: 5 },
                    ],
                },
            ],
        },
        [
            'scanResources[0].findings[0].vulnerabilityId "" must be 1 to 128 characters',
            'scanResources[0].findings[0].severity "SEVERE" must be one of INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL, UNTRIAGED',
            'scanResources[0].findings[0].exploitAvailable "yes" must be true or false',
            'scanResources[0].findings[0].status "OPEN" must be one of ACTIVE, SUPPRESSED, CLOSED',
            'scanResources[0].findings[1].fixedInVersion "2.0" needs packageName: it is a version of that package',
            'scanResources[0].findings[2].vulnerabilityId "CVE-2" appears twice for the same package; a resource has one finding per vulnerability and package',
            "scanResources[0].findings[3].cvss 5 is not a setting; known: vulnerabilityId, severity, title, packageName, packageVersion, fixedInVersion, exploitAvailable, status",
        ],
    ],
    [
        "a negative scan delay",
        { delays: { scanMs: -1 } },
        ["delays.scanMs -1 must be a number of at least 0 (milliseconds from push or enable to scan)"],
    ],
    [
        "a scan delay that is no number",
        { delays: { scanMs: "1s" } },
        ['delays.scanMs "1s" must be a number of at least 0 (milliseconds from push or enable to scan)'],
    ],
];

describe("scanResources and delays.scanMs settings", () => {
    for (const [title, patch, expected] of TABLE) {
        it(`reports ${title}`, () => {
            const problems = problemsOf(patch);
            assert.equal(problems.length, expected.length, problems.join("\n"));
            expected.forEach((problem, index) =>
                problem.startsWith("^")
                    ? assert.match(problems[index], new RegExp(problem))
                    : assert.equal(problems[index], problem),
            );
        });
    }

    it("accepts the defaults and a resource of each type with every member", () => {
        assert.deepEqual(settingsProblems(DEFAULT_SETTINGS), []);
        assert.deepEqual(
            problemsOf({
                delays: { scanMs: 0 },
                scanResources: [
                    {
                        resourceType: "AWS_ECR_CONTAINER_IMAGE",
                        resourceId: IMAGE,
                        accountId: "111122223333",
                        region: "us-east-1",
                        ecrImage: { repositoryName: "web", imageHash: HASH, imageTags: ["1"] },
                        pushedAt: "2026-05-01T12:00:00Z",
                        findings: [
                            {
                                vulnerabilityId: "CVE-1",
                                severity: "HIGH",
                                title: "t",
                                packageName: "p",
                                packageVersion: "1",
                                fixedInVersion: "2",
                                exploitAvailable: false,
                                status: "CLOSED",
                            },
                        ],
                    },
                    {
                        resourceType: "AWS_LAMBDA_FUNCTION",
                        resourceId: FUNCTION,
                        lambdaFunction: { functionName: "web" },
                    },
                    {
                        resourceType: "AWS_EC2_INSTANCE",
                        resourceId: "i-0123456789abcdef0",
                        accountId: "444455556666",
                        region: "eu-west-1",
                        ec2Instance: { platform: "MACOS" },
                        unsupported: "EC2_INSTANCE_STOPPED",
                    },
                    {
                        resourceType: "CODE_REPOSITORY",
                        resourceId: "web",
                        codeRepository: { projectName: "web" },
                    },
                ],
            }),
            [],
        );
    });

    it("refuses invalid scan settings through the admin API and keeps the old ones", async () => {
        const emulator = await startEmulator();
        try {
            const response = await fetch(`${emulator.url}/_emulator/settings`, {
                method: "POST",
                headers: { "x-emulator-token": emulator.adminToken, "content-type": "application/json" },
                body: JSON.stringify({
                    scanResources: [{ resourceType: "AWS_EC2_INSTANCE", resourceId: "web" }],
                }),
            });
            assert.equal(response.status, 400);
            const body = (await response.json()) as { problems: string[] };
            assert.deepEqual(body.problems, [
                'scanResources[0].resourceId "web" must be an EC2 instance ID i- and 8 or 17 lower-case hex digits',
            ]);
            assert.equal(emulator.admin.settings().scanResources, DEFAULT_SETTINGS.scanResources);
        } finally {
            await emulator.close();
        }
    });
});
