import type { ResourceType } from "../settings/settings";

/** Every resource type Inspector scans, in the order the API documents them. */
export const RESOURCE_TYPES: readonly ResourceType[] = [
    "EC2",
    "ECR",
    "LAMBDA",
    "LAMBDA_CODE",
    "CODE_REPOSITORY",
];

/** The member name a resource type has in the `ResourceStatus` and `ResourceState` shapes. */
export type ResourceStatusKey = "ec2" | "ecr" | "lambda" | "lambdaCode" | "codeRepository";

export const RESOURCE_STATUS_KEYS: Readonly<Record<ResourceType, ResourceStatusKey>> = {
    EC2: "ec2",
    ECR: "ecr",
    LAMBDA: "lambda",
    LAMBDA_CODE: "lambdaCode",
    CODE_REPOSITORY: "codeRepository",
};
