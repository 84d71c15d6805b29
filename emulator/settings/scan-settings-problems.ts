import {
    IMAGE_HASH,
    parseResourceId,
    RESOURCE_ID_FORMS,
    SCAN_RESOURCE_TYPES,
} from "../inspector2/scans/scan-resource";
import { loadModel } from "../model/load-model";
import { REGION_PATTERN } from "../region-pattern";
import type { ProblemReporter } from "./setting-problems";
import type { ScanResourceType } from "./scan-settings";
import { isObject, unknownKeys } from "./setting-problems";

const RESOURCE_KEYS = [
    "accountId",
    "resourceType",
    "resourceId",
    "region",
    "ecrImage",
    "lambdaFunction",
    "ec2Instance",
    "codeRepository",
    "pushedAt",
    "unsupported",
    "findings",
];
const FINDING_KEYS = [
    "vulnerabilityId",
    "severity",
    "title",
    "packageName",
    "packageVersion",
    "fixedInVersion",
    "exploitAvailable",
    "status",
];
const FINDING_STATUSES = ["ACTIVE", "SUPPRESSED", "CLOSED"];
/** The details member each resource type may carry. */
const DETAILS: Readonly<Record<string, ScanResourceType>> = {
    ecrImage: "AWS_ECR_CONTAINER_IMAGE",
    lambdaFunction: "AWS_LAMBDA_FUNCTION",
    ec2Instance: "AWS_EC2_INSTANCE",
    codeRepository: "CODE_REPOSITORY",
};
/** ISO 8601 date and time with a zone, as `new Date().toISOString()` writes it. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** Reasons that mean a resource is being scanned rather than that it cannot be. */
const SCANNING_REASONS = ["SUCCESSFUL", "PENDING_INITIAL_SCAN", "SCAN_IN_PROGRESS"];

/** `delays.scanMs`: optional, a number of milliseconds. */
export function scanDelayProblems(scanMs: unknown, report: ProblemReporter): void {
    if (scanMs === undefined) return;
    if (typeof scanMs !== "number" || !Number.isFinite(scanMs) || scanMs < 0)
        report(
            "delays.scanMs",
            scanMs,
            "must be a number of at least 0 (milliseconds from push or enable to scan)",
        );
}

/**
 * The `scanResources`: each a known resource type with an ID of its form, details that agree with the ID, each
 * resource once per account and region, and well-formed findings (each vulnerability once per package).
 */
export function scanResourceProblems(resources: unknown, report: ProblemReporter): void {
    if (!Array.isArray(resources)) return report("scanResources", resources, "must be a list");
    const seen = new Set<string>();
    resources.forEach((resource: unknown, index) => {
        const path = `scanResources[${index}]`;
        if (!isObject(resource)) return report(path, resource, "must be an object");
        unknownKeys(path, resource, RESOURCE_KEYS, report);
        const type = resource.resourceType as ScanResourceType;
        if (!SCAN_RESOURCE_TYPES.includes(type)) {
            return report(`${path}.resourceType`, type, `must be one of ${SCAN_RESOURCE_TYPES.join(", ")}`);
        }
        const id = resource.resourceId;
        const parts = typeof id === "string" ? parseResourceId(type, id) : undefined;
        if (!parts) report(`${path}.resourceId`, id, `must be ${RESOURCE_ID_FORMS[type]}`);
        checkAgrees(
            `${path}.accountId`,
            resource.accountId,
            parts?.accountId,
            /^\d{12}$/,
            "12 digits",
            report,
        );
        checkAgrees(
            `${path}.region`,
            resource.region,
            parts?.region,
            REGION_PATTERN,
            "a region name such as us-east-1",
            report,
        );
        for (const [member, owner] of Object.entries(DETAILS)) {
            if (resource[member] === undefined) continue;
            if (owner !== type)
                report(`${path}.${member}`, resource[member], `is only for ${owner} resources`);
            else if (!isObject(resource[member]))
                report(`${path}.${member}`, resource[member], "must be an object");
            else detailProblems(`${path}.${member}`, member, resource[member], parts ?? {}, report);
        }
        if (
            resource.pushedAt !== undefined &&
            !(
                typeof resource.pushedAt === "string" &&
                ISO_DATE_TIME.test(resource.pushedAt) &&
                !Number.isNaN(Date.parse(resource.pushedAt))
            )
        ) {
            report(
                `${path}.pushedAt`,
                resource.pushedAt,
                "must be an ISO 8601 date and time such as 2026-05-01T12:00:00Z",
            );
        }
        checkUnsupported(path, resource, report);
        if (resource.findings !== undefined) findingProblems(`${path}.findings`, resource.findings, report);
        const identity = JSON.stringify([
            resource.accountId ?? parts?.accountId,
            resource.region ?? parts?.region,
            type,
            id,
        ]);
        if (seen.has(identity)) {
            report(
                `${path}.resourceId`,
                id,
                "appears twice in the same account and region; resources must be unique",
            );
        }
        seen.add(identity);
    });
}

/** An optional member that, when the resource ID names it too, must say the same. */
function checkAgrees(
    path: string,
    value: unknown,
    fromId: string | undefined,
    pattern: RegExp,
    form: string,
    report: ProblemReporter,
): void {
    if (value === undefined) return;
    if (typeof value !== "string" || !pattern.test(value)) return report(path, value, `must be ${form}`);
    if (fromId !== undefined && value !== fromId)
        report(path, value, `must be ${fromId} as in resourceId, or be left out`);
}

function detailProblems(
    path: string,
    member: string,
    details: Record<string, unknown>,
    parts: { readonly repositoryName?: string; readonly imageHash?: string; readonly functionName?: string },
    report: ProblemReporter,
): void {
    const model = loadModel("inspector2");
    switch (member) {
        case "ecrImage":
            unknownKeys(path, details, ["repositoryName", "imageHash", "imageTags"], report);
            sameAsId(`${path}.repositoryName`, details.repositoryName, parts.repositoryName, report);
            if (details.imageHash !== undefined && !IMAGE_HASH.test(String(details.imageHash)))
                report(
                    `${path}.imageHash`,
                    details.imageHash,
                    "must be sha256: and 64 lower-case hex digits",
                );
            else sameAsId(`${path}.imageHash`, details.imageHash, parts.imageHash, report);
            if (
                details.imageTags !== undefined &&
                !(Array.isArray(details.imageTags) && details.imageTags.every(isNonEmptyString))
            ) {
                report(`${path}.imageTags`, details.imageTags, "must be a list of non-empty strings");
            }
            return;
        case "lambdaFunction": {
            unknownKeys(path, details, ["functionName", "runtime"], report);
            sameAsId(`${path}.functionName`, details.functionName, parts.functionName, report);
            const runtimes = model.shapes["Runtime"]?.enum ?? [];
            if (details.runtime !== undefined && !runtimes.includes(details.runtime as string))
                report(`${path}.runtime`, details.runtime, `must be one of ${runtimes.join(", ")}`);
            return;
        }
        case "ec2Instance": {
            unknownKeys(path, details, ["platform"], report);
            const platforms = model.shapes["Ec2Platform"]?.enum ?? [];
            if (details.platform !== undefined && !platforms.includes(details.platform as string))
                report(`${path}.platform`, details.platform, `must be one of ${platforms.join(", ")}`);
            return;
        }
        case "codeRepository":
            unknownKeys(path, details, ["projectName"], report);
            if (details.projectName !== undefined && !isText(details.projectName, 300))
                report(`${path}.projectName`, details.projectName, "must be 1 to 300 characters");
            return;
    }
}

/** A detail the resource ID also carries: optional, and the same as in the ID. */
function sameAsId(path: string, value: unknown, fromId: string | undefined, report: ProblemReporter): void {
    if (value === undefined || fromId === undefined) return;
    if (value !== fromId) report(path, value, `must be ${fromId} as in resourceId, or be left out`);
}

function checkUnsupported(path: string, resource: Record<string, unknown>, report: ProblemReporter): void {
    const { unsupported, findings } = resource;
    if (unsupported === undefined) return;
    const reasons = (loadModel("inspector2").shapes["ScanStatusReason"]?.enum ?? []).filter(
        (reason) => !SCANNING_REASONS.includes(reason),
    );
    if (!reasons.includes(unsupported as string)) {
        report(
            `${path}.unsupported`,
            unsupported,
            "must be a ScanStatusReason of a resource Inspector cannot scan, such as UNSUPPORTED_OS or UNSUPPORTED_RUNTIME",
        );
    } else if (Array.isArray(findings) && findings.length > 0) {
        report(
            `${path}.unsupported`,
            unsupported,
            "leaves the resource unscanned, so it cannot have findings; remove either findings or unsupported",
        );
    }
}

function findingProblems(path: string, findings: unknown, report: ProblemReporter): void {
    if (!Array.isArray(findings)) return report(path, findings, "must be a list");
    const severities = loadModel("inspector2").shapes["Severity"]?.enum ?? [];
    const seen = new Set<string>();
    findings.forEach((finding: unknown, index) => {
        const itemPath = `${path}[${index}]`;
        if (!isObject(finding)) return report(itemPath, finding, "must be an object");
        unknownKeys(itemPath, finding, FINDING_KEYS, report);
        if (!isText(finding.vulnerabilityId, 128))
            report(`${itemPath}.vulnerabilityId`, finding.vulnerabilityId, "must be 1 to 128 characters");
        if (!severities.includes(finding.severity as string))
            report(`${itemPath}.severity`, finding.severity, `must be one of ${severities.join(", ")}`);
        for (const member of ["title", "packageName", "packageVersion", "fixedInVersion"]) {
            if (finding[member] !== undefined && !isText(finding[member], 1024))
                report(`${itemPath}.${member}`, finding[member], "must be 1 to 1024 characters");
        }
        for (const member of ["packageVersion", "fixedInVersion"]) {
            if (finding[member] !== undefined && finding.packageName === undefined)
                report(
                    `${itemPath}.${member}`,
                    finding[member],
                    "needs packageName: it is a version of that package",
                );
        }
        if (finding.exploitAvailable !== undefined && typeof finding.exploitAvailable !== "boolean")
            report(`${itemPath}.exploitAvailable`, finding.exploitAvailable, "must be true or false");
        if (finding.status !== undefined && !FINDING_STATUSES.includes(finding.status as string))
            report(`${itemPath}.status`, finding.status, `must be one of ${FINDING_STATUSES.join(", ")}`);
        const identity = JSON.stringify([finding.vulnerabilityId, finding.packageName ?? null]);
        if (seen.has(identity)) {
            report(
                `${itemPath}.vulnerabilityId`,
                finding.vulnerabilityId,
                "appears twice for the same package; a resource has one finding per vulnerability and package",
            );
        }
        seen.add(identity);
    });
}

function isText(value: unknown, max: number): boolean {
    return typeof value === "string" && [...value].length >= 1 && [...value].length <= max;
}

function isNonEmptyString(value: unknown): boolean {
    return typeof value === "string" && value !== "";
}
