/** The resource types Inspector (v2) scans, in the order the API lists them. */
export const RESOURCE_TYPES = ["EC2", "ECR", "LAMBDA", "LAMBDA_CODE", "CODE_REPOSITORY"] as const;

export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** The member name of a resource type in Inspector's `ResourceStatus` and `ResourceState` shapes. */
export type ResourceStatusKey = "ec2" | "ecr" | "lambda" | "lambdaCode" | "codeRepository";

export const RESOURCE_STATUS_KEYS: Readonly<Record<ResourceType, ResourceStatusKey>> = {
    EC2: "ec2",
    ECR: "ecr",
    LAMBDA: "lambda",
    LAMBDA_CODE: "lambdaCode",
    CODE_REPOSITORY: "codeRepository",
};

export function isResourceType(value: unknown): value is ResourceType {
    return typeof value === "string" && (RESOURCE_TYPES as readonly string[]).includes(value);
}
