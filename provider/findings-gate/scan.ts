import type { CoveredResource } from "@aws-sdk/client-inspector2";
import { pollPauses, SCAN_POLLING } from "../core/context";
import { plural } from "../core/plural";
import {
    accountScanning,
    type AccountScanning,
    type CallScope,
    callerAccountId,
    listCoverage,
    type ScanningRead,
} from "./operations";
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
 * - PENDING: covered, but the first scan (or a rescan) has not finished; or, while waiting, not in the coverage
 *   yet although its type's scanning is enabled (or enabling) for its account.
 * - UNSUPPORTED: covered, but Inspector cannot scan it (an unsupported OS, runtime, media type…).
 * - NOT_COVERED: Inspector does not scan it: its type is not enabled for the account in the region, it is
 *   excluded, or it does not exist.
 */
export type ScanStatus = "SCANNED" | "PENDING" | "NOT_COVERED" | "UNSUPPORTED";

/** One gated resource as `resources` reports it. */
export interface ResourceReport {
    /** The resource as Inspector's coverage names it (an image's or a function's ARN, an instance ID…). */
    readonly resourceId: string;
    /** Inspector's resource type (`AWS_ECR_CONTAINER_IMAGE`, `AWS_LAMBDA_FUNCTION`, `AWS_EC2_INSTANCE`, `CODE_REPOSITORY`). */
    readonly resourceType: string;
    /** Where its scan stands for the gate. */
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

/** The coverage read for the subjects: each one's report, and whether Inspector has no record of it at all. */
interface CoverageRead {
    readonly reports: ResourceReport[];
    readonly missing: boolean[];
}

/** Reads the coverage of the subjects: one ListCoverage filter per kind of lookup, every page. */
async function readCoverageOf(scope: CallScope, subjects: readonly ResourceSubject[]): Promise<CoverageRead> {
    if (subjects.length === 0) return { reports: [], missing: [] };
    const pages = await Promise.all(
        coverageQueries(subjects, scope.region).map((query) => listCoverage(scope, query)),
    );
    const covered = pages.flat();
    return {
        reports: subjects.map((subject) => reportResource(subject, covered, scope.region)),
        missing: subjects.map((subject) => !covered.some((record) => coversSubject(subject, record))),
    };
}

/** Reads the coverage of the subjects: one ListCoverage filter per kind of lookup, every page. */
export async function readCoverage(
    scope: CallScope,
    subjects: readonly ResourceSubject[],
): Promise<ResourceReport[]> {
    return (await readCoverageOf(scope, subjects)).reports;
}

/** How the gate's lists name a subject, for the way past a type that is not scanned. */
const LISTED_AS: Record<ResourceSubject["kind"], { readonly noun: string; readonly property: string }> = {
    image: { noun: "image", property: "images" },
    lambdaFunction: { noun: "function", property: "lambdaFunctions" },
    ec2Instance: { noun: "instance", property: "ec2Instances" },
    codeRepository: { noun: "repository", property: "codeRepositories" },
};

/** Statuses of a type whose resources Inspector will cover, so that waiting for one makes sense. */
const SCANNING = ["ENABLED", "ENABLING"];

/**
 * Which types the accounts of resources missing from the coverage scan, read (BatchGetAccountStatus) only when
 * a resource is missing and at most once per account per evaluation. A subject named without its account (a
 * function by name, an image without registryId, an instance, a repository) is taken to be the calling
 * account's.
 */
export class AccountScanningCache {
    private readonly accounts = new Map<string, AccountScanning>();
    /** Why Inspector reported no status for an account it was asked about. */
    private readonly unreported = new Map<string, string>();
    private caller?: string;
    private callerRead = false;

    constructor(private readonly scope: CallScope) {}

    /** Reads the status of the accounts of these (missing) subjects not read yet: one call, usually. */
    async load(subjects: readonly ResourceSubject[]): Promise<void> {
        const named = subjects.flatMap((subject) => explicitAccount(subject) ?? []);
        const asked = [...new Set(named)].filter((accountId) => !this.known(accountId));
        const needCaller = !this.callerRead && subjects.some((subject) => !explicitAccount(subject));
        if (needCaller && asked.length === 0) {
            // Without account IDs, BatchGetAccountStatus answers for the calling account: no STS call needed.
            this.callerRead = true;
            const read = await accountScanning(this.scope);
            this.caller = read.reported[0]?.accountId;
            this.record(read, this.caller ? [this.caller] : []);
            return;
        }
        if (needCaller) {
            this.callerRead = true;
            this.caller = await callerAccountId(this.scope);
            if (!this.known(this.caller) && !asked.includes(this.caller)) asked.push(this.caller);
        }
        if (asked.length === 0) return;
        this.record(await accountScanning(this.scope, asked.sort()), asked);
    }

    private known(accountId: string): boolean {
        return this.accounts.has(accountId) || this.unreported.has(accountId);
    }

    private record(read: ScanningRead, asked: readonly string[]): void {
        for (const account of read.reported) this.accounts.set(account.accountId, account);
        for (const [accountId, why] of read.failed) this.unreported.set(accountId, why);
        for (const accountId of asked) {
            if (!this.known(accountId))
                this.unreported.set(accountId, "Inspector did not name it in its answer");
        }
    }

    /**
     * The report of a subject missing from the coverage (after {@link load}): PENDING when its type's scanning is
     * ENABLED or ENABLING for its account (Inspector has not listed it yet: just pushed, updated, or enabled);
     * NOT_COVERED, saying why and what to do, when it is not or the account's status is not known.
     */
    missingReport(subject: ResourceSubject, report: ResourceReport): ResourceReport {
        const { region } = this.scope;
        const scanType = scanTypeOf(subject);
        const accountId = explicitAccount(subject) ?? this.caller;
        const { noun, property } = LISTED_AS[subject.kind];
        const wayPast = `enable it (InspectorEnablement) or remove the ${noun} from ${property}`;
        const account = accountId ? this.accounts.get(accountId) : undefined;
        if (!accountId || !account) {
            const who = accountId ? `account ${accountId}` : "the credentials' account";
            const why = accountId ? this.unreported.get(accountId) : undefined;
            return {
                ...report,
                status: "NOT_COVERED",
                reason:
                    `not in Inspector's coverage, and Inspector reported no status for ${who} in ${region}` +
                    `${why ? ` (${why})` : ""}, so whether ${scanType} scanning is enabled there is not known: ` +
                    `${wayPast}`,
            };
        }
        const status = account.types[scanType] ?? "DISABLED";
        if (SCANNING.includes(status)) {
            return {
                ...report,
                status: "PENDING",
                reason:
                    `not in Inspector's coverage yet (${scanType} scanning is ${status} for account ${accountId} in ` +
                    `${region})`,
            };
        }
        return {
            ...report,
            status: "NOT_COVERED",
            reason:
                `${scanType} scanning is not enabled for account ${accountId} in ${region}` +
                `${status === "DISABLED" ? "" : ` (it is ${status})`}: ${wayPast}`,
        };
    }

    /** The reason of a subject still missing from the coverage when waiting ran out. */
    neverCovered(subject: ResourceSubject): string {
        const accountId = explicitAccount(subject) ?? this.caller;
        const status = accountId ? this.accounts.get(accountId)?.types[scanTypeOf(subject)] : undefined;
        return (
            `never appeared in Inspector's coverage, although ${scanTypeOf(subject)} scanning is ` +
            `${status ?? "ENABLED"} for account ${accountId} in ${this.scope.region}`
        );
    }
}

/** The account a subject names (a URI, an ARN, registryId), if any. */
function explicitAccount(subject: ResourceSubject): string | undefined {
    return "accountId" in subject ? subject.accountId : undefined;
}

/** The scan statuses after waiting, and whether waiting ran out with some still pending. */
export interface ScanWait {
    readonly resources: ResourceReport[];
    readonly timedOut: boolean;
}

/**
 * Reads the coverage, then, while some resources are pending, polls theirs (only theirs) with growing pauses
 * ({@link SCAN_POLLING}: within 2 s or 15 % of the time waited) until they are scanned or the scope's deadline has passed. Logs a line whenever what is pending changes. A
 * resource missing from the coverage is pending while its type's scanning is enabled (or enabling) for its
 * account, and not covered (not waited on) when it is not: see {@link AccountScanningCache}.
 */
export async function waitForScans(
    scope: CallScope,
    subjects: readonly ResourceSubject[],
    label: string,
): Promise<ScanWait> {
    const { context } = scope;
    const deadline = scope.deadline ?? Infinity;
    const pause = pollPauses(context, SCAN_POLLING);
    const scanning = new AccountScanningCache(scope);
    const absent = subjects.map(() => false);
    const read = async (indices: readonly number[]): Promise<ResourceReport[]> => {
        const asked = indices.map((index) => subjects[index]);
        const { reports, missing } = await readCoverageOf(scope, asked);
        indices.forEach((index, position) => (absent[index] = missing[position]));
        if (!missing.some(Boolean)) return reports;
        await scanning.load(asked.filter((_, position) => missing[position]));
        return reports.map((report, position) =>
            missing[position] ? scanning.missingReport(asked[position], report) : report,
        );
    };
    const resources = await read(subjects.map((_, index) => index));
    let lastProgress: string | undefined;
    for (;;) {
        const pending = resources.flatMap((resource, index) =>
            resource.status === "PENDING" ? [index] : [],
        );
        if (pending.length === 0) return { resources, timedOut: false };
        const progress =
            `${label}: waiting for Inspector to scan ${pending.length} of ${plural(resources.length, "resource")}: ` +
            pending.map((index) => `${resources[index].resourceId} (${resources[index].reason})`).join(", ");
        if (progress !== lastProgress) context.log(progress);
        lastProgress = progress;
        if (context.now() >= deadline) {
            for (const index of pending) {
                if (absent[index]) {
                    resources[index] = {
                        ...resources[index],
                        reason: scanning.neverCovered(subjects[index]),
                    };
                }
            }
            return { resources, timedOut: true };
        }
        await pause(deadline);
        const again = await read(pending);
        pending.forEach((index, position) => (resources[index] = again[position]));
    }
}
