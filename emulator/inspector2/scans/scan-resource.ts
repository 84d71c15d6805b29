import { DEFAULT_ADMINISTRATOR_ACCOUNT_ID } from "../../settings/default-settings";
import type {
    ScanFindingSettings,
    ScanResourceSettings,
    ScanResourceType,
} from "../../settings/scan-settings";
import type { ResourceType } from "../../settings/settings";

/** The scan resource types, in the order the emulator lists them. */
export const SCAN_RESOURCE_TYPES: readonly ScanResourceType[] = [
    "AWS_ECR_CONTAINER_IMAGE",
    "AWS_LAMBDA_FUNCTION",
    "AWS_EC2_INSTANCE",
    "CODE_REPOSITORY",
];

/** Which Enable resource type must be ENABLED for Inspector to cover a resource of each kind. */
export const SCANNED_BY: Readonly<Record<ScanResourceType, ResourceType>> = {
    AWS_ECR_CONTAINER_IMAGE: "ECR",
    AWS_LAMBDA_FUNCTION: "LAMBDA",
    AWS_EC2_INSTANCE: "EC2",
    CODE_REPOSITORY: "CODE_REPOSITORY",
};

/** Default runtime of a Lambda function, in Inspector's `Runtime` enum. */
export const DEFAULT_LAMBDA_RUNTIME = "NODEJS_22_X";

/** ECR's repository name rule: lower-case components separated by `/`, each may hold `.`, `_` and `-`. */
const REPOSITORY_NAME = "(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*";
const REGION = "[a-z]{2}(?:-[a-z]+)+-\\d{1,2}";
const ECR_IMAGE_ARN = new RegExp(
    `^arn:(aws[a-z-]*):ecr:(${REGION}):(\\d{12}):repository/(${REPOSITORY_NAME})/(sha256:[a-f0-9]{64})$`,
);
const LAMBDA_FUNCTION_ARN = new RegExp(
    `^arn:(aws[a-z-]*):lambda:(${REGION}):(\\d{12}):function:([a-zA-Z0-9_-]{1,64})$`,
);
const EC2_INSTANCE_ID = /^i-(?:[a-f0-9]{8}|[a-f0-9]{17})$/;
export const IMAGE_HASH = /^sha256:[a-f0-9]{64}$/;

/** What a resource ID says about its resource: ARNs name the account and region, ECR ARNs the image. */
export interface ResourceIdParts {
    readonly accountId?: string;
    readonly region?: string;
    readonly repositoryName?: string;
    readonly imageHash?: string;
    readonly functionName?: string;
}

/** The parts of `resourceId`, or undefined when it does not follow the convention of `resourceType`. */
export function parseResourceId(
    resourceType: ScanResourceType,
    resourceId: string,
): ResourceIdParts | undefined {
    switch (resourceType) {
        case "AWS_ECR_CONTAINER_IMAGE": {
            const match = ECR_IMAGE_ARN.exec(resourceId);
            return match
                ? { region: match[2], accountId: match[3], repositoryName: match[4], imageHash: match[5] }
                : undefined;
        }
        case "AWS_LAMBDA_FUNCTION": {
            const match = LAMBDA_FUNCTION_ARN.exec(resourceId);
            return match ? { region: match[2], accountId: match[3], functionName: match[4] } : undefined;
        }
        case "AWS_EC2_INSTANCE":
            return EC2_INSTANCE_ID.test(resourceId) ? {} : undefined;
        case "CODE_REPOSITORY":
            return resourceId.length >= 1 && resourceId.length <= 300 ? {} : undefined;
    }
}

/** The resource ID form each type expects, for messages. */
export const RESOURCE_ID_FORMS: Readonly<Record<ScanResourceType, string>> = {
    AWS_ECR_CONTAINER_IMAGE:
        "an ECR image ARN arn:aws:ecr:<region>:<account>:repository/<name>/sha256:<64 hex>",
    AWS_LAMBDA_FUNCTION: "a Lambda function ARN arn:aws:lambda:<region>:<account>:function:<name>",
    AWS_EC2_INSTANCE: "an EC2 instance ID i- and 8 or 17 lower-case hex digits",
    CODE_REPOSITORY: "the project name, 1 to 300 characters",
};

/** A covered resource with every default filled in. */
export interface ScanResource {
    /** Identifies the resource across calls: account, region, type and ID. */
    readonly key: string;
    readonly accountId: string;
    readonly region: string;
    readonly resourceType: ScanResourceType;
    readonly resourceId: string;
    readonly scannedBy: ResourceType;
    readonly ecrImage?: {
        readonly repositoryName: string;
        readonly imageHash: string;
        readonly imageTags: readonly string[];
    };
    readonly lambdaFunction?: { readonly functionName: string; readonly runtime: string };
    readonly ec2Instance?: { readonly platform: string };
    readonly codeRepository?: { readonly projectName: string };
    /** Clock time (ms) it appeared, when the settings say. */
    readonly pushedAt?: number;
    readonly unsupported?: string;
    readonly findings: readonly ScanFindingSettings[];
}

/** The settings' resource with its defaults; the settings have been validated, so the ID follows its form. */
export function resolveScanResource(settings: ScanResourceSettings, defaultRegion: string): ScanResource {
    const parts = parseResourceId(settings.resourceType, settings.resourceId) ?? {};
    const accountId = settings.accountId ?? parts.accountId ?? DEFAULT_ADMINISTRATOR_ACCOUNT_ID;
    const region = settings.region ?? parts.region ?? defaultRegion;
    const base = {
        key: JSON.stringify([accountId, region, settings.resourceType, settings.resourceId]),
        accountId,
        region,
        resourceType: settings.resourceType,
        resourceId: settings.resourceId,
        scannedBy: SCANNED_BY[settings.resourceType],
        ...(settings.pushedAt !== undefined ? { pushedAt: Date.parse(settings.pushedAt) } : {}),
        ...(settings.unsupported !== undefined ? { unsupported: settings.unsupported } : {}),
        findings: settings.findings ?? [],
    };
    switch (settings.resourceType) {
        case "AWS_ECR_CONTAINER_IMAGE":
            return {
                ...base,
                ecrImage: {
                    repositoryName: settings.ecrImage?.repositoryName ?? parts.repositoryName ?? "",
                    imageHash: settings.ecrImage?.imageHash ?? parts.imageHash ?? "",
                    imageTags: settings.ecrImage?.imageTags ?? [],
                },
            };
        case "AWS_LAMBDA_FUNCTION":
            return {
                ...base,
                lambdaFunction: {
                    functionName: settings.lambdaFunction?.functionName ?? parts.functionName ?? "",
                    runtime: settings.lambdaFunction?.runtime ?? DEFAULT_LAMBDA_RUNTIME,
                },
            };
        case "AWS_EC2_INSTANCE":
            return { ...base, ec2Instance: { platform: settings.ec2Instance?.platform ?? "LINUX" } };
        case "CODE_REPOSITORY":
            return {
                ...base,
                codeRepository: { projectName: settings.codeRepository?.projectName ?? settings.resourceId },
            };
    }
}

const resolved = new WeakMap<
    readonly ScanResourceSettings[],
    { region: string; resources: ScanResource[] }
>();

/** Every resource of the settings, resolved once per settings list and default region. */
export function scanResourcesOf(
    settings: readonly ScanResourceSettings[],
    defaultRegion: string,
): readonly ScanResource[] {
    const cached = resolved.get(settings);
    if (cached?.region === defaultRegion) return cached.resources;
    const resources = settings.map((resource) => resolveScanResource(resource, defaultRegion));
    resolved.set(settings, { region: defaultRegion, resources });
    return resources;
}
