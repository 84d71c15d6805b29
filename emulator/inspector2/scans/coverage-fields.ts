import type { FieldValueOf } from "./filter-criteria";

type Shape = Readonly<Record<string, unknown>>;

const metadata = (covered: Shape, kind: string): Shape | undefined =>
    (covered.resourceMetadata as Shape)[kind] as Shape | undefined;
const ms = (seconds: unknown) => (typeof seconds === "number" ? seconds * 1000 : undefined);

/**
 * The ListCoverage filter fields the emulator gives values to, read from the covered resource as it is answered.
 * Other members of CoverageFilterCriteria (image pull and use times, commit IDs, other clouds…) have no value on
 * emulated resources.
 */
export const COVERAGE_FIELDS: Readonly<Record<string, (covered: Shape) => unknown>> = {
    scanStatusCode: (c) => (c.scanStatus as Shape).statusCode,
    scanStatusReason: (c) => (c.scanStatus as Shape).reason,
    accountId: (c) => c.accountId,
    resourceId: (c) => c.resourceId,
    resourceType: (c) => c.resourceType,
    scanType: (c) => c.scanType,
    scanMode: (c) => c.scanMode,
    lastScannedAt: (c) => ms(c.lastScannedAt),
    ecrRepositoryName: (c) => metadata(c, "ecrRepository")?.name,
    ecrImageTags: (c) => metadata(c, "ecrImage")?.tags,
    ec2InstanceTags: (c) => metadata(c, "ec2")?.tags,
    lambdaFunctionName: (c) => metadata(c, "lambdaFunction")?.functionName,
    lambdaFunctionRuntime: (c) => metadata(c, "lambdaFunction")?.runtime,
    lambdaFunctionTags: (c) => metadata(c, "lambdaFunction")?.functionTags,
    codeRepositoryProjectName: (c) => metadata(c, "codeRepository")?.projectName,
    codeRepositoryProviderType: (c) => metadata(c, "codeRepository")?.providerType,
    codeRepositoryProviderTypeVisibility: (c) => metadata(c, "codeRepository")?.providerTypeVisibility,
};

/** The filter values of one covered resource. */
export function coverageValues(covered: Shape): FieldValueOf {
    return (field) => COVERAGE_FIELDS[field]?.(covered);
}
