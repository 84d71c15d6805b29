import assert from "node:assert/strict";
import {
    ListFindingAggregationsCommand,
    ValidationException,
    paginateListFindingAggregations,
    type AggregationResponse,
    type ListFindingAggregationsCommandInput,
} from "@aws-sdk/client-inspector2";
import type { ScanResourceSettings } from "../../../../emulator/settings/settings";
import { ADMINISTRATOR, MEMBER } from "../inspector2-harness";
import {
    FUNCTION_ARN,
    IMAGE_ARN,
    IMAGE_HASH,
    INSTANCE_ID,
    SCAN_MS,
    TEST_RESOURCES,
    startScanHarness,
    type ScanHarness,
} from "../scans/scan-harness";

const ALL_TYPES = ["ECR", "LAMBDA", "EC2", "CODE_REPOSITORY"] as const;

const SECOND_IMAGE = `arn:aws:ecr:us-east-1:${ADMINISTRATOR}:repository/team/api/sha256:${"b".repeat(64)}`;
const MEMBER_FUNCTION = `arn:aws:lambda:us-east-1:${MEMBER}:function:member-fn`;

/** The test set plus a second image of the same repository and a member's function. */
const RESOURCES: readonly ScanResourceSettings[] = [
    ...TEST_RESOURCES,
    {
        resourceType: "AWS_ECR_CONTAINER_IMAGE",
        resourceId: SECOND_IMAGE,
        findings: [
            { vulnerabilityId: "CVE-2024-0002", severity: "HIGH", packageName: "zlib" },
            { vulnerabilityId: "CVE-2024-0006", severity: "HIGH", packageName: "curl", status: "CLOSED" },
        ],
    },
    {
        resourceType: "AWS_LAMBDA_FUNCTION",
        resourceId: MEMBER_FUNCTION,
        findings: [
            {
                vulnerabilityId: "CVE-2024-0007",
                severity: "CRITICAL",
                packageName: "lodash",
                fixedInVersion: "4.17.21",
            },
        ],
    },
];

type Counts = { all?: number; critical?: number; high?: number; medium?: number };

describe("inspector2 ListFindingAggregations (through the SDK)", () => {
    let harness: ScanHarness;
    afterEach(async () => harness?.close());

    async function scanned(resources: readonly ScanResourceSettings[] = RESOURCES): Promise<void> {
        harness = await startScanHarness(resources);
        await harness.enable([...ALL_TYPES], [ADMINISTRATOR, MEMBER]);
        harness.clock.advance(SCAN_MS);
    }

    async function aggregate(input: ListFindingAggregationsCommandInput): Promise<AggregationResponse[]> {
        const answer = await harness.client().send(new ListFindingAggregationsCommand(input));
        assert.equal(answer.aggregationType, input.aggregationType);
        return answer.responses ?? [];
    }

    /** Each entry's member of the union, reduced to [what it is about, its severity counts]. */
    function summary(
        responses: readonly AggregationResponse[],
        about: (entry: Record<string, unknown>) => unknown,
    ) {
        return responses.map((response) => {
            const entry = Object.values(response).find((value) => value !== undefined) as Record<
                string,
                unknown
            >;
            return [about(entry), entry.severityCounts as Counts];
        });
    }

    it("counts each account's ACTIVE findings by severity (ACCOUNT), ignoring SUPPRESSED and CLOSED ones", async () => {
        await scanned();
        const responses = await aggregate({ aggregationType: "ACCOUNT" });
        assert.deepEqual(
            responses.map((response) => response.accountAggregation),
            [
                {
                    accountId: ADMINISTRATOR,
                    severityCounts: { all: 6, critical: 1, high: 2, medium: 1 },
                    exploitAvailableCount: 1,
                    fixAvailableCount: 2,
                },
                {
                    accountId: MEMBER,
                    severityCounts: { all: 1, critical: 1, high: 0, medium: 0 },
                    exploitAvailableCount: 0,
                    fixAvailableCount: 1,
                },
            ],
        );
    });

    it("counts per ECR image (AWS_ECR_CONTAINER), filtered by resource ID or digest", async () => {
        await scanned();
        const all = await aggregate({ aggregationType: "AWS_ECR_CONTAINER" });
        assert.deepEqual(
            summary(all, (entry) => entry.resourceId),
            [
                [IMAGE_ARN, { all: 2, critical: 1, high: 1, medium: 0 }],
                [SECOND_IMAGE, { all: 1, critical: 0, high: 1, medium: 0 }],
            ],
        );
        assert.deepEqual(
            {
                imageSha: all[0].awsEcrContainerAggregation?.imageSha,
                repository: all[0].awsEcrContainerAggregation?.repository,
                imageTags: all[0].awsEcrContainerAggregation?.imageTags,
                accountId: all[0].awsEcrContainerAggregation?.accountId,
            },
            {
                imageSha: IMAGE_HASH,
                repository: "team/api",
                imageTags: ["v1", "stable"],
                accountId: ADMINISTRATOR,
            },
        );
        const one = await aggregate({
            aggregationType: "AWS_ECR_CONTAINER",
            aggregationRequest: {
                awsEcrContainerAggregation: { imageShas: [{ comparison: "EQUALS", value: IMAGE_HASH }] },
            },
        });
        assert.deepEqual(
            one.map((response) => response.awsEcrContainerAggregation?.resourceId),
            [IMAGE_ARN],
        );
    });

    it("counts per Lambda function (AWS_LAMBDA_FUNCTION), filtered by name", async () => {
        await scanned();
        const responses = await aggregate({
            aggregationType: "AWS_LAMBDA_FUNCTION",
            aggregationRequest: {
                lambdaFunctionAggregation: { functionNames: [{ comparison: "EQUALS", value: "orders" }] },
            },
        });
        assert.deepEqual(
            summary(responses, (entry) => [entry.resourceId, entry.functionName, entry.runtime]),
            [[[FUNCTION_ARN, "orders", "PYTHON_3_11"], { all: 1, critical: 0, high: 0, medium: 1 }]],
        );
    });

    it("counts per EC2 instance (AWS_EC2_INSTANCE), filtered by instance ID", async () => {
        await scanned();
        const responses = await aggregate({
            aggregationType: "AWS_EC2_INSTANCE",
            aggregationRequest: {
                ec2InstanceAggregation: { instanceIds: [{ comparison: "EQUALS", value: INSTANCE_ID }] },
            },
        });
        assert.deepEqual(
            summary(responses, (entry) => [entry.instanceId, entry.operatingSystem]),
            [[[INSTANCE_ID, "WINDOWS"], { all: 1, critical: 0, high: 0, medium: 0 }]],
        );
        const ami = responses[0].ec2InstanceAggregation?.ami ?? "";
        const byAmi = await aggregate({ aggregationType: "AMI" });
        assert.deepEqual(
            byAmi.map((response) => [
                response.amiAggregation?.ami,
                response.amiAggregation?.affectedInstances,
            ]),
            [[ami, 1]],
        );
    });

    const grouped: readonly [
        string,
        ListFindingAggregationsCommandInput,
        (entry: Record<string, unknown>) => unknown,
        unknown[],
    ][] = [
        [
            "per code repository (CODE_REPOSITORY)",
            { aggregationType: "CODE_REPOSITORY" },
            (entry) => entry.projectNames,
            [["payments-service", { all: 1, critical: 0, high: 0, medium: 0 }]],
        ],
        [
            "per repository with its affected images (REPOSITORY)",
            { aggregationType: "REPOSITORY" },
            (entry) => [entry.repository, entry.affectedImages],
            [[["team/api", 2], { all: 3, critical: 1, high: 2, medium: 0 }]],
        ],
        [
            "per package (PACKAGE), filtered by name",
            {
                aggregationType: "PACKAGE",
                aggregationRequest: {
                    packageAggregation: { packageNames: [{ comparison: "EQUALS", value: "zlib" }] },
                },
            },
            (entry) => entry.packageName,
            [["zlib", { all: 2, critical: 0, high: 2, medium: 0 }]],
        ],
        [
            "per title (TITLE), filtered by vulnerability ID",
            {
                aggregationType: "TITLE",
                aggregationRequest: {
                    titleAggregation: { vulnerabilityIds: [{ comparison: "PREFIX", value: "GHSA-" }] },
                },
            },
            (entry) => [entry.title, entry.vulnerabilityId],
            [
                [
                    ["requests leaks credentials", "GHSA-aaaa-bbbb-cccc"],
                    { all: 1, critical: 0, high: 0, medium: 1 },
                ],
            ],
        ],
        [
            "per account for one resource type (FINDING_TYPE)",
            {
                aggregationType: "FINDING_TYPE",
                aggregationRequest: { findingTypeAggregation: { resourceType: "AWS_LAMBDA_FUNCTION" } },
            },
            (entry) => entry.accountId,
            [
                [MEMBER, { all: 1, critical: 1, high: 0, medium: 0 }],
                [ADMINISTRATOR, { all: 1, critical: 0, high: 0, medium: 1 }],
            ],
        ],
        [
            "per account for one finding type (ACCOUNT)",
            {
                aggregationType: "ACCOUNT",
                aggregationRequest: { accountAggregation: { findingType: "CODE_VULNERABILITY" } },
            },
            (entry) => entry.accountId,
            [[ADMINISTRATOR, { all: 1, critical: 0, high: 0, medium: 0 }]],
        ],
        ["nothing for image layers (IMAGE_LAYER)", { aggregationType: "IMAGE_LAYER" }, () => undefined, []],
    ];
    for (const [title, input, about, expected] of grouped) {
        it(`counts ${title}`, async () => {
            await scanned();
            assert.deepEqual(summary(await aggregate(input), about), expected);
        });
    }

    it("keeps to the accounts of accountIds", async () => {
        await scanned();
        const responses = await aggregate({
            aggregationType: "AWS_LAMBDA_FUNCTION",
            accountIds: [{ comparison: "EQUALS", value: MEMBER }],
        });
        assert.deepEqual(
            responses.map((response) => response.lambdaFunctionAggregation?.resourceId),
            [MEMBER_FUNCTION],
        );
    });

    it("sorts by sortBy and sortOrder, by default most CRITICAL first", async () => {
        await scanned();
        const ids = (responses: AggregationResponse[]) =>
            responses.map((response) => response.awsEcrContainerAggregation?.resourceId);
        assert.deepEqual(ids(await aggregate({ aggregationType: "AWS_ECR_CONTAINER" })), [
            IMAGE_ARN,
            SECOND_IMAGE,
        ]);
        const ascending = await aggregate({
            aggregationType: "AWS_ECR_CONTAINER",
            aggregationRequest: { awsEcrContainerAggregation: { sortBy: "ALL", sortOrder: "ASC" } },
        });
        assert.deepEqual(ids(ascending), [SECOND_IMAGE, IMAGE_ARN]);
        const byHigh = await aggregate({
            aggregationType: "AWS_ECR_CONTAINER",
            aggregationRequest: { awsEcrContainerAggregation: { sortBy: "HIGH", sortOrder: "DESC" } },
        });
        assert.deepEqual(ids(byHigh), [IMAGE_ARN, SECOND_IMAGE], "equal HIGH counts: by resource");
    });

    it("pages through every group once", async () => {
        const functions: ScanResourceSettings[] = Array.from({ length: 5 }, (_, index) => ({
            resourceType: "AWS_LAMBDA_FUNCTION",
            resourceId: `arn:aws:lambda:us-east-1:${ADMINISTRATOR}:function:fn-${index}`,
            findings: Array.from({ length: index + 1 }, (__, count) => ({
                vulnerabilityId: `CVE-2024-30${count}`,
                severity: "CRITICAL" as const,
            })),
        }));
        await scanned(functions);
        const seen: unknown[] = [];
        let pages = 0;
        for await (const page of paginateListFindingAggregations(
            { client: harness.client(), pageSize: 2 },
            { aggregationType: "AWS_LAMBDA_FUNCTION" },
        )) {
            seen.push(
                ...(page.responses ?? []).map((response) => response.lambdaFunctionAggregation?.functionName),
            );
            pages++;
        }
        assert.deepEqual(seen, ["fn-4", "fn-3", "fn-2", "fn-1", "fn-0"]);
        assert.equal(pages, 3);
    });

    it("leaves out resources still waiting for their scan", async () => {
        harness = await startScanHarness(RESOURCES);
        await harness.enable(["ECR"]);
        assert.deepEqual(await aggregate({ aggregationType: "AWS_ECR_CONTAINER" }), []);
        harness.clock.advance(SCAN_MS);
        assert.equal((await aggregate({ aggregationType: "AWS_ECR_CONTAINER" })).length, 2);
    });

    it("sees findings changed through the admin API on the next call", async () => {
        await scanned([TEST_RESOURCES[0]]);
        const critical = async () =>
            (await aggregate({ aggregationType: "AWS_ECR_CONTAINER" }))[0]?.awsEcrContainerAggregation
                ?.severityCounts?.critical;
        assert.equal(await critical(), 1);
        const image = TEST_RESOURCES[0];
        harness.emulator.admin.updateSettings({
            scanResources: [
                { ...image, findings: image.findings!.filter((finding) => finding.severity !== "CRITICAL") },
            ],
        });
        assert.equal(await critical(), 0);
    });

    it("refuses an aggregation request of another type", async () => {
        await scanned();
        await assert.rejects(
            aggregate({
                aggregationType: "ACCOUNT",
                aggregationRequest: { lambdaFunctionAggregation: {} },
            }),
            (error) => {
                assert.ok(error instanceof ValidationException);
                assert.equal(
                    error.message,
                    "aggregationRequest.lambdaFunctionAggregation does not go with aggregationType ACCOUNT; use aggregationRequest.accountAggregation or leave aggregationRequest out.",
                );
                return true;
            },
        );
    });

    it("validates the input against the model", async () => {
        await scanned();
        await assert.rejects(aggregate({ aggregationType: "COLOUR" as never, maxResults: 0 }), (error) => {
            assert.ok(error instanceof ValidationException);
            assert.deepEqual(
                error.fields?.map((field) => field.name),
                ["aggregationType", "maxResults"],
            );
            return true;
        });
    });
});
