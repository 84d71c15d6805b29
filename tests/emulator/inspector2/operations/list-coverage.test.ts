import assert from "node:assert/strict";
import {
    DisableCommand,
    ListCoverageCommand,
    ValidationException,
    paginateListCoverage,
    type CoverageFilterCriteria,
    type CoveredResource,
} from "@aws-sdk/client-inspector2";
import type { ScanResourceSettings } from "../../../../emulator/settings/settings";
import { ADMINISTRATOR, MEMBER, OTHER_MEMBER } from "../inspector2-harness";
import {
    FUNCTION_ARN,
    IMAGE_ARN,
    INSTANCE_ID,
    SCAN_MS,
    startScanHarness,
    type ScanHarness,
} from "../scans/scan-harness";

const ALL_TYPES = ["ECR", "LAMBDA", "EC2", "CODE_REPOSITORY"] as const;

function statuses(resources: readonly CoveredResource[]): [string, string, string][] {
    return resources.map((resource) => [
        resource.resourceId ?? "",
        resource.scanStatus?.statusCode ?? "",
        resource.scanStatus?.reason ?? "",
    ]);
}

describe("inspector2 ListCoverage (through the SDK)", () => {
    let harness: ScanHarness;
    afterEach(async () => harness?.close());

    it("covers nothing while no resource type is scanned", async () => {
        harness = await startScanHarness();
        assert.deepEqual(await harness.coverage(), []);
    });

    it("shows a resource pending for delays.scanMs after its type is enabled, then scanned", async () => {
        harness = await startScanHarness();
        await harness.enable(["ECR"]);
        const enabledAt = harness.clock.now();
        harness.clock.advance(SCAN_MS - 1);
        const pending = await harness.coverage();
        assert.deepEqual(statuses(pending), [[IMAGE_ARN, "ACTIVE", "PENDING_INITIAL_SCAN"]]);
        assert.equal(pending[0].lastScannedAt, undefined);

        harness.clock.advance(1);
        const [scanned] = await harness.coverage();
        assert.deepEqual(statuses([scanned]), [[IMAGE_ARN, "ACTIVE", "SUCCESSFUL"]]);
        assert.equal(scanned.lastScannedAt?.getTime(), enabledAt + SCAN_MS);
        assert.deepEqual(
            {
                accountId: scanned.accountId,
                resourceType: scanned.resourceType,
                scanType: scanned.scanType,
                metadata: scanned.resourceMetadata,
            },
            {
                accountId: ADMINISTRATOR,
                resourceType: "AWS_ECR_CONTAINER_IMAGE",
                scanType: "PACKAGE",
                metadata: {
                    ecrRepository: { name: "team/api", scanFrequency: "SCAN_ON_PUSH" },
                    ecrImage: { tags: ["v1", "stable"] },
                },
            },
        );
    });

    it("counts the scan delay from pushedAt when the resource appears after its type was enabled", async () => {
        harness = await startScanHarness();
        await harness.enable(["ECR"]);
        const pushedAt = harness.clock.now() + 10_000;
        harness.emulator.admin.updateSettings({
            scanResources: [
                {
                    resourceType: "AWS_ECR_CONTAINER_IMAGE",
                    resourceId: IMAGE_ARN,
                    pushedAt: new Date(pushedAt).toISOString(),
                },
            ],
        });
        harness.clock.advance(10_000 - 1);
        assert.deepEqual(await harness.coverage(), [], "not pushed yet");
        harness.clock.advance(1);
        assert.deepEqual(statuses(await harness.coverage()), [[IMAGE_ARN, "ACTIVE", "PENDING_INITIAL_SCAN"]]);
        harness.clock.advance(SCAN_MS);
        const [scanned] = await harness.coverage();
        assert.equal(scanned.lastScannedAt?.getTime(), pushedAt + SCAN_MS);
    });

    it("scans a resource added through the admin API delays.scanMs after the next call sees it", async () => {
        harness = await startScanHarness([]);
        await harness.enable(["LAMBDA"]);
        harness.clock.advance(60_000);
        harness.emulator.admin.updateSettings({
            scanResources: [{ resourceType: "AWS_LAMBDA_FUNCTION", resourceId: FUNCTION_ARN }],
        });
        const seenAt = harness.clock.now();
        assert.deepEqual(statuses(await harness.coverage()), [
            [FUNCTION_ARN, "ACTIVE", "PENDING_INITIAL_SCAN"],
        ]);
        harness.clock.advance(SCAN_MS);
        const [scanned] = await harness.coverage();
        assert.equal(scanned.lastScannedAt?.getTime(), seenAt + SCAN_MS);
    });

    it("reports an unsupported resource INACTIVE with its reason, never scanned", async () => {
        harness = await startScanHarness([
            { resourceType: "AWS_EC2_INSTANCE", resourceId: INSTANCE_ID, unsupported: "UNSUPPORTED_OS" },
        ]);
        await harness.enable(["EC2"]);
        harness.clock.advance(10 * SCAN_MS);
        const [instance] = await harness.coverage();
        assert.deepEqual(statuses([instance]), [[INSTANCE_ID, "INACTIVE", "UNSUPPORTED_OS"]]);
        assert.equal(instance.lastScannedAt, undefined);
        assert.equal(instance.scanMode, "EC2_SSM_AGENT_BASED");
    });

    it("drops a resource while its type is disabled and scans it again after it is enabled again", async () => {
        harness = await startScanHarness();
        await harness.enable(["ECR", "LAMBDA"]);
        harness.clock.advance(SCAN_MS);
        assert.equal((await harness.coverage()).length, 2);

        await harness.client().send(new DisableCommand({ resourceTypes: ["ECR"] }));
        assert.deepEqual(
            statuses(await harness.coverage()),
            [
                [IMAGE_ARN, "INACTIVE", "PENDING_DISABLE"],
                [FUNCTION_ARN, "ACTIVE", "SUCCESSFUL"],
            ],
            "DISABLING",
        );
        harness.clock.advance(60_000);
        assert.deepEqual(
            (await harness.coverage()).map((resource) => resource.resourceId),
            [FUNCTION_ARN],
        );

        await harness.enable(["ECR"]);
        const image = () =>
            harness.coverage({ resourceType: [{ comparison: "EQUALS", value: "AWS_ECR_CONTAINER_IMAGE" }] });
        assert.deepEqual(statuses(await image()), [[IMAGE_ARN, "ACTIVE", "PENDING_INITIAL_SCAN"]]);
        harness.clock.advance(SCAN_MS);
        assert.deepEqual(statuses(await image()), [[IMAGE_ARN, "ACTIVE", "SUCCESSFUL"]]);
    });

    it("covers a type an organisation policy holds ENABLED without an Enable", async () => {
        harness = await startScanHarness(undefined, {
            organizationPolicies: [
                {
                    policyId: "p-examplepolicy",
                    accountIds: [ADMINISTRATOR],
                    resourceTypes: ["LAMBDA"],
                    state: "ENABLED",
                },
            ],
        });
        harness.clock.advance(SCAN_MS);
        assert.deepEqual(statuses(await harness.coverage()), [[FUNCTION_ARN, "ACTIVE", "SUCCESSFUL"]]);
    });

    describe("filters", () => {
        const table: readonly [string, CoverageFilterCriteria, string[]][] = [
            [
                "resourceType",
                { resourceType: [{ comparison: "EQUALS", value: "AWS_LAMBDA_FUNCTION" }] },
                [FUNCTION_ARN],
            ],
            [
                "resourceType NOT_EQUALS, twice",
                {
                    resourceType: [
                        { comparison: "NOT_EQUALS", value: "AWS_LAMBDA_FUNCTION" },
                        { comparison: "NOT_EQUALS", value: "CODE_REPOSITORY" },
                    ],
                },
                [INSTANCE_ID, IMAGE_ARN],
            ],
            ["resourceId", { resourceId: [{ comparison: "EQUALS", value: INSTANCE_ID }] }, [INSTANCE_ID]],
            [
                "resourceId, either of two",
                {
                    resourceId: [
                        { comparison: "EQUALS", value: INSTANCE_ID },
                        { comparison: "EQUALS", value: FUNCTION_ARN },
                    ],
                },
                [INSTANCE_ID, FUNCTION_ARN],
            ],
            ["accountId", { accountId: [{ comparison: "EQUALS", value: MEMBER }] }, []],
            ["scanType", { scanType: [{ comparison: "EQUALS", value: "CODE" }] }, ["payments-service"]],
            [
                "scanStatusCode",
                { scanStatusCode: [{ comparison: "EQUALS", value: "INACTIVE" }] },
                [INSTANCE_ID],
            ],
            [
                "scanStatusReason",
                { scanStatusReason: [{ comparison: "EQUALS", value: "UNSUPPORTED_OS" }] },
                [INSTANCE_ID],
            ],
            [
                "ecrRepositoryName",
                { ecrRepositoryName: [{ comparison: "EQUALS", value: "team/api" }] },
                [IMAGE_ARN],
            ],
            ["ecrImageTags", { ecrImageTags: [{ comparison: "EQUALS", value: "stable" }] }, [IMAGE_ARN]],
            [
                "lambdaFunctionName",
                { lambdaFunctionName: [{ comparison: "EQUALS", value: "orders" }] },
                [FUNCTION_ARN],
            ],
            [
                "lambdaFunctionRuntime",
                { lambdaFunctionRuntime: [{ comparison: "EQUALS", value: "PYTHON_3_11" }] },
                [FUNCTION_ARN],
            ],
            [
                "codeRepositoryProjectName",
                { codeRepositoryProjectName: [{ comparison: "EQUALS", value: "payments-service" }] },
                ["payments-service"],
            ],
            [
                "scanMode",
                { scanMode: [{ comparison: "EQUALS", value: "EC2_SSM_AGENT_BASED" }] },
                [INSTANCE_ID],
            ],
            [
                "lastScannedAt (the unsupported instance has none)",
                { lastScannedAt: [{ startInclusive: new Date(0) }] },
                [IMAGE_ARN, FUNCTION_ARN, "payments-service"],
            ],
            [
                "a tag the resources do not have",
                { lambdaFunctionTags: [{ comparison: "EQUALS", key: "team" }] },
                [],
            ],
            [
                "two fields at once (AND)",
                {
                    scanStatusCode: [{ comparison: "EQUALS", value: "ACTIVE" }],
                    scanType: [{ comparison: "EQUALS", value: "PACKAGE" }],
                },
                [IMAGE_ARN, FUNCTION_ARN],
            ],
        ];
        const resources: ScanResourceSettings[] = [
            {
                resourceType: "AWS_ECR_CONTAINER_IMAGE",
                resourceId: IMAGE_ARN,
                ecrImage: { imageTags: ["v1", "stable"] },
            },
            {
                resourceType: "AWS_LAMBDA_FUNCTION",
                resourceId: FUNCTION_ARN,
                lambdaFunction: { runtime: "PYTHON_3_11" },
            },
            { resourceType: "AWS_EC2_INSTANCE", resourceId: INSTANCE_ID, unsupported: "UNSUPPORTED_OS" },
            { resourceType: "CODE_REPOSITORY", resourceId: "payments-service" },
        ];
        for (const [title, criteria, expected] of table) {
            it(`honours ${title}`, async () => {
                harness = await startScanHarness(resources);
                await harness.enable([...ALL_TYPES]);
                harness.clock.advance(SCAN_MS);
                const found = await harness.coverage(criteria);
                assert.deepEqual(found.map((resource) => resource.resourceId).sort(), [...expected].sort());
            });
        }
    });

    it("shows the administrator its members' resources and a member only its own", async () => {
        const resource = (accountId: string, name: string): ScanResourceSettings => ({
            resourceType: "AWS_LAMBDA_FUNCTION",
            resourceId: `arn:aws:lambda:us-east-1:${accountId}:function:${name}`,
        });
        harness = await startScanHarness([
            resource(ADMINISTRATOR, "admin-fn"),
            resource(MEMBER, "member-fn"),
            resource(OTHER_MEMBER, "other-fn"),
        ]);
        await harness.enable(["LAMBDA"], [ADMINISTRATOR, MEMBER, OTHER_MEMBER]);
        const byAdministrator = await harness.coverage();
        assert.deepEqual(
            byAdministrator.map((covered) => covered.accountId),
            [ADMINISTRATOR, MEMBER, OTHER_MEMBER].sort(),
        );
        const byMember = await harness.client(MEMBER).send(new ListCoverageCommand({}));
        assert.deepEqual(
            byMember.coveredResources?.map((covered) => covered.accountId),
            [MEMBER],
        );
    });

    it("covers only the caller's region", async () => {
        harness = await startScanHarness();
        await harness.enable(["ECR", "LAMBDA"]);
        const elsewhere = await harness.client(ADMINISTRATOR, "eu-west-1").send(new ListCoverageCommand({}));
        assert.deepEqual(elsewhere.coveredResources, []);
    });

    it("pages through every resource once with maxResults and nextToken", async () => {
        const functions = Array.from({ length: 7 }, (_, index) => ({
            resourceType: "AWS_LAMBDA_FUNCTION" as const,
            resourceId: `arn:aws:lambda:us-east-1:${ADMINISTRATOR}:function:fn-${index}`,
        }));
        harness = await startScanHarness(functions);
        await harness.enable(["LAMBDA"]);
        const seen: string[] = [];
        let pages = 0;
        for await (const page of paginateListCoverage({ client: harness.client(), pageSize: 3 }, {})) {
            seen.push(...(page.coveredResources ?? []).map((resource) => resource.resourceId ?? ""));
            pages++;
        }
        assert.deepEqual(
            seen,
            functions.map((fn) => fn.resourceId),
        );
        assert.equal(pages, 3);
    });

    it("validates the input against the model", async () => {
        harness = await startScanHarness();
        await assert.rejects(
            harness.client().send(
                new ListCoverageCommand({
                    maxResults: 201,
                    filterCriteria: { resourceId: [{ comparison: "PREFIX" as never, value: "arn" }] },
                }),
            ),
            (error) => {
                assert.ok(error instanceof ValidationException);
                assert.deepEqual(
                    error.fields?.map((field) => field.name),
                    ["maxResults", "filterCriteria.resourceId[0].comparison"],
                );
                return true;
            },
        );
    });

    it("refuses a nextToken of another listing", async () => {
        harness = await startScanHarness();
        await assert.rejects(
            harness.client().send(new ListCoverageCommand({ nextToken: "not-a-token" })),
            (error) => {
                assert.ok(error instanceof ValidationException);
                assert.match(error.message, /^nextToken 'not-a-token' is not a token this listing returned/);
                return true;
            },
        );
    });
});
