import type { CoveredResource, Finding } from "@aws-sdk/client-inspector2";
import { partitionMismatch, partitionOfRegion } from "../aws/region";
import { closestName, describeValue } from "../dynamic/check";

/**
 * What a gate is about: the resources and accounts it reads Inspector's findings of. Parsing turns each input
 * item into a subject; the queries group subjects into as few ListCoverage and ListFindings filters as the API
 * allows (several values of one field are ORed, up to 10 per filter); matching tells which records belong to
 * which subject, since a filter by name or hash may also return other accounts' or repositories' resources.
 */

export interface ImageSubject {
    readonly kind: "image";
    readonly repositoryName: string;
    readonly imageDigest: string;
    /** Known from a URI or `registryId`; without it, any account's image with this repository and digest. */
    readonly accountId?: string;
    /** Known from a URI. */
    readonly region?: string;
}

export interface LambdaSubject {
    readonly kind: "lambdaFunction";
    readonly functionName: string;
    /** Known from an ARN. */
    readonly accountId?: string;
    readonly region?: string;
}

export interface Ec2Subject {
    readonly kind: "ec2Instance";
    readonly instanceId: string;
}

export interface CodeRepositorySubject {
    readonly kind: "codeRepository";
    readonly projectName: string;
}

export interface AccountSubject {
    readonly kind: "account";
    readonly accountId: string;
}

export type ResourceSubject = ImageSubject | LambdaSubject | Ec2Subject | CodeRepositorySubject;
export type Subject = ResourceSubject | AccountSubject;

/** A parsed item, or why it is refused (completing `<property>[i] <value> …`). */
export type Parsed<T> = { readonly subject: T } | { readonly reason: string };

const ACCOUNT_ID = /^\d{12}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
/** ECR's rule for repository names (2 to 256 characters, checked apart). */
const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const IMAGE_URI =
    /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^@:\s]+)(?::([\w][\w.-]{0,127}))?(?:@(.*))?$/;
const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:([a-z0-9-]+):(\d{12}):function:([a-zA-Z0-9_-]{1,64})(?::(.+))?$/;
const INSTANCE_ID = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
const ECR_IMAGE_ARN = /^arn:aws[a-z-]*:ecr:([a-z0-9-]+):(\d{12}):repository\/(.+)\/(sha256:[0-9a-f]{64})$/;
const MAX_PROJECT_NAME_LENGTH = 1024;

const IMAGE_FORMS =
    "use <account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<64 hex digits> (as docker-build's " +
    "repoDigest gives it) or { repositoryName, imageDigest }";
const IMAGE_MEMBERS = ["repositoryName", "imageDigest", "registryId"];

/** An image URI with its digest, or `{ repositoryName, imageDigest, registryId? }`. */
export function parseImage(item: unknown): Parsed<ImageSubject> {
    if (typeof item === "string") return parseImageUri(item);
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
        return { reason: `is not an image: ${IMAGE_FORMS}` };
    }
    const members = item as Record<string, unknown>;
    for (const key of Object.keys(members)) {
        if (IMAGE_MEMBERS.includes(key) || members[key] === undefined) continue;
        const closest =
            closestName(key, IMAGE_MEMBERS) ??
            IMAGE_MEMBERS.find((member) => member.toLowerCase().startsWith(key.toLowerCase()));
        return {
            reason:
                `has ${key}, which an image does not have` +
                (closest ? `: did you mean ${closest}?` : `; it has ${IMAGE_MEMBERS.join(", ")}`),
        };
    }
    const { repositoryName, imageDigest, registryId } = members;
    const repository = repositoryProblem(repositoryName);
    if (repository) return { reason: repository };
    if (typeof imageDigest !== "string" || !DIGEST.test(imageDigest)) {
        return {
            reason:
                `has imageDigest ${describeValue(imageDigest)}, which is not a digest: sha256: and 64 ` +
                "lower-case hex digits",
        };
    }
    if (registryId !== undefined && (typeof registryId !== "string" || !ACCOUNT_ID.test(registryId))) {
        return { reason: `has registryId ${describeValue(registryId)}, which is not a 12-digit account ID` };
    }
    return {
        subject: {
            kind: "image",
            repositoryName: repositoryName as string,
            imageDigest,
            ...(registryId ? { accountId: registryId as string } : {}),
        },
    };
}

function repositoryProblem(name: unknown): string | undefined {
    if (typeof name === "string" && name.length >= 2 && name.length <= 256 && REPOSITORY_NAME.test(name)) {
        return undefined;
    }
    return (
        `has repositoryName ${describeValue(name)}, which is not an ECR repository name: 2 to 256 lower-case ` +
        "letters, digits and . _ - /, starting and ending with a letter or digit"
    );
}

function parseImageUri(uri: string): Parsed<ImageSubject> {
    const match = IMAGE_URI.exec(uri);
    if (!match) return { reason: `is not an ECR image URI: ${IMAGE_FORMS}` };
    const [, accountId, region, repositoryName, tag, digest] = match;
    if (digest === undefined) {
        return {
            reason:
                `names ${tag ? `tag "${tag}"` : "no tag"} but no digest: a tag can move to another image, so the ` +
                `gate needs the digest; ${IMAGE_FORMS}`,
        };
    }
    if (!DIGEST.test(digest)) {
        return { reason: `has digest "${digest}", which is not sha256: and 64 lower-case hex digits` };
    }
    const repository = repositoryProblem(repositoryName);
    if (repository) return { reason: repository };
    return { subject: { kind: "image", repositoryName, imageDigest: digest, accountId, region } };
}

/** A function name, or an unqualified function ARN. */
export function parseLambdaFunction(item: unknown): Parsed<LambdaSubject> {
    const rule =
        "use the function's name (1 to 64 letters, digits, - and _) or its unqualified ARN " +
        "arn:aws:lambda:<region>:<account>:function:<name>";
    if (typeof item !== "string") return { reason: `is not a Lambda function: ${rule}` };
    if (FUNCTION_NAME.test(item)) return { subject: { kind: "lambdaFunction", functionName: item } };
    const match = FUNCTION_ARN.exec(item);
    if (!match) return { reason: `is not a Lambda function name or ARN: ${rule}` };
    const [, region, accountId, functionName, qualifier] = match;
    const partition = item.split(":")[1];
    if (partitionMismatch(partition, region)) {
        return {
            reason:
                `names partition ${partition}, which does not hold region ${region}: the ARN of a function in ` +
                `${region} starts with arn:${partitionOfRegion(region)}:lambda:${region}:`,
        };
    }
    if (qualifier !== undefined) {
        return {
            reason:
                `is qualified with "${qualifier}": Inspector reports findings per function, not per version or ` +
                `alias; use the unqualified ARN (fn.arn) or the name "${functionName}"`,
        };
    }
    return { subject: { kind: "lambdaFunction", functionName, accountId, region } };
}

export function parseEc2Instance(item: unknown): Parsed<Ec2Subject> {
    if (typeof item === "string" && INSTANCE_ID.test(item)) {
        return { subject: { kind: "ec2Instance", instanceId: item } };
    }
    return { reason: "is not an EC2 instance ID: i- and 8 or 17 lower-case hex digits" };
}

export function parseCodeRepository(item: unknown): Parsed<CodeRepositorySubject> {
    if (
        typeof item === "string" &&
        item.length >= 1 &&
        item.length <= MAX_PROJECT_NAME_LENGTH &&
        item.trim() === item
    ) {
        return { subject: { kind: "codeRepository", projectName: item } };
    }
    return {
        reason:
            `is not a code repository project name: 1 to ${MAX_PROJECT_NAME_LENGTH} characters, without ` +
            "leading or trailing spaces",
    };
}

export function parseAccountId(item: unknown): Parsed<AccountSubject> {
    if (typeof item === "string" && ACCOUNT_ID.test(item))
        return { subject: { kind: "account", accountId: item } };
    return { reason: "is not an account ID: an account ID is a string of exactly 12 digits" };
}

/** The AWS partition of a region: what an ARN built for it starts with. */
export function partitionOf(region: string): string {
    if (region.startsWith("cn-")) return "aws-cn";
    if (region.startsWith("us-gov-")) return "aws-us-gov";
    return "aws";
}

/** The resource type Inspector uses for a subject. */
export function resourceTypeOf(subject: ResourceSubject): string {
    switch (subject.kind) {
        case "image":
            return "AWS_ECR_CONTAINER_IMAGE";
        case "lambdaFunction":
            return "AWS_LAMBDA_FUNCTION";
        case "ec2Instance":
            return "AWS_EC2_INSTANCE";
        case "codeRepository":
            return "CODE_REPOSITORY";
    }
}

/** The scan type whose enablement Inspector needs for a subject, as InspectorEnablement names it. */
export function scanTypeOf(subject: ResourceSubject): string {
    switch (subject.kind) {
        case "image":
            return "ECR";
        case "lambdaFunction":
            return "LAMBDA";
        case "ec2Instance":
            return "EC2";
        case "codeRepository":
            return "CODE_REPOSITORY";
    }
}

/**
 * The ID Inspector gives the subject's resource, when it can be known without asking: an image's ARN (with its
 * account), an instance's ID. Other subjects are found through a filter by name.
 */
export function knownResourceId(subject: ResourceSubject, region: string): string | undefined {
    switch (subject.kind) {
        case "image":
            return subject.accountId
                ? `arn:${partitionOf(region)}:ecr:${region}:${subject.accountId}:repository/` +
                      `${subject.repositoryName}/${subject.imageDigest}`
                : undefined;
        case "ec2Instance":
            return subject.instanceId;
        default:
            return undefined;
    }
}

/** How a subject reads in messages and in `resources` while Inspector has not named it. */
export function describeSubject(subject: Subject, region: string): string {
    switch (subject.kind) {
        case "image":
            return knownResourceId(subject, region) ?? `${subject.repositoryName}@${subject.imageDigest}`;
        case "lambdaFunction":
            return subject.accountId
                ? `arn:${partitionOf(region)}:lambda:${region}:${subject.accountId}:function:${subject.functionName}`
                : subject.functionName;
        case "ec2Instance":
            return subject.instanceId;
        case "codeRepository":
            return subject.projectName;
        case "account":
            return `account ${subject.accountId}`;
    }
}

/** One filter of a List call: a field of the filter criteria and up to 10 values it may equal. */
export interface SubjectQuery {
    readonly field: string;
    readonly values: readonly string[];
    /** Also filter by resource type, where the field alone would list other kinds. */
    readonly resourceType?: string;
}

/** Inspector takes at most this many values per string filter. */
export const MAX_FILTER_VALUES = 10;

/**
 * The ListCoverage filters for the resource subjects: one by resource ID for images with a known account and
 * instances, one by repository name for the other images, one by function name, one by project name; each
 * split in tens. Accounts have no coverage to wait for.
 */
export function coverageQueries(subjects: readonly Subject[], region: string): SubjectQuery[] {
    const byId: string[] = [];
    const repositories: string[] = [];
    const functions: string[] = [];
    const projects: string[] = [];
    for (const subject of subjects) {
        if (subject.kind === "account") continue;
        const id = knownResourceId(subject, region);
        if (id) byId.push(id);
        else if (subject.kind === "image") repositories.push(subject.repositoryName);
        else if (subject.kind === "lambdaFunction") functions.push(subject.functionName);
        else if (subject.kind === "codeRepository") projects.push(subject.projectName);
    }
    return [
        ...queries("resourceId", byId),
        ...queries("ecrRepositoryName", repositories, "AWS_ECR_CONTAINER_IMAGE"),
        ...queries("lambdaFunctionName", functions, "AWS_LAMBDA_FUNCTION"),
        ...queries("codeRepositoryProjectName", projects, "CODE_REPOSITORY"),
    ];
}

/**
 * The ListFindings filters for every subject: by resource ID (images with a known account, instances), by image
 * hash (other images), by function name, by project name, by account; each split in tens. A resource of a gated
 * account needs no filter of its own: the account's filter lists its findings.
 */
export function findingQueries(subjects: readonly Subject[], region: string): SubjectQuery[] {
    const byId: string[] = [];
    const hashes: string[] = [];
    const functions: string[] = [];
    const projects: string[] = [];
    // A Set: a gate may name up to 10,001 accounts beside its resources.
    const accounts = new Set(
        subjects.flatMap((subject) => (subject.kind === "account" ? [subject.accountId] : [])),
    );
    for (const subject of subjects) {
        if (subject.kind === "account") continue;
        if ("accountId" in subject && subject.accountId && accounts.has(subject.accountId)) continue;
        const id = knownResourceId(subject, region);
        if (id) byId.push(id);
        else if (subject.kind === "image") hashes.push(subject.imageDigest);
        else if (subject.kind === "lambdaFunction") functions.push(subject.functionName);
        else if (subject.kind === "codeRepository") projects.push(subject.projectName);
    }
    return [
        ...queries("resourceId", byId),
        ...queries("ecrImageHash", hashes),
        ...queries("lambdaFunctionName", functions),
        ...queries("codeRepositoryProjectName", projects),
        ...queries("awsAccountId", [...accounts]),
    ];
}

function queries(field: string, values: readonly string[], resourceType?: string): SubjectQuery[] {
    const unique = [...new Set(values)].sort();
    const found: SubjectQuery[] = [];
    for (let start = 0; start < unique.length; start += MAX_FILTER_VALUES) {
        const piece = unique.slice(start, start + MAX_FILTER_VALUES);
        found.push({ field, values: piece, ...(resourceType ? { resourceType } : {}) });
    }
    return found;
}

/** The parts of an image ARN `arn:aws:ecr:<region>:<account>:repository/<name>/sha256:<hex>`. */
export function parseImageArn(
    arn: string,
): { region: string; accountId: string; repositoryName: string; imageDigest: string } | undefined {
    const match = ECR_IMAGE_ARN.exec(arn);
    return match
        ? { region: match[1], accountId: match[2], repositoryName: match[3], imageDigest: match[4] }
        : undefined;
}

/** The function name in a function ARN (with or without a qualifier such as `$LATEST`). */
function functionNameOfArn(arn: string): string | undefined {
    return FUNCTION_ARN.exec(arn)?.[3];
}

/** Whether a ListCoverage record is the subject's resource. */
export function coversSubject(subject: ResourceSubject, covered: CoveredResource): boolean {
    const id = covered.resourceId ?? "";
    switch (subject.kind) {
        case "image": {
            if (covered.resourceType !== "AWS_ECR_CONTAINER_IMAGE") return false;
            const parts = parseImageArn(id);
            return (
                parts !== undefined &&
                parts.repositoryName === subject.repositoryName &&
                parts.imageDigest === subject.imageDigest &&
                (subject.accountId === undefined || parts.accountId === subject.accountId)
            );
        }
        case "lambdaFunction": {
            if (covered.resourceType !== "AWS_LAMBDA_FUNCTION") return false;
            const name = covered.resourceMetadata?.lambdaFunction?.functionName ?? functionNameOfArn(id);
            return (
                name === subject.functionName &&
                (subject.accountId === undefined || covered.accountId === subject.accountId)
            );
        }
        case "ec2Instance":
            return covered.resourceType === "AWS_EC2_INSTANCE" && id === subject.instanceId;
        case "codeRepository":
            return (
                covered.resourceType === "CODE_REPOSITORY" &&
                (covered.resourceMetadata?.codeRepository?.projectName ?? id) === subject.projectName
            );
    }
}

/** Whether a finding belongs to the subject: to its resource, or to its account. */
export function findingOfSubject(subject: Subject, finding: Finding): boolean {
    if (subject.kind === "account") return finding.awsAccountId === subject.accountId;
    return (finding.resources ?? []).some((resource) => {
        const details = resource.details;
        switch (subject.kind) {
            case "image": {
                if (resource.type !== "AWS_ECR_CONTAINER_IMAGE") return false;
                const image = details?.awsEcrContainerImage;
                const parts = image
                    ? {
                          repositoryName: image.repositoryName,
                          imageDigest: image.imageHash,
                          accountId: image.registry,
                      }
                    : parseImageArn(resource.id ?? "");
                return (
                    parts !== undefined &&
                    parts.repositoryName === subject.repositoryName &&
                    parts.imageDigest === subject.imageDigest &&
                    (subject.accountId === undefined ||
                        (parts.accountId ?? finding.awsAccountId) === subject.accountId)
                );
            }
            case "lambdaFunction": {
                if (resource.type !== "AWS_LAMBDA_FUNCTION") return false;
                const name = details?.awsLambdaFunction?.functionName ?? functionNameOfArn(resource.id ?? "");
                return (
                    name === subject.functionName &&
                    (subject.accountId === undefined || finding.awsAccountId === subject.accountId)
                );
            }
            case "ec2Instance":
                return resource.type === "AWS_EC2_INSTANCE" && resource.id === subject.instanceId;
            case "codeRepository":
                return (
                    resource.type === "CODE_REPOSITORY" &&
                    (details?.codeRepository?.projectName ?? resource.id) === subject.projectName
                );
        }
    });
}
