import assert from "node:assert/strict";
import {
    DisableCommand,
    ListFindingsCommand,
    ValidationException,
    paginateListFindings,
    type FilterCriteria,
    type Finding,
    type SortCriteria,
} from "@aws-sdk/client-inspector2";
import type { ScanFindingSettings, ScanResourceSettings } from "../../../../emulator/settings/settings";
import { ADMINISTRATOR, MEMBER } from "../inspector2-harness";
import {
    FUNCTION_ARN,
    IMAGE_ARN,
    IMAGE_HASH,
    INSTANCE_ID,
    SCAN_MS,
    TEST_RESOURCES,
    listFindings,
    startScanHarness,
    vulnerabilityIds,
    type ScanHarness,
} from "../scans/scan-harness";

const ALL_TYPES = ["ECR", "LAMBDA", "EC2", "CODE_REPOSITORY"] as const;
const FINDING_ARN = /^arn:aws:inspector2:us-east-1:\d{12}:finding\/[a-f0-9]{32}$/;

describe("inspector2 ListFindings (through the SDK)", () => {
    let harness: ScanHarness;
    afterEach(async () => harness?.close());

    /** The test resources, every type enabled and scanned. */
    async function scanned(resources: readonly ScanResourceSettings[] = TEST_RESOURCES): Promise<number> {
        harness = await startScanHarness(resources);
        await harness.enable([...ALL_TYPES]);
        const scannedAt = harness.clock.now() + SCAN_MS;
        harness.clock.advance(SCAN_MS);
        return scannedAt;
    }

    it("lists no finding of a resource until its scan is done", async () => {
        harness = await startScanHarness();
        await harness.enable(["ECR"]);
        harness.clock.advance(SCAN_MS - 1);
        assert.deepEqual(await harness.findings(), []);
        harness.clock.advance(1);
        assert.deepEqual(vulnerabilityIds(await harness.findings()), [
            "CVE-2024-0001",
            "CVE-2024-0002",
            "CVE-2024-0003",
        ]);
    });

    it("answers a full Finding for a package vulnerability, observed when the resource was scanned", async () => {
        const scannedAt = await scanned();
        const [critical] = await harness.findings({
            severity: [{ comparison: "EQUALS", value: "CRITICAL" }],
        });
        assert.match(critical.findingArn ?? "", FINDING_ARN);
        assert.deepEqual(
            {
                awsAccountId: critical.awsAccountId,
                type: critical.type,
                status: critical.status,
                title: critical.title,
                fixAvailable: critical.fixAvailable,
                exploitAvailable: critical.exploitAvailable,
                inspectorScore: critical.inspectorScore,
                remediation: critical.remediation?.recommendation?.text,
                firstObservedAt: critical.firstObservedAt?.getTime(),
                lastObservedAt: critical.lastObservedAt?.getTime(),
                resource: {
                    type: critical.resources?.[0].type,
                    id: critical.resources?.[0].id,
                    region: critical.resources?.[0].region,
                    repositoryName: critical.resources?.[0].details?.awsEcrContainerImage?.repositoryName,
                    imageHash: critical.resources?.[0].details?.awsEcrContainerImage?.imageHash,
                    imageTags: critical.resources?.[0].details?.awsEcrContainerImage?.imageTags,
                },
                vulnerability: {
                    id: critical.packageVulnerabilityDetails?.vulnerabilityId,
                    source: critical.packageVulnerabilityDetails?.source,
                    sourceUrl: critical.packageVulnerabilityDetails?.sourceUrl,
                    packages: critical.packageVulnerabilityDetails?.vulnerablePackages?.map((item) => [
                        item.name,
                        item.version,
                        item.fixedInVersion,
                    ]),
                },
            },
            {
                awsAccountId: ADMINISTRATOR,
                type: "PACKAGE_VULNERABILITY",
                status: "ACTIVE",
                title: "CVE-2024-0001 - openssl",
                fixAvailable: "YES",
                exploitAvailable: "YES",
                inspectorScore: 9.8,
                remediation: "Upgrade openssl to 3.0.9 or later.",
                firstObservedAt: scannedAt,
                lastObservedAt: scannedAt,
                resource: {
                    type: "AWS_ECR_CONTAINER_IMAGE",
                    id: IMAGE_ARN,
                    region: "us-east-1",
                    repositoryName: "team/api",
                    imageHash: IMAGE_HASH,
                    imageTags: ["v1", "stable"],
                },
                vulnerability: {
                    id: "CVE-2024-0001",
                    source: "NVD",
                    sourceUrl: "https://nvd.nist.gov/vuln/detail/CVE-2024-0001",
                    packages: [["openssl", "3.0.1", "3.0.9"]],
                },
            },
        );
    });

    it("keeps a finding's ARN from call to call and run to run", async () => {
        await scanned();
        const first = (await harness.findings()).map((finding) => finding.findingArn);
        await harness.close();
        await scanned();
        const second = (await harness.findings()).map((finding) => finding.findingArn);
        assert.deepEqual(second, first);
        assert.equal(new Set(first).size, 6);
    });

    it("reports a code repository's findings as CODE_VULNERABILITY with the detector", async () => {
        await scanned();
        const [code] = await harness.findings({
            findingType: [{ comparison: "EQUALS", value: "CODE_VULNERABILITY" }],
        });
        assert.equal(code.resources?.[0].details?.codeRepository?.projectName, "payments-service");
        assert.equal(code.codeVulnerabilityDetails?.detectorId, "python/sql-injection@v1.0");
        assert.equal(code.packageVulnerabilityDetails, undefined);
        assert.equal(code.severity, "UNTRIAGED");
    });

    describe("filters", () => {
        const table: readonly [string, () => FilterCriteria, string[]][] = [
            ["severity", () => ({ severity: [{ comparison: "EQUALS", value: "HIGH" }] }), ["CVE-2024-0002"]],
            [
                "severity, either of two",
                () => ({
                    severity: [
                        { comparison: "EQUALS", value: "CRITICAL" },
                        { comparison: "EQUALS", value: "HIGH" },
                    ],
                }),
                ["CVE-2024-0001", "CVE-2024-0002"],
            ],
            [
                "severity NOT_EQUALS, twice",
                () => ({
                    severity: [
                        { comparison: "NOT_EQUALS", value: "UNTRIAGED" },
                        { comparison: "NOT_EQUALS", value: "INFORMATIONAL" },
                    ],
                }),
                ["CVE-2024-0001", "CVE-2024-0002", "CVE-2024-0003", "GHSA-aaaa-bbbb-cccc"],
            ],
            [
                "findingStatus",
                () => ({ findingStatus: [{ comparison: "EQUALS", value: "SUPPRESSED" }] }),
                ["CVE-2024-0003"],
            ],
            ["awsAccountId", () => ({ awsAccountId: [{ comparison: "EQUALS", value: MEMBER }] }), []],
            [
                "findingType",
                () => ({ findingType: [{ comparison: "EQUALS", value: "CODE_VULNERABILITY" }] }),
                ["python/sql-injection@v1.0"],
            ],
            [
                "resourceType",
                () => ({ resourceType: [{ comparison: "EQUALS", value: "AWS_EC2_INSTANCE" }] }),
                ["CVE-2024-0004"],
            ],
            [
                "resourceId",
                () => ({ resourceId: [{ comparison: "EQUALS", value: FUNCTION_ARN }] }),
                ["GHSA-aaaa-bbbb-cccc"],
            ],
            [
                "resourceId PREFIX",
                () => ({ resourceId: [{ comparison: "PREFIX", value: "arn:aws:ecr:" }] }),
                ["CVE-2024-0001", "CVE-2024-0002", "CVE-2024-0003"],
            ],
            [
                "title PREFIX",
                () => ({ title: [{ comparison: "PREFIX", value: "requests" }] }),
                ["GHSA-aaaa-bbbb-cccc"],
            ],
            [
                "ecrImageHash",
                () => ({ ecrImageHash: [{ comparison: "EQUALS", value: IMAGE_HASH }] }),
                ["CVE-2024-0001", "CVE-2024-0002", "CVE-2024-0003"],
            ],
            [
                "ecrImageRepositoryName",
                () => ({ ecrImageRepositoryName: [{ comparison: "EQUALS", value: "other" }] }),
                [],
            ],
            [
                "ecrImageTags",
                () => ({ ecrImageTags: [{ comparison: "EQUALS", value: "v1" }] }),
                ["CVE-2024-0001", "CVE-2024-0002", "CVE-2024-0003"],
            ],
            [
                "ecrImageRegistry",
                () => ({ ecrImageRegistry: [{ comparison: "EQUALS", value: ADMINISTRATOR }] }),
                ["CVE-2024-0001", "CVE-2024-0002", "CVE-2024-0003"],
            ],
            [
                "vulnerabilityId",
                () => ({ vulnerabilityId: [{ comparison: "EQUALS", value: "CVE-2024-0002" }] }),
                ["CVE-2024-0002"],
            ],
            [
                "vulnerabilityId PREFIX",
                () => ({ vulnerabilityId: [{ comparison: "PREFIX", value: "GHSA-" }] }),
                ["GHSA-aaaa-bbbb-cccc"],
            ],
            [
                "fixAvailable",
                () => ({ fixAvailable: [{ comparison: "EQUALS", value: "YES" }] }),
                ["CVE-2024-0001", "CVE-2024-0003", "GHSA-aaaa-bbbb-cccc"],
            ],
            [
                "exploitAvailable",
                () => ({ exploitAvailable: [{ comparison: "EQUALS", value: "YES" }] }),
                ["CVE-2024-0001"],
            ],
            [
                "lambdaFunctionName",
                () => ({ lambdaFunctionName: [{ comparison: "EQUALS", value: "orders" }] }),
                ["GHSA-aaaa-bbbb-cccc"],
            ],
            [
                "lambdaFunctionRuntime",
                () => ({ lambdaFunctionRuntime: [{ comparison: "EQUALS", value: "PYTHON_3_11" }] }),
                ["GHSA-aaaa-bbbb-cccc"],
            ],
            [
                "codeRepositoryProjectName",
                () => ({ codeRepositoryProjectName: [{ comparison: "EQUALS", value: "payments-service" }] }),
                ["python/sql-injection@v1.0"],
            ],
            [
                "inspectorScore",
                () => ({ inspectorScore: [{ lowerInclusive: 7, upperInclusive: 10 }] }),
                ["CVE-2024-0001", "CVE-2024-0002"],
            ],
            [
                "vulnerablePackages by name and version",
                () => ({
                    vulnerablePackages: [
                        {
                            name: { comparison: "EQUALS", value: "zlib" },
                            version: { comparison: "PREFIX", value: "1.2" },
                        },
                    ],
                }),
                ["CVE-2024-0002"],
            ],
            [
                "lastObservedAt after the scan",
                () => ({ lastObservedAt: [{ startInclusive: new Date(Date.now() + 86_400_000) }] }),
                [],
            ],
            [
                "firstObservedAt around the scan",
                () => ({
                    firstObservedAt: [
                        { startInclusive: new Date(0), endInclusive: new Date(Date.now() + 86_400_000) },
                    ],
                }),
                [
                    "CVE-2024-0001",
                    "CVE-2024-0002",
                    "CVE-2024-0003",
                    "CVE-2024-0004",
                    "GHSA-aaaa-bbbb-cccc",
                    "python/sql-injection@v1.0",
                ],
            ],
            [
                "a field emulated findings have no value for",
                () => ({ networkProtocol: [{ comparison: "EQUALS", value: "TCP" }] }),
                [],
            ],
            [
                "two fields at once (AND)",
                () => ({
                    resourceId: [{ comparison: "EQUALS", value: IMAGE_ARN }],
                    findingStatus: [{ comparison: "EQUALS", value: "ACTIVE" }],
                }),
                ["CVE-2024-0001", "CVE-2024-0002"],
            ],
        ];
        for (const [title, criteria, expected] of table) {
            it(`honours ${title}`, async () => {
                await scanned();
                assert.deepEqual(vulnerabilityIds(await harness.findings(criteria())), expected);
            });
        }
    });

    describe("sorting", () => {
        const table: readonly [SortCriteria, string[]][] = [
            [
                { field: "SEVERITY", sortOrder: "DESC" },
                ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNTRIAGED"],
            ],
            [
                { field: "SEVERITY", sortOrder: "ASC" },
                ["UNTRIAGED", "INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL"],
            ],
            [
                { field: "INSPECTOR_SCORE", sortOrder: "DESC" },
                ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNTRIAGED"],
            ],
        ];
        for (const [sortCriteria, severities] of table) {
            it(`sorts by ${sortCriteria.field} ${sortCriteria.sortOrder}, across pages`, async () => {
                await scanned();
                const found: Finding[] = [];
                let pages = 0;
                for await (const page of paginateListFindings(
                    { client: harness.client(), pageSize: 4 },
                    { sortCriteria },
                )) {
                    found.push(...(page.findings ?? []));
                    pages++;
                }
                assert.deepEqual(
                    found.map((finding) => finding.severity),
                    severities,
                );
                assert.equal(pages, 2);
            });
        }

        it("breaks ties by finding ARN, and sorts by ARN without sortCriteria", async () => {
            const findings: ScanFindingSettings[] = Array.from({ length: 5 }, (_, index) => ({
                vulnerabilityId: `CVE-2024-100${index}`,
                severity: "HIGH",
            }));
            await scanned([{ resourceType: "AWS_LAMBDA_FUNCTION", resourceId: FUNCTION_ARN, findings }]);
            const arns = (await harness.findings()).map((finding) => finding.findingArn ?? "");
            assert.deepEqual(arns, [...arns].sort());
            const bySeverity = await listFindings(harness, {
                sortCriteria: { field: "SEVERITY", sortOrder: "DESC" },
            });
            assert.deepEqual(
                bySeverity.findings?.map((finding) => finding.findingArn),
                arns,
            );
        });

        it("sorts by VULNERABILITY_ID", async () => {
            await scanned();
            const answer = await listFindings(harness, {
                sortCriteria: { field: "VULNERABILITY_ID", sortOrder: "ASC" },
            });
            const ids = vulnerabilityIds(answer.findings ?? []);
            assert.deepEqual(
                answer.findings?.map(
                    (finding) =>
                        finding.packageVulnerabilityDetails?.vulnerabilityId ??
                        finding.codeVulnerabilityDetails?.ruleId,
                ),
                ids,
            );
        });

        it("refuses a nextToken handed out for another sort", async () => {
            await scanned();
            const first = await listFindings(harness, {
                maxResults: 2,
                sortCriteria: { field: "SEVERITY", sortOrder: "DESC" },
            });
            assert.ok(first.nextToken);
            await assert.rejects(
                listFindings(harness, {
                    nextToken: first.nextToken,
                    sortCriteria: { field: "SEVERITY", sortOrder: "ASC" },
                }),
                (error) => {
                    assert.ok(error instanceof ValidationException);
                    assert.match(error.message, /belongs to ListFindings sorted by SEVERITY DESC/);
                    return true;
                },
            );
        });
    });

    it("answers at most 25 findings a page, as the model's FindingList allows", async () => {
        const findings: ScanFindingSettings[] = Array.from({ length: 30 }, (_, index) => ({
            vulnerabilityId: `CVE-2024-2${String(index).padStart(3, "0")}`,
            severity: "LOW",
        }));
        await scanned([{ resourceType: "AWS_EC2_INSTANCE", resourceId: INSTANCE_ID, findings }]);
        const first = await listFindings(harness, { maxResults: 100 });
        assert.equal(first.findings?.length, 25);
        const second = await listFindings(harness, { maxResults: 100, nextToken: first.nextToken });
        assert.equal(second.findings?.length, 5);
        assert.equal(second.nextToken, undefined);
        assert.equal(
            new Set([...first.findings!, ...second.findings!].map((finding) => finding.findingArn)).size,
            30,
        );
    });

    it("sees a change of findings through the admin API on the next call, without a new scan", async () => {
        await scanned([TEST_RESOURCES[1]]);
        const active = { findingStatus: [{ comparison: "EQUALS" as const, value: "ACTIVE" }] };
        assert.deepEqual(vulnerabilityIds(await harness.findings(active)), ["GHSA-aaaa-bbbb-cccc"]);

        const resource = TEST_RESOURCES[1];
        harness.emulator.admin.updateSettings({
            scanResources: [
                {
                    ...resource,
                    findings: [
                        { ...resource.findings![0], status: "CLOSED" },
                        { vulnerabilityId: "CVE-2024-9999", severity: "CRITICAL", packageName: "urllib3" },
                    ],
                },
            ],
        });
        assert.deepEqual(vulnerabilityIds(await harness.findings(active)), ["CVE-2024-9999"]);
        assert.deepEqual(vulnerabilityIds(await harness.findings()), [
            "CVE-2024-9999",
            "GHSA-aaaa-bbbb-cccc",
        ]);

        harness.emulator.admin.updateSettings({ scanResources: [{ ...resource, findings: [] }] });
        assert.deepEqual(await harness.findings(), []);
    });

    it("lists no finding of a resource whose type is disabled", async () => {
        await scanned();
        await harness
            .client()
            .send(new DisableCommand({ resourceTypes: ["ECR", "LAMBDA", "CODE_REPOSITORY"] }));
        assert.deepEqual(vulnerabilityIds(await harness.findings()), ["CVE-2024-0004"]);
    });

    it("shows a member only its own findings", async () => {
        await scanned([
            {
                resourceType: "AWS_LAMBDA_FUNCTION",
                resourceId: `arn:aws:lambda:us-east-1:${MEMBER}:function:member-fn`,
                findings: [{ vulnerabilityId: "CVE-2024-5555", severity: "HIGH" }],
            },
            TEST_RESOURCES[1],
        ]);
        await harness.enable(["LAMBDA"], [MEMBER]);
        harness.clock.advance(SCAN_MS);
        assert.deepEqual(vulnerabilityIds(await harness.findings()), [
            "CVE-2024-5555",
            "GHSA-aaaa-bbbb-cccc",
        ]);
        const byMember = await harness.client(MEMBER).send(new ListFindingsCommand({}));
        assert.deepEqual(vulnerabilityIds(byMember.findings ?? []), ["CVE-2024-5555"]);
    });

    it("validates the input against the model", async () => {
        harness = await startScanHarness();
        await assert.rejects(
            listFindings(harness, {
                sortCriteria: { field: "COLOUR" as never, sortOrder: "ASC" },
                filterCriteria: {
                    severity: Array.from({ length: 11 }, () => ({
                        comparison: "EQUALS" as const,
                        value: "LOW",
                    })),
                },
            }),
            (error) => {
                assert.ok(error instanceof ValidationException);
                assert.deepEqual(
                    error.fields?.map((field) => field.name),
                    ["filterCriteria.severity", "sortCriteria.field"],
                );
                return true;
            },
        );
    });
});
