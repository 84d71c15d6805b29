import type { FieldValueOf } from "./filter-criteria";
import type { FindingRecord } from "./finding-shape";

type Shape = Readonly<Record<string, unknown>>;
type Accessor = (finding: Shape) => unknown;

const resource = (finding: Shape): Shape => (finding.resources as Shape[])[0];
const details = (finding: Shape, kind: string): Shape | undefined =>
    (resource(finding).details as Shape)[kind] as Shape | undefined;
const image = (finding: Shape) => details(finding, "awsEcrContainerImage");
const lambda = (finding: Shape) => details(finding, "awsLambdaFunction");
const instance = (finding: Shape) => details(finding, "awsEc2Instance");
const repository = (finding: Shape) => details(finding, "codeRepository");
const packageDetails = (finding: Shape) => finding.packageVulnerabilityDetails as Shape | undefined;
const codeDetails = (finding: Shape) => finding.codeVulnerabilityDetails as Shape | undefined;
/** Timestamps are epoch seconds in the shape and clock milliseconds in filters. */
const ms = (seconds: unknown) => (typeof seconds === "number" ? seconds * 1000 : undefined);

/**
 * The ListFindings filter fields the emulator gives values to, read from the finding as it is answered. Every
 * other member of FilterCriteria (network reachability, in-use counts, EPSS, VPCs, other clouds…) has no value on
 * emulated findings.
 */
export const FINDING_FIELDS: Readonly<Record<string, Accessor>> = {
    findingArn: (f) => f.findingArn,
    awsAccountId: (f) => f.awsAccountId,
    findingType: (f) => f.type,
    severity: (f) => f.severity,
    firstObservedAt: (f) => ms(f.firstObservedAt),
    lastObservedAt: (f) => ms(f.lastObservedAt),
    updatedAt: (f) => ms(f.updatedAt),
    findingStatus: (f) => f.status,
    title: (f) => f.title,
    inspectorScore: (f) => f.inspectorScore,
    resourceType: (f) => resource(f).type,
    resourceId: (f) => resource(f).id,
    resourceTags: (f) => resource(f).tags,
    ec2InstanceImageId: (f) => instance(f)?.imageId,
    ecrImagePushedAt: (f) => ms(image(f)?.pushedAt),
    ecrImageArchitecture: (f) => image(f)?.architecture,
    ecrImageRegistry: (f) => image(f)?.registry,
    ecrImageRepositoryName: (f) => image(f)?.repositoryName,
    ecrImageTags: (f) => image(f)?.imageTags,
    ecrImageHash: (f) => image(f)?.imageHash,
    vulnerabilityId: (f) => packageDetails(f)?.vulnerabilityId,
    vulnerabilitySource: (f) => packageDetails(f)?.source,
    vendorSeverity: (f) => packageDetails(f)?.vendorSeverity,
    vulnerablePackages: (f) => packageDetails(f)?.vulnerablePackages,
    fixAvailable: (f) => f.fixAvailable,
    exploitAvailable: (f) => f.exploitAvailable,
    lambdaFunctionName: (f) => lambda(f)?.functionName,
    lambdaFunctionRuntime: (f) => lambda(f)?.runtime,
    lambdaFunctionLastModifiedAt: (f) => ms(lambda(f)?.lastModifiedAt),
    lambdaFunctionExecutionRoleArn: (f) => lambda(f)?.executionRoleArn,
    lambdaFunctionLayers: (f) => (lambda(f) ? [] : undefined),
    codeVulnerabilityDetectorName: (f) => codeDetails(f)?.detectorName,
    codeVulnerabilityFilePath: (f) => (codeDetails(f)?.filePath as Shape | undefined)?.filePath,
    codeRepositoryProjectName: (f) => repository(f)?.projectName,
    codeRepositoryProviderType: (f) => repository(f)?.providerType,
};

/** The filter values of one finding. */
export function findingValues(record: FindingRecord): FieldValueOf {
    return (field) => FINDING_FIELDS[field]?.(record.shape);
}

/** Severities from least to most severe; UNTRIAGED sorts below INFORMATIONAL. */
export const SEVERITY_ORDER: readonly string[] = [
    "UNTRIAGED",
    "INFORMATIONAL",
    "LOW",
    "MEDIUM",
    "HIGH",
    "CRITICAL",
];

/** What each `SortField` sorts by; fields emulated findings have no value for sort as absent (lowest). */
export const SORT_FIELDS: Readonly<Record<string, (finding: Shape) => string | number | undefined>> = {
    AWS_ACCOUNT_ID: (f) => f.awsAccountId as string,
    FINDING_TYPE: (f) => f.type as string,
    SEVERITY: (f) => SEVERITY_ORDER.indexOf(f.severity as string),
    FIRST_OBSERVED_AT: (f) => f.firstObservedAt as number,
    LAST_OBSERVED_AT: (f) => f.lastObservedAt as number,
    FINDING_STATUS: (f) => f.status as string,
    RESOURCE_TYPE: (f) => resource(f).type as string,
    ECR_IMAGE_PUSHED_AT: (f) => image(f)?.pushedAt as number | undefined,
    ECR_IMAGE_REPOSITORY_NAME: (f) => image(f)?.repositoryName as string | undefined,
    ECR_IMAGE_REGISTRY: (f) => image(f)?.registry as string | undefined,
    VULNERABILITY_ID: (f) =>
        (packageDetails(f)?.vulnerabilityId ?? codeDetails(f)?.ruleId) as string | undefined,
    VULNERABILITY_SOURCE: (f) => packageDetails(f)?.source as string | undefined,
    INSPECTOR_SCORE: (f) => f.inspectorScore as number | undefined,
    VENDOR_SEVERITY: (f) => packageDetails(f)?.vendorSeverity as string | undefined,
};
