import {
    EnableCommand,
    ListCoverageCommand,
    ListFindingsCommand,
    paginateListFindings,
    type CoveredResource,
    type Finding,
    type FilterCriteria,
    type ResourceScanType,
} from "@aws-sdk/client-inspector2";
import type { PartialSettings, ScanResourceSettings } from "../../../../emulator/settings/settings";
import { ADMINISTRATOR, startHarness, type Harness } from "../inspector2-harness";

/** The scan delay the scan tests use, long enough that "before" and "after" are plainly apart. */
export const SCAN_MS = 1_000;
/** The harness's enabling delay. */
export const ENABLING_MS = 50;

export const IMAGE_HASH = `sha256:${"a".repeat(64)}`;
export const IMAGE_ARN = `arn:aws:ecr:us-east-1:${ADMINISTRATOR}:repository/team/api/${IMAGE_HASH}`;
export const FUNCTION_ARN = `arn:aws:lambda:us-east-1:${ADMINISTRATOR}:function:orders`;
export const INSTANCE_ID = "i-0123456789abcdef0";

/** An image, a function, an instance and a code repository of the administrator, with findings of every kind. */
export const TEST_RESOURCES: readonly ScanResourceSettings[] = [
    {
        resourceType: "AWS_ECR_CONTAINER_IMAGE",
        resourceId: IMAGE_ARN,
        ecrImage: { imageTags: ["v1", "stable"] },
        findings: [
            {
                vulnerabilityId: "CVE-2024-0001",
                severity: "CRITICAL",
                packageName: "openssl",
                packageVersion: "3.0.1",
                fixedInVersion: "3.0.9",
                exploitAvailable: true,
            },
            {
                vulnerabilityId: "CVE-2024-0002",
                severity: "HIGH",
                packageName: "zlib",
                packageVersion: "1.2.11",
            },
            {
                vulnerabilityId: "CVE-2024-0003",
                severity: "LOW",
                packageName: "bash",
                packageVersion: "5.1",
                fixedInVersion: "5.2",
                status: "SUPPRESSED",
            },
        ],
    },
    {
        resourceType: "AWS_LAMBDA_FUNCTION",
        resourceId: FUNCTION_ARN,
        lambdaFunction: { runtime: "PYTHON_3_11" },
        findings: [
            {
                vulnerabilityId: "GHSA-aaaa-bbbb-cccc",
                severity: "MEDIUM",
                title: "requests leaks credentials",
                packageName: "requests",
                packageVersion: "2.30.0",
                fixedInVersion: "2.31.0",
            },
        ],
    },
    {
        resourceType: "AWS_EC2_INSTANCE",
        resourceId: INSTANCE_ID,
        ec2Instance: { platform: "WINDOWS" },
        findings: [{ vulnerabilityId: "CVE-2024-0004", severity: "INFORMATIONAL" }],
    },
    {
        resourceType: "CODE_REPOSITORY",
        resourceId: "payments-service",
        findings: [{ vulnerabilityId: "python/sql-injection@v1.0", severity: "UNTRIAGED" }],
    },
];

export interface ScanHarness extends Harness {
    /** Enables the types for the accounts (default: the caller's) and waits out ENABLING. */
    enable(resourceTypes: ResourceScanType[], accountIds?: string[]): Promise<void>;
    /** Every finding the administrator sees, through the paginator. */
    findings(filterCriteria?: FilterCriteria, pageSize?: number): Promise<Finding[]>;
    coverage(filterCriteria?: ListCoverageCommand["input"]["filterCriteria"]): Promise<CoveredResource[]>;
}

/** A harness whose covered resources are `resources` (the test set by default), with a 1 s scan delay. */
export async function startScanHarness(
    resources: readonly ScanResourceSettings[] = TEST_RESOURCES,
    settings: PartialSettings = {},
): Promise<ScanHarness> {
    const harness = await startHarness({
        delays: { enablingMs: ENABLING_MS, disablingMs: ENABLING_MS, scanMs: SCAN_MS },
        scanResources: resources,
        ...settings,
    });
    return {
        ...harness,
        async enable(resourceTypes, accountIds) {
            await harness.client().send(new EnableCommand({ resourceTypes, accountIds }));
            harness.clock.advance(ENABLING_MS);
        },
        async findings(filterCriteria, pageSize) {
            const found: Finding[] = [];
            for await (const page of paginateListFindings(
                { client: harness.client(), pageSize },
                { filterCriteria },
            )) {
                found.push(...(page.findings ?? []));
            }
            return found;
        },
        async coverage(filterCriteria) {
            const answer = await harness.client().send(new ListCoverageCommand({ filterCriteria }));
            return answer.coveredResources ?? [];
        },
    };
}

/** A ListFindings call's vulnerability IDs (package or code), sorted, for order-free comparisons. */
export function vulnerabilityIds(findings: readonly Finding[]): string[] {
    return findings
        .map(
            (finding) =>
                finding.packageVulnerabilityDetails?.vulnerabilityId ??
                finding.codeVulnerabilityDetails?.ruleId ??
                "",
        )
        .sort();
}

/** Lists the findings once, without the paginator, for tests that look at one page. */
export function listFindings(harness: Harness, input: ListFindingsCommand["input"] = {}) {
    return harness.client().send(new ListFindingsCommand(input));
}
