import { amiId } from "./derived-ids";
import type { ScanView } from "./scan-views";

/** The model's `CoveredResource` of a resource the caller sees; timestamps are epoch seconds (restJson1). */
export function coveredResourceShape(view: ScanView): Record<string, unknown> {
    const { resource, scan } = view;
    const shape: Record<string, unknown> = {
        resourceType: resource.resourceType,
        resourceId: resource.resourceId,
        accountId: resource.accountId,
        scanType: resource.resourceType === "CODE_REPOSITORY" ? "CODE" : "PACKAGE",
        scanStatus:
            scan.kind === "inactive"
                ? { statusCode: "INACTIVE", reason: scan.reason }
                : {
                      statusCode: "ACTIVE",
                      reason: scan.kind === "scanned" ? "SUCCESSFUL" : "PENDING_INITIAL_SCAN",
                  },
        resourceMetadata: resourceMetadata(view),
    };
    if (scan.kind === "scanned") shape.lastScannedAt = scan.lastScannedAt / 1000;
    if (resource.resourceType === "AWS_EC2_INSTANCE") shape.scanMode = "EC2_SSM_AGENT_BASED";
    return shape;
}

function resourceMetadata({ resource }: ScanView): Record<string, unknown> {
    if (resource.ecrImage) {
        return {
            ecrRepository: { name: resource.ecrImage.repositoryName, scanFrequency: "SCAN_ON_PUSH" },
            ecrImage: { tags: resource.ecrImage.imageTags },
        };
    }
    if (resource.lambdaFunction) {
        return {
            lambdaFunction: {
                functionName: resource.lambdaFunction.functionName,
                runtime: resource.lambdaFunction.runtime,
                functionTags: {},
                layers: [],
            },
        };
    }
    if (resource.ec2Instance) {
        return {
            ec2: { platform: resource.ec2Instance.platform, amiId: amiId(resource.resourceId), tags: {} },
        };
    }
    return {
        codeRepository: {
            projectName: resource.codeRepository?.projectName ?? resource.resourceId,
            providerType: "GITHUB",
            providerTypeVisibility: "PRIVATE",
        },
    };
}
