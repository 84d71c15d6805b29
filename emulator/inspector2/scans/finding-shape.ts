import type { ScanFindingSettings } from "../../settings/scan-settings";
import { amiId, codeSha256, findingArn } from "./derived-ids";
import type { ScanResource } from "./scan-resource";
import type { ScanView } from "./scan-views";

/** Inspector's score for each severity (a CVSS base score typical of it); untriaged findings have none. */
const INSPECTOR_SCORES: Readonly<Record<string, number>> = {
    CRITICAL: 9.8,
    HIGH: 7.5,
    MEDIUM: 5.5,
    LOW: 3.3,
    INFORMATIONAL: 0,
};

/** A listed finding: the wire shape, with what it was made from for filters, sorting and aggregations. */
export interface FindingRecord {
    readonly shape: Record<string, unknown>;
    readonly resource: ScanResource;
    readonly finding: ScanFindingSettings;
}

/** The findings of the scanned resources among `views`. */
export function findingRecords(views: readonly ScanView[]): FindingRecord[] {
    const records: FindingRecord[] = [];
    for (const view of views) {
        if (view.scan.kind !== "scanned") continue;
        for (const finding of view.resource.findings) {
            records.push({
                shape: findingShape(view, finding, view.scan.lastScannedAt),
                resource: view.resource,
                finding,
            });
        }
    }
    return records;
}

/**
 * The model's `Finding`: first observed, last observed and updated when the resource was scanned; timestamps are
 * epoch seconds (restJson1). Package findings name the package and its fix (`NotAvailable` without one, as
 * Inspector does); code repositories' findings are CODE_VULNERABILITY findings of the detector `vulnerabilityId`.
 */
export function findingShape(
    view: ScanView,
    finding: ScanFindingSettings,
    scannedAt: number,
): Record<string, unknown> {
    const { resource } = view;
    const seconds = scannedAt / 1000;
    const isCode = resource.resourceType === "CODE_REPOSITORY";
    const title = finding.title ?? defaultTitle(finding);
    const shape: Record<string, unknown> = {
        findingArn: findingArn(
            resource.accountId,
            resource.region,
            resource.resourceId,
            finding.vulnerabilityId,
            finding.packageName,
        ),
        awsAccountId: resource.accountId,
        type: isCode ? "CODE_VULNERABILITY" : "PACKAGE_VULNERABILITY",
        description: description(finding, resource),
        title,
        remediation: { recommendation: { text: recommendation(finding, isCode) } },
        severity: finding.severity,
        firstObservedAt: seconds,
        lastObservedAt: seconds,
        updatedAt: seconds,
        status: finding.status ?? "ACTIVE",
        resources: [
            {
                type: resource.resourceType,
                id: resource.resourceId,
                partition: "aws",
                region: resource.region,
                tags: {},
                details: resourceDetails(view),
            },
        ],
        fixAvailable: finding.fixedInVersion !== undefined ? "YES" : "NO",
        exploitAvailable: finding.exploitAvailable ? "YES" : "NO",
    };
    const score = INSPECTOR_SCORES[finding.severity];
    if (score !== undefined) shape.inspectorScore = score;
    if (finding.exploitAvailable) shape.exploitabilityDetails = { lastKnownExploitAt: seconds };
    if (isCode) {
        shape.codeVulnerabilityDetails = {
            filePath: { fileName: "index.ts", filePath: "src/index.ts", startLine: 1, endLine: 1 },
            detectorId: finding.vulnerabilityId,
            detectorName: title,
            ruleId: finding.vulnerabilityId,
            cwes: [finding.vulnerabilityId.startsWith("CWE-") ? finding.vulnerabilityId : "CWE-20"],
        };
    } else {
        const sourceUrl = `https://nvd.nist.gov/vuln/detail/${finding.vulnerabilityId}`;
        shape.packageVulnerabilityDetails = {
            vulnerabilityId: finding.vulnerabilityId,
            vulnerablePackages: finding.packageName
                ? [
                      {
                          name: finding.packageName,
                          version: finding.packageVersion ?? "0.0.0",
                          fixedInVersion: finding.fixedInVersion ?? "NotAvailable",
                          remediation: finding.fixedInVersion
                              ? `Upgrade ${finding.packageName} to ${finding.fixedInVersion}`
                              : "None Provided",
                      },
                  ]
                : [],
            source: "NVD",
            sourceUrl,
            vendorSeverity: finding.severity,
            referenceUrls: [sourceUrl],
        };
    }
    return shape;
}

function defaultTitle(finding: ScanFindingSettings): string {
    return finding.packageName
        ? `${finding.vulnerabilityId} - ${finding.packageName}`
        : finding.vulnerabilityId;
}

function description(finding: ScanFindingSettings, resource: ScanResource): string {
    if (resource.resourceType === "CODE_REPOSITORY") {
        return `Code in project ${resource.codeRepository?.projectName} matches detector ${finding.vulnerabilityId}.`;
    }
    if (!finding.packageName) return `${resource.resourceId} is affected by ${finding.vulnerabilityId}.`;
    return `${finding.packageName} ${finding.packageVersion ?? "0.0.0"} in ${resource.resourceId} is affected by ${finding.vulnerabilityId}.`;
}

function recommendation(finding: ScanFindingSettings, isCode: boolean): string {
    if (finding.fixedInVersion && finding.packageName)
        return `Upgrade ${finding.packageName} to ${finding.fixedInVersion} or later.`;
    return isCode ? "Review the flagged code and apply the detector's recommendation." : "None Provided";
}

function resourceDetails({ resource, appearedAt }: ScanView): Record<string, unknown> {
    const appeared = appearedAt / 1000;
    if (resource.ecrImage) {
        return {
            awsEcrContainerImage: {
                repositoryName: resource.ecrImage.repositoryName,
                imageTags: resource.ecrImage.imageTags,
                pushedAt: appeared,
                architecture: "amd64",
                imageHash: resource.ecrImage.imageHash,
                registry: resource.accountId,
                platform: "DEBIAN_12",
            },
        };
    }
    if (resource.lambdaFunction) {
        const name = resource.lambdaFunction.functionName;
        return {
            awsLambdaFunction: {
                functionName: name,
                runtime: resource.lambdaFunction.runtime,
                codeSha256: codeSha256(resource.resourceId),
                version: "$LATEST",
                executionRoleArn: `arn:aws:iam::${resource.accountId}:role/${name}-role`,
                packageType: "ZIP",
                architectures: ["X86_64"],
                lastModifiedAt: appeared,
            },
        };
    }
    if (resource.ec2Instance) {
        return {
            awsEc2Instance: {
                type: "t3.micro",
                imageId: amiId(resource.resourceId),
                platform: resource.ec2Instance.platform,
                launchedAt: appeared,
            },
        };
    }
    return {
        codeRepository: {
            projectName: resource.codeRepository?.projectName ?? resource.resourceId,
            providerType: "GITHUB",
        },
    };
}
