import type { CoveredResource } from "@aws-sdk/client-inspector2";
import { nextPollDelay, sleepWithin } from "../core/context";
import { type CallScope, listCoverage } from "./operations";
import {
    coverageQueries,
    coversSubject,
    describeSubject,
    knownResourceId,
    resourceTypeOf,
    type ResourceSubject,
    scanTypeOf,
} from "./subjects";

/**
 * Where Inspector's scan of each gated resource stands (ListCoverage), and waiting until they are scanned.
 * - SCANNED: Inspector finished a scan (lastScannedAt says when); its findings are current.
 * - PENDING: covered, but the first scan (or a rescan) has not finished.
 * - UNSUPPORTED: covered, but Inspector cannot scan it (an unsupported OS, runtime, media type…).
 * - NOT_COVERED: Inspector does not scan it: its type is not enabled for the account in the region, it is
 *   excluded, or it does not exist.
 */
export type ScanStatus = "SCANNED" | "PENDING" | "NOT_COVERED" | "UNSUPPORTED";

/** One gated resource as `resources` reports it. */
export interface ResourceReport {
    readonly resourceId: string;
    readonly resourceType: string;
    readonly status: ScanStatus;
    /** Inspector's scan status reason (`SUCCESSFUL`, `PENDING_INITIAL_SCAN`, `UNSUPPORTED_OS`…), or why it is not covered. */
    readonly reason: string;
    /** When Inspector last scanned it, ISO 8601. */
    readonly lastScannedAt?: string;
}

/** Reasons of an ACTIVE scan status that mean a scan has not finished. */
const PENDING_REASONS = ["PENDING_INITIAL_SCAN", "SCAN_IN_PROGRESS", "PENDING_REVIVAL_SCAN"];

/** Reasons of an INACTIVE scan status that mean Inspector cannot scan this resource at all. */
const UNSUPPORTED_REASONS = [
    "UNSUPPORTED_OS",
    "UNSUPPORTED_RUNTIME",
    "UNSUPPORTED_MEDIA_TYPE",
    "UNSUPPORTED_CONFIG_FILE",
    "UNSUPPORTED_LANGUAGE",
    "UNSUPPORTED_CODE_ARTIFACTS",
    "IMAGE_SIZE_EXCEEDED",
];

/** The status of one covered resource record. */
export function scanStatusOf(covered: CoveredResource): ScanStatus {
    const code = covered.scanStatus?.statusCode;
    const reason = covered.scanStatus?.reason ?? "";
    if (code === "INACTIVE") return UNSUPPORTED_REASONS.includes(reason) ? "UNSUPPORTED" : "NOT_COVERED";
    if (PENDING_REASONS.includes(reason) || !covered.lastScannedAt) return "PENDING";
    return "SCANNED";
}

/** How far along each status is: when several records match one subject, the least advanced speaks for it. */
const PROGRESS: Record<ScanStatus, number> = { PENDING: 0, NOT_COVERED: 1, UNSUPPORTED: 2, SCANNED: 3 };

/** The report of one subject from the coverage records read for it. */
export function reportResource(
    subject: ResourceSubject,
    covered: readonly CoveredResource[],
    region: string,
): ResourceReport {
    const matches = covered
        .filter((record) => coversSubject(subject, record))
        .sort(
            (a, b) =>
                PROGRESS[scanStatusOf(a)] - PROGRESS[scanStatusOf(b)] ||
                (a.resourceId ?? "").localeCompare(b.resourceId ?? ""),
        );
    const record = matches[0];
    if (!record) {
        return {
            resourceId: knownResourceId(subject, region) ?? describeSubject(subject, region),
            resourceType: resourceTypeOf(subject),
            status: "NOT_COVERED",
            reason:
                `not in Inspector's coverage: ${scanTypeOf(subject)} scanning is not enabled for its account in ` +
                `${region}, or it does not exist`,
        };
    }
    return {
        resourceId: record.resourceId ?? describeSubject(subject, region),
        resourceType: record.resourceType ?? resourceTypeOf(subject),
        status: scanStatusOf(record),
        reason: record.scanStatus?.reason ?? "",
        ...(record.lastScannedAt ? { lastScannedAt: record.lastScannedAt.toISOString() } : {}),
    };
}

/** Reads the coverage of the subjects: one ListCoverage filter per kind of lookup, every page. */
export async function readCoverage(
    scope: CallScope,
    subjects: readonly ResourceSubject[],
): Promise<ResourceReport[]> {
    if (subjects.length === 0) return [];
    const pages = await Promise.all(
        coverageQueries(subjects, scope.region).map((query) => listCoverage(scope, query)),
    );
    const covered = pages.flat();
    return subjects.map((subject) => reportResource(subject, covered, scope.region));
}

/** The scan statuses after waiting, and whether waiting ran out with some still pending. */
export interface ScanWait {
    readonly resources: ResourceReport[];
    readonly timedOut: boolean;
}

/**
 * Reads the coverage, then, while some resources are pending, polls theirs (only theirs) with growing pauses
 * until they are scanned or the scope's deadline has passed. Logs a line whenever what is pending changes.
 */
export async function waitForScans(
    scope: CallScope,
    subjects: readonly ResourceSubject[],
    label: string,
): Promise<ScanWait> {
    const { context } = scope;
    const deadline = scope.deadline ?? Infinity;
    const resources = await readCoverage(scope, subjects);
    let delay: number | undefined;
    let lastProgress: string | undefined;
    for (;;) {
        const pending = resources.flatMap((resource, index) =>
            resource.status === "PENDING" ? [index] : [],
        );
        if (pending.length === 0) return { resources, timedOut: false };
        const progress =
            `${label}: waiting for Inspector to scan ${pending.length} of ${resources.length} resources: ` +
            pending.map((index) => `${resources[index].resourceId} (${resources[index].reason})`).join(", ");
        if (progress !== lastProgress) context.log(progress);
        lastProgress = progress;
        if (context.now() >= deadline) return { resources, timedOut: true };
        delay = nextPollDelay(delay, context.policy);
        await sleepWithin(context, delay, deadline);
        const again = await readCoverage(
            scope,
            pending.map((index) => subjects[index]),
        );
        pending.forEach((index, position) => (resources[index] = again[position]));
    }
}
