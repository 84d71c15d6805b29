import type { Finding } from "@aws-sdk/client-inspector2";
import { plural } from "../core/plural";
import type { Severity, SeverityKey } from "./args";
import type { ResourceReport } from "./scan";

/** Inspector's severities, most severe first: the order `failOnSeverity` ranks them in. */
export const SEVERITIES: readonly Severity[] = [
    "CRITICAL",
    "HIGH",
    "MEDIUM",
    "LOW",
    "INFORMATIONAL",
    "UNTRIAGED",
];

/** The severities as `thresholds` and `findingCounts` name them, most severe first. */
export const SEVERITY_KEYS: readonly SeverityKey[] = SEVERITIES.map((severity) => toKey(severity));

export function toKey(severity: Severity): SeverityKey {
    return severity.toLowerCase() as SeverityKey;
}

/** How many worst findings the outputs and the failure message show. */
export const MAX_WORST_FINDINGS = 10;

/** A vulnerability not counted until a date (inclusive, UTC). */
export interface IgnoreRule {
    /** The vulnerability's ID as Inspector reports it (`CVE-…`, `GHSA-…`). */
    readonly vulnerabilityId: string;
    /** Why it may be ignored. */
    readonly reason: string;
    /** `YYYY-MM-DD`: the last day it is ignored. */
    readonly expiresOn: string;
}

/** What the gate counts and when it fails, as checked. */
export interface GateRules {
    readonly failOnSeverity?: Severity;
    readonly thresholds?: Readonly<Partial<Record<SeverityKey, number>>>;
    readonly onlyFixAvailable: boolean;
    readonly onlyExploitAvailable: boolean;
    readonly ignore: readonly IgnoreRule[];
}

/**
 * The severities the gate judges, most severe first: those at or above `failOnSeverity` and those with a
 * threshold. Only these are read from Inspector and counted.
 */
export function judgedSeverities(rules: Pick<GateRules, "failOnSeverity" | "thresholds">): Severity[] {
    const floor = rules.failOnSeverity ? SEVERITIES.indexOf(rules.failOnSeverity) : -1;
    return SEVERITIES.filter(
        (severity, rank) => rank <= floor || rules.thresholds?.[toKey(severity)] !== undefined,
    );
}

/** Whether an ignore entry still applies at `now` (ms): through the whole of its expiry day, in UTC. */
export function ignoreInForce(rule: Pick<IgnoreRule, "expiresOn">, now: number): boolean {
    const [year, month, day] = rule.expiresOn.split("-").map(Number);
    return now < Date.UTC(year, month - 1, day + 1);
}

/** A finding as the gate reads it. */
export interface FindingRecord {
    readonly findingArn: string;
    readonly awsAccountId: string;
    readonly vulnerabilityId: string;
    readonly title: string;
    readonly severity: string;
    readonly status: string;
    readonly resourceId: string;
    readonly resourceType: string;
    readonly packageName?: string;
    readonly fixedInVersion?: string;
    readonly url?: string;
    readonly fixAvailable?: string;
    readonly exploitAvailable?: string;
    readonly inspectorScore?: number;
}

/** The parts of an Inspector finding the gate uses. Code findings have a detector instead of a vulnerability ID. */
export function toFindingRecord(finding: Finding): FindingRecord {
    const resource = finding.resources?.[0];
    const vulnerability = finding.packageVulnerabilityDetails;
    const code = finding.codeVulnerabilityDetails;
    // Inspector says `NotAvailable` where no fixed version exists.
    const fixedPackage = vulnerability?.vulnerablePackages?.find(
        (pkg) => pkg.fixedInVersion && pkg.fixedInVersion !== "NotAvailable",
    );
    const firstPackage = fixedPackage ?? vulnerability?.vulnerablePackages?.[0];
    const url =
        vulnerability?.sourceUrl ??
        vulnerability?.referenceUrls?.[0] ??
        finding.remediation?.recommendation?.Url ??
        code?.referenceUrls?.[0];
    return omitUndefined({
        findingArn: finding.findingArn ?? "",
        awsAccountId: finding.awsAccountId ?? "",
        vulnerabilityId: vulnerability?.vulnerabilityId ?? code?.detectorId ?? finding.title ?? "",
        title: finding.title ?? "",
        severity: finding.severity ?? "UNTRIAGED",
        status: finding.status ?? "ACTIVE",
        resourceId: resource?.id ?? "",
        resourceType: resource?.type ?? "",
        packageName: firstPackage?.name,
        fixedInVersion: fixedPackage?.fixedInVersion,
        url,
        fixAvailable: finding.fixAvailable,
        exploitAvailable: finding.exploitAvailable,
        inspectorScore: finding.inspectorScore,
    });
}

/** One finding as `worstFindings` shows it. */
export interface WorstFinding {
    /** The finding's ARN in Inspector. */
    readonly findingArn: string;
    /** The vulnerability (`CVE-…`, `GHSA-…`, or a code detector's rule). */
    readonly vulnerabilityId: string;
    /** Inspector's title of the finding. */
    readonly title: string;
    /** Inspector's severity, in upper case (`CRITICAL`…). */
    readonly severity: string;
    /** The resource it was found in: an image's or a function's ARN, an instance ID, a project name, an account. */
    readonly resourceId: string;
    /** The vulnerable package, for package vulnerabilities. */
    readonly packageName?: string;
    /** The package version that fixes it, when Inspector knows one. */
    readonly fixedInVersion?: string;
    /** A page about the vulnerability (the source's, such as NVD's). */
    readonly url?: string;
}

/** Findings of one ignore entry that were not counted. */
export interface IgnoredFindings {
    /** The ignored vulnerability. */
    readonly vulnerabilityId: string;
    /** The entry's reason. */
    readonly reason: string;
    /** The entry's last day (`YYYY-MM-DD`, UTC). */
    readonly expiresOn: string;
    /** How many findings the entry kept from counting in the last evaluation. */
    readonly findingCount: number;
}

/** Counts that came from Inspector's aggregation instead of listed findings (see operations). */
export interface AggregatedCounts {
    /** The accounts the counts cover: listed findings of these accounts are in them already. */
    readonly accountIds: readonly string[];
    readonly counts: Readonly<Partial<Record<SeverityKey, number>>>;
}

/** What the gate counted. */
export interface Tally {
    /** Per judged severity (and only those), after the filters and the ignore list. */
    readonly counts: Readonly<Partial<Record<SeverityKey, number>>>;
    /** The counted findings, worst first. */
    readonly counted: readonly FindingRecord[];
    /** Per ignore entry in force that matched findings. */
    readonly ignored: readonly IgnoredFindings[];
    /** Per expired ignore entry whose findings were counted again. */
    readonly expired: readonly IgnoredFindings[];
}

/**
 * Counts the findings the rules judge: ACTIVE, of a judged severity, with a fix or an exploit when asked, and
 * not ignored by an entry in force. Each finding counts once, however many subjects it belongs to.
 */
export function tallyFindings(
    findings: readonly FindingRecord[],
    rules: GateRules,
    now: number,
    aggregated?: AggregatedCounts,
): Tally {
    const judged = new Set<string>(judgedSeverities(rules));
    const unique = new Map(findings.map((finding) => [finding.findingArn, finding]));
    const aggregatedAccounts = new Set(aggregated?.accountIds ?? []);
    const rulesById = new Map(rules.ignore.map((rule) => [rule.vulnerabilityId, rule]));
    const ignored = new Map<string, number>();
    const expired = new Map<string, number>();
    const counted: FindingRecord[] = [];
    for (const finding of unique.values()) {
        if (finding.status !== "ACTIVE" || !judged.has(finding.severity)) continue;
        if (rules.onlyFixAvailable && finding.fixAvailable !== "YES" && finding.fixAvailable !== "PARTIAL")
            continue;
        if (rules.onlyExploitAvailable && finding.exploitAvailable !== "YES") continue;
        const rule = rulesById.get(finding.vulnerabilityId);
        if (rule && ignoreInForce(rule, now)) {
            ignored.set(rule.vulnerabilityId, (ignored.get(rule.vulnerabilityId) ?? 0) + 1);
            continue;
        }
        if (rule) expired.set(rule.vulnerabilityId, (expired.get(rule.vulnerabilityId) ?? 0) + 1);
        counted.push(finding);
    }
    const counts: Partial<Record<SeverityKey, number>> = {};
    for (const severity of SEVERITIES) {
        if (!judged.has(severity)) continue;
        const key = toKey(severity);
        const listed = counted.filter(
            (finding) => finding.severity === severity && !aggregatedAccounts.has(finding.awsAccountId),
        ).length;
        counts[key] = listed + (aggregated?.counts[key] ?? 0);
    }
    const perRule = (found: Map<string, number>): IgnoredFindings[] =>
        rules.ignore
            .filter((rule) => found.has(rule.vulnerabilityId))
            .map((rule) => ({ ...rule, findingCount: found.get(rule.vulnerabilityId) ?? 0 }));
    return { counts, counted: worstFirst(counted), ignored: perRule(ignored), expired: perRule(expired) };
}

/** Most severe first; then the higher Inspector score; then by vulnerability and resource, for a stable order. */
export function worstFirst(findings: readonly FindingRecord[]): FindingRecord[] {
    const rank = (severity: string) => {
        const index = SEVERITIES.indexOf(severity as Severity);
        return index < 0 ? SEVERITIES.length : index;
    };
    return [...findings].sort(
        (a, b) =>
            rank(a.severity) - rank(b.severity) ||
            (b.inspectorScore ?? 0) - (a.inspectorScore ?? 0) ||
            a.vulnerabilityId.localeCompare(b.vulnerabilityId) ||
            a.resourceId.localeCompare(b.resourceId) ||
            a.findingArn.localeCompare(b.findingArn),
    );
}

/** The first {@link MAX_WORST_FINDINGS} counted findings, as the outputs show them. */
export function worstFindings(tally: Pick<Tally, "counted">): WorstFinding[] {
    return tally.counted.slice(0, MAX_WORST_FINDINGS).map((finding) =>
        omitUndefined({
            findingArn: finding.findingArn,
            vulnerabilityId: finding.vulnerabilityId,
            title: finding.title,
            severity: finding.severity,
            resourceId: finding.resourceId,
            packageName: finding.packageName,
            fixedInVersion: finding.fixedInVersion,
            url: finding.url,
        }),
    );
}

/** Counts as messages show them: `critical 1, high 2`. */
export function formatCounts(counts: Readonly<Partial<Record<SeverityKey, number>>>): string {
    return SEVERITY_KEYS.filter((key) => counts[key] !== undefined)
        .map((key) => `${key} ${counts[key]}`)
        .join(", ");
}

/** Why the counts fail the gate, one line per broken rule; empty when they pass. */
export function breaches(counts: Readonly<Partial<Record<SeverityKey, number>>>, rules: GateRules): string[] {
    const found: string[] = [];
    if (rules.failOnSeverity) {
        const floor = SEVERITIES.indexOf(rules.failOnSeverity);
        const keys = SEVERITY_KEYS.slice(0, floor + 1);
        const total = keys.reduce((sum, key) => sum + (counts[key] ?? 0), 0);
        if (total > 0) {
            const shown = formatCounts(Object.fromEntries(keys.map((key) => [key, counts[key] ?? 0])));
            found.push(
                `${plural(total, "finding")} at or above failOnSeverity ` +
                    `${rules.failOnSeverity} (${shown})`,
            );
        }
    }
    for (const key of SEVERITY_KEYS) {
        const limit = rules.thresholds?.[key];
        const count = counts[key] ?? 0;
        if (limit !== undefined && count > limit) {
            found.push(`${plural(count, `${key} finding`)}, above thresholds.${key} ${limit}`);
        }
    }
    return found;
}

/** What the verdict is about, for its messages. */
export interface VerdictSubject {
    /** The resource's name in the program. */
    readonly label: string;
    readonly region: string;
    /** What is gated, for example `2 images, 1 Lambda function and 1 account`. */
    readonly gated: string;
}

/** The gate's decision and what to say about it. */
export interface Judgement {
    readonly passed: boolean;
    /** One line: the `verdict` output. */
    readonly verdict: string;
    /** The whole failure message (the verdict, the worst findings, what else matters, the ways past it). */
    readonly message?: string;
    /** What deserves a warning even when the gate passes: unscanned resources, expired ignore entries. */
    readonly notes: readonly string[];
}

/** The three ways past a failing gate. */
export const WAYS_PAST =
    "To get past it: fix the findings and deploy the fixed image, function or instance (the next pulumi up " +
    "evaluates it); or ignore a finding until a date with ignore: [{ vulnerabilityId, reason, expiresOn: " +
    '"YYYY-MM-DD" }]; or change failOnSeverity or thresholds. The evaluation is recorded in the state, and every ' +
    "pulumi up evaluates again until the gate passes.";

/**
 * Decides: the gate fails when a rule is broken, or when it was asked to wait and a resource was still not
 * scanned when waiting ran out (its findings are not known, so passing would be a guess).
 */
export function judge(
    subject: VerdictSubject,
    rules: GateRules,
    tally: Tally,
    resources: readonly ResourceReport[],
    timedOutAfterSeconds?: number,
): Judgement {
    const ruleBroken = breaches(tally.counts, rules);
    const broken = [...ruleBroken];
    const pending = resources.filter((resource) => resource.status === "PENDING");
    const unscanned = resources.filter(
        (resource) => resource.status === "NOT_COVERED" || resource.status === "UNSUPPORTED",
    );
    const timedOut = timedOutAfterSeconds !== undefined && pending.length > 0;
    if (timedOut) {
        broken.push(
            `Inspector had not finished scanning ${pending.length} of ${plural(resources.length, "resource")} after ` +
                `waitTimeoutSeconds (${timedOutAfterSeconds} s): ${pending.map(describeResource).join("; ")}`,
        );
    }
    const notes: string[] = [];
    if (unscanned.length > 0) {
        notes.push(
            `Inspector does not scan ${unscanned.length} of the gated resources, so they have no findings: ` +
                `${unscanned.map(describeResource).join("; ")}`,
        );
    }
    if (pending.length > 0 && !timedOut) {
        notes.push(
            `${pending.length === 1 ? "1 resource was" : `${pending.length} resources were`} not scanned yet, so ` +
                "their findings are not counted: " +
                `${pending.map(describeResource).join("; ")}`,
        );
    }
    for (const entry of tally.expired) {
        notes.push(
            `ignore entry ${entry.vulnerabilityId} expired on ${entry.expiresOn}: its ` +
                `${entry.findingCount === 1 ? "finding counts" : `${entry.findingCount} findings count`} again ` +
                `("${entry.reason}")`,
        );
    }
    const where = `FindingsGate "${subject.label}" in ${subject.region}`;
    const ignoredCount = tally.ignored.reduce((sum, entry) => sum + entry.findingCount, 0);
    const ignoredNote = ignoredCount > 0 ? `; ${ignoredCount} ignored` : "";
    if (broken.length === 0) {
        const counts = formatCounts(tally.counts);
        return {
            passed: true,
            verdict: `${where} passed over ${subject.gated}: ${counts}${ignoredNote}`,
            notes,
        };
    }
    const verdict = `${where} failed over ${subject.gated}: ${broken.join("; ")}${ignoredNote}`;
    const worst = worstFindings(tally);
    const lines = [verdict];
    if (worst.length > 0) {
        const total = Object.values(tally.counts).reduce((sum, count) => sum + (count ?? 0), 0);
        lines.push(
            `Worst findings${total > worst.length ? ` (${worst.length} of ${total})` : ""}:`,
            ...worst.map((finding) => `  - ${describeFinding(finding)}`),
        );
    }
    lines.push(...notes.map((note) => `Note: ${note}.`));
    if (ruleBroken.length > 0) lines.push(WAYS_PAST);
    if (timedOut) lines.push(WAIT_AGAIN);
    return { passed: false, verdict, message: lines.join("\n"), notes };
}

const WAIT_AGAIN =
    "The next pulumi up waits for the scans again; raise waitTimeoutSeconds to wait longer in one update, or set " +
    "waitForScan to false to judge what Inspector has found so far.";

/** `CRITICAL CVE-2024-1 in openssl 3.0.1 (fixed in 3.0.2) on <resource>: <title> <url>` */
export function describeFinding(finding: WorstFinding): string {
    const fix = finding.fixedInVersion ? ` (fixed in ${finding.fixedInVersion})` : " (no fix yet)";
    const pkg = finding.packageName ? ` in ${finding.packageName}${fix}` : "";
    const url = finding.url ? ` ${finding.url}` : "";
    return `${finding.severity} ${finding.vulnerabilityId}${pkg} on ${finding.resourceId}: ${finding.title}${url}`;
}

function describeResource(resource: ResourceReport): string {
    return `${resource.resourceId} (${resource.status}: ${resource.reason})`;
}

/** `2 images, 1 Lambda function and 1 account`. */
export function describeGated(
    parts: readonly { readonly count: number; readonly one: string; readonly many: string }[],
): string {
    const named = parts
        .filter((part) => part.count > 0)
        .map((part) => plural(part.count, part.one, part.many));
    if (named.length <= 1) return named[0] ?? "nothing";
    return `${named.slice(0, -1).join(", ")} and ${named.at(-1)}`;
}

/**
 * Whether Inspector's per-account aggregation answers the question as well as the listed findings would: it
 * counts critical, high and medium findings only, and knows nothing of fixes, exploits or vulnerability IDs.
 */
export function aggregationAnswers(rules: GateRules, now: number): boolean {
    const countable: readonly Severity[] = ["CRITICAL", "HIGH", "MEDIUM"];
    return (
        judgedSeverities(rules).every((severity) => countable.includes(severity)) &&
        !rules.onlyFixAvailable &&
        !rules.onlyExploitAvailable &&
        rules.ignore.every((rule) => !ignoreInForce(rule, now))
    );
}

function omitUndefined<T extends object>(value: T): T {
    return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
