import assert from "node:assert/strict";
import type { Finding } from "@aws-sdk/client-inspector2";
import type { ResourceReport } from "../../provider/findings-gate/scan";
import {
    aggregationAnswers,
    breaches,
    describeGated,
    type FindingRecord,
    type GateRules,
    ignoreInForce,
    judge,
    judgedSeverities,
    MAX_WORST_FINDINGS,
    tallyFindings,
    toFindingRecord,
    WAYS_PAST,
    worstFindings,
} from "../../provider/findings-gate/verdict";

const DAY = 86_400_000;
/** 2026-03-15 12:00 UTC: the clock of every test here. */
const NOW = Date.UTC(2026, 2, 15, 12);
const IMAGE = "arn:aws:ecr:us-east-1:111122223333:repository/shop/sha256:" + "a".repeat(64);

const rules = (partial: Partial<GateRules>): GateRules => ({
    onlyFixAvailable: false,
    onlyExploitAvailable: false,
    ignore: [],
    ...partial,
});

let serial = 0;
function finding(severity: string, partial: Partial<FindingRecord> = {}): FindingRecord {
    serial++;
    return {
        findingArn: `arn:aws:inspector2:us-east-1:111122223333:finding/${String(serial).padStart(4, "0")}`,
        awsAccountId: "111122223333",
        vulnerabilityId: `CVE-2026-${String(serial).padStart(4, "0")}`,
        title: `title ${serial}`,
        severity,
        status: "ACTIVE",
        resourceId: IMAGE,
        resourceType: "AWS_ECR_CONTAINER_IMAGE",
        fixAvailable: "NO",
        exploitAvailable: "NO",
        ...partial,
    };
}

describe("FindingsGate verdict", () => {
    describe("the severities a gate judges", () => {
        const cases: { rules: Partial<GateRules>; judged: string[] }[] = [
            { rules: { failOnSeverity: "CRITICAL" }, judged: ["CRITICAL"] },
            { rules: { failOnSeverity: "HIGH" }, judged: ["CRITICAL", "HIGH"] },
            {
                rules: { failOnSeverity: "UNTRIAGED" },
                judged: ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNTRIAGED"],
            },
            { rules: { thresholds: { medium: 5 } }, judged: ["MEDIUM"] },
            {
                rules: { failOnSeverity: "CRITICAL", thresholds: { low: 10, high: 2 } },
                judged: ["CRITICAL", "HIGH", "LOW"],
            },
        ];
        for (const { rules: partial, judged } of cases) {
            it(JSON.stringify(partial), () => assert.deepEqual(judgedSeverities(rules(partial)), judged));
        }
    });

    describe("an ignore entry applies through the whole of its expiry day, in UTC", () => {
        const cases: { expiresOn: string; now: number; inForce: boolean }[] = [
            { expiresOn: "2026-03-15", now: NOW, inForce: true },
            { expiresOn: "2026-03-15", now: Date.UTC(2026, 2, 15, 23, 59, 59, 999), inForce: true },
            { expiresOn: "2026-03-15", now: Date.UTC(2026, 2, 16), inForce: false },
            { expiresOn: "2026-03-14", now: NOW, inForce: false },
            { expiresOn: "2027-01-01", now: NOW, inForce: true },
            { expiresOn: "2026-02-28", now: Date.UTC(2026, 2, 1) - 1, inForce: true },
        ];
        for (const { expiresOn, now, inForce } of cases) {
            it(`${expiresOn} at ${new Date(now).toISOString()}: ${inForce ? "in force" : "expired"}`, () =>
                assert.equal(ignoreInForce({ expiresOn }, now), inForce));
        }
    });

    describe("counting", () => {
        it("counts ACTIVE findings of the judged severities only, each once", () => {
            const critical = finding("CRITICAL");
            const findings = [
                critical,
                { ...critical },
                finding("HIGH"),
                finding("HIGH", { status: "SUPPRESSED" }),
                finding("HIGH", { status: "CLOSED" }),
                finding("MEDIUM"),
            ];
            const tally = tallyFindings(findings, rules({ failOnSeverity: "HIGH" }), NOW);
            assert.deepEqual(tally.counts, { critical: 1, high: 1 });
            assert.deepEqual(
                tally.counted.map((found) => found.severity),
                ["CRITICAL", "HIGH"],
            );
        });

        const filterCases: { title: string; rules: Partial<GateRules>; counts: Record<string, number> }[] = [
            { title: "every judged finding", rules: {}, counts: { critical: 3, high: 2 } },
            {
                title: "only with a fix (YES or PARTIAL)",
                rules: { onlyFixAvailable: true },
                counts: { critical: 2, high: 0 },
            },
            {
                title: "only with an exploit",
                rules: { onlyExploitAvailable: true },
                counts: { critical: 1, high: 1 },
            },
            {
                title: "only with both",
                rules: { onlyFixAvailable: true, onlyExploitAvailable: true },
                counts: { critical: 1, high: 0 },
            },
        ];
        for (const { title, rules: partial, counts } of filterCases) {
            it(`fix and exploit filters: ${title}`, () => {
                const findings = [
                    finding("CRITICAL", { fixAvailable: "YES", exploitAvailable: "YES" }),
                    finding("CRITICAL", { fixAvailable: "PARTIAL" }),
                    finding("CRITICAL", { fixAvailable: "NO" }),
                    finding("HIGH", { exploitAvailable: "YES" }),
                    finding("HIGH"),
                ];
                const tally = tallyFindings(findings, rules({ failOnSeverity: "HIGH", ...partial }), NOW);
                assert.deepEqual(tally.counts, counts);
            });
        }

        it("an ignore entry in force keeps its findings from counting; an expired one counts them again", () => {
            const findings = [
                finding("CRITICAL", { vulnerabilityId: "CVE-A" }),
                finding("CRITICAL", { vulnerabilityId: "CVE-A", resourceId: "i-0123abcd" }),
                finding("HIGH", { vulnerabilityId: "CVE-B" }),
                finding("HIGH", { vulnerabilityId: "CVE-C" }),
            ];
            const ignore = [
                { vulnerabilityId: "CVE-A", reason: "not reachable", expiresOn: "2026-03-15" },
                { vulnerabilityId: "CVE-B", reason: "TICKET-9", expiresOn: "2026-03-14" },
                { vulnerabilityId: "CVE-Z", reason: "gone", expiresOn: "2026-12-31" },
            ];
            const tally = tallyFindings(findings, rules({ failOnSeverity: "HIGH", ignore }), NOW);
            assert.deepEqual(tally.counts, { critical: 0, high: 2 });
            assert.deepEqual(tally.ignored, [{ ...ignore[0], findingCount: 2 }]);
            assert.deepEqual(tally.expired, [{ ...ignore[1], findingCount: 1 }]);
            // A day later the first entry has expired too.
            const later = tallyFindings(findings, rules({ failOnSeverity: "HIGH", ignore }), NOW + DAY);
            assert.deepEqual(later.counts, { critical: 2, high: 2 });
            assert.deepEqual(later.ignored, []);
            assert.deepEqual(
                later.expired.map((entry) => [entry.vulnerabilityId, entry.findingCount]),
                [
                    ["CVE-A", 2],
                    ["CVE-B", 1],
                ],
            );
        });

        it("counts aggregated by account replace the listed findings of those accounts", () => {
            const findings = [
                finding("CRITICAL", { awsAccountId: "111122223333" }),
                finding("HIGH", { awsAccountId: "444455556666" }),
            ];
            const tally = tallyFindings(findings, rules({ failOnSeverity: "HIGH" }), NOW, {
                accountIds: ["111122223333"],
                counts: { critical: 40, high: 160, medium: 7 },
            });
            assert.deepEqual(tally.counts, { critical: 40, high: 161 });
            assert.equal(tally.counted.length, 2, "the listed ones still show as the worst");
        });

        it("orders the worst first: severity, then Inspector's score, then ID; shows at most ten", () => {
            const findings = [
                finding("HIGH", { vulnerabilityId: "CVE-B", inspectorScore: 7.5 }),
                finding("HIGH", { vulnerabilityId: "CVE-A", inspectorScore: 7.5 }),
                finding("HIGH", { vulnerabilityId: "CVE-C", inspectorScore: 8.8 }),
                finding("CRITICAL", { vulnerabilityId: "CVE-D", inspectorScore: 9.1 }),
                ...Array.from({ length: 12 }, () => finding("MEDIUM")),
            ];
            const tally = tallyFindings(findings, rules({ failOnSeverity: "MEDIUM" }), NOW);
            const worst = worstFindings(tally);
            assert.equal(worst.length, MAX_WORST_FINDINGS);
            assert.deepEqual(
                worst.slice(0, 4).map((found) => found.vulnerabilityId),
                ["CVE-D", "CVE-C", "CVE-A", "CVE-B"],
            );
            assert.deepEqual(Object.keys(worst[0]).sort(), [
                "findingArn",
                "resourceId",
                "severity",
                "title",
                "vulnerabilityId",
            ]);
        });
    });

    describe("deciding", () => {
        const cases: {
            title: string;
            rules: Partial<GateRules>;
            counts: Record<string, number>;
            breaches: string[];
        }[] = [
            {
                title: "nothing at or above the severity passes",
                rules: { failOnSeverity: "HIGH" },
                counts: { critical: 0, high: 0 },
                breaches: [],
            },
            {
                title: "one finding at the severity fails",
                rules: { failOnSeverity: "HIGH" },
                counts: { critical: 0, high: 1 },
                breaches: ["1 finding at or above failOnSeverity HIGH (critical 0, high 1)"],
            },
            {
                title: "a count at its threshold passes",
                rules: { thresholds: { high: 2, medium: 10 } },
                counts: { high: 2, medium: 10 },
                breaches: [],
            },
            {
                title: "a count above its threshold fails, for each severity",
                rules: { thresholds: { critical: 0, medium: 10 } },
                counts: { critical: 1, medium: 11 },
                breaches: [
                    "1 critical finding, above thresholds.critical 0",
                    "11 medium findings, above thresholds.medium 10",
                ],
            },
            {
                title: "both rules break",
                rules: { failOnSeverity: "CRITICAL", thresholds: { high: 3 } },
                counts: { critical: 2, high: 4 },
                breaches: [
                    "2 findings at or above failOnSeverity CRITICAL (critical 2)",
                    "4 high findings, above thresholds.high 3",
                ],
            },
        ];
        for (const { title, rules: partial, counts, breaches: expected } of cases) {
            it(title, () => assert.deepEqual(breaches(counts, rules(partial)), expected));
        }
    });

    describe("the verdict and its message", () => {
        const subject = {
            label: "release-gate",
            region: "us-east-1",
            gated: "1 image and 1 Lambda function",
        };
        const scanned: ResourceReport = {
            resourceId: IMAGE,
            resourceType: "AWS_ECR_CONTAINER_IMAGE",
            status: "SCANNED",
            reason: "SUCCESSFUL",
            lastScannedAt: "2026-03-15T11:00:00.000Z",
        };
        const unsupported: ResourceReport = {
            resourceId: "i-0abcd1234ef567890",
            resourceType: "AWS_EC2_INSTANCE",
            status: "UNSUPPORTED",
            reason: "UNSUPPORTED_OS",
        };
        const pending: ResourceReport = {
            resourceId: "arn:aws:lambda:us-east-1:111122223333:function:checkout",
            resourceType: "AWS_LAMBDA_FUNCTION",
            status: "PENDING",
            reason: "PENDING_INITIAL_SCAN",
        };

        it("passes in one line, with what was ignored", () => {
            const gate = rules({
                failOnSeverity: "HIGH",
                ignore: [{ vulnerabilityId: "CVE-A", reason: "not reachable", expiresOn: "2026-12-31" }],
            });
            const tally = tallyFindings(
                [finding("HIGH", { vulnerabilityId: "CVE-A" }), finding("LOW")],
                gate,
                NOW,
            );
            const judgement = judge(subject, gate, tally, [scanned]);
            assert.deepEqual(judgement, {
                passed: true,
                verdict:
                    'FindingsGate "release-gate" in us-east-1 passed over 1 image and 1 Lambda function: critical 0, ' +
                    "high 0; 1 ignored",
                notes: [],
            });
        });

        it("fails with the counts, the worst findings, what else matters and the three ways past it", () => {
            const gate = rules({
                failOnSeverity: "HIGH",
                ignore: [{ vulnerabilityId: "CVE-2023-4911", reason: "TICKET-9", expiresOn: "2026-03-01" }],
            });
            const findings = [
                finding("CRITICAL", {
                    vulnerabilityId: "CVE-2023-38545",
                    title: "CVE-2023-38545 - curl",
                    packageName: "curl",
                    fixedInVersion: "7.88.1-10+deb12u4",
                    url: "https://nvd.nist.gov/vuln/detail/CVE-2023-38545",
                    inspectorScore: 9.8,
                }),
                finding("HIGH", {
                    vulnerabilityId: "CVE-2023-4911",
                    title: "CVE-2023-4911 - libc6",
                    packageName: "libc6",
                    inspectorScore: 7.5,
                }),
            ];
            const judgement = judge(subject, gate, tallyFindings(findings, gate, NOW), [
                scanned,
                unsupported,
            ]);
            assert.equal(judgement.passed, false);
            assert.equal(
                judgement.verdict,
                'FindingsGate "release-gate" in us-east-1 failed over 1 image and 1 Lambda function: 2 findings at ' +
                    "or above failOnSeverity HIGH (critical 1, high 1)",
            );
            assert.equal(
                judgement.message,
                [
                    judgement.verdict,
                    "Worst findings:",
                    `  - CRITICAL CVE-2023-38545 in curl (fixed in 7.88.1-10+deb12u4) on ${IMAGE}: CVE-2023-38545 - curl ` +
                        "https://nvd.nist.gov/vuln/detail/CVE-2023-38545",
                    `  - HIGH CVE-2023-4911 in libc6 (no fix yet) on ${IMAGE}: CVE-2023-4911 - libc6`,
                    "Note: Inspector does not scan 1 of the gated resources, so they have no findings: " +
                        "i-0abcd1234ef567890 (UNSUPPORTED: UNSUPPORTED_OS).",
                    'Note: ignore entry CVE-2023-4911 expired on 2026-03-01: its finding counts again ("TICKET-9").',
                    WAYS_PAST,
                ].join("\n"),
            );
            assert.match(WAYS_PAST, /fix the findings and deploy/);
            assert.match(
                WAYS_PAST,
                /ignore a finding until a date with ignore: \[\{ vulnerabilityId, reason, expiresOn/,
            );
            assert.match(WAYS_PAST, /change failOnSeverity or thresholds/);
            assert.equal(judgement.notes.length, 2);
        });

        it("shows how many more findings there are than the worst ten", () => {
            const gate = rules({ failOnSeverity: "LOW" });
            const findings = Array.from({ length: 12 }, () => finding("LOW"));
            const judgement = judge(subject, gate, tallyFindings(findings, gate, NOW), [scanned]);
            assert.match(judgement.message ?? "", /\nWorst findings \(10 of 12\):\n/);
        });

        it("fails when waiting ran out with a resource still pending, even without findings", () => {
            const gate = rules({ failOnSeverity: "HIGH" });
            const judgement = judge(subject, gate, tallyFindings([], gate, NOW), [scanned, pending], 900);
            assert.equal(judgement.passed, false);
            assert.equal(
                judgement.verdict,
                'FindingsGate "release-gate" in us-east-1 failed over 1 image and 1 Lambda function: Inspector had ' +
                    "not finished scanning 1 of 2 resources after waitTimeoutSeconds (900 s): " +
                    "arn:aws:lambda:us-east-1:111122223333:function:checkout (PENDING: PENDING_INITIAL_SCAN)",
            );
            assert.match(
                judgement.message ?? "",
                /\nThe next pulumi up waits for the scans again; raise waitTimeoutSeconds/,
            );
            assert.doesNotMatch(judgement.message ?? "", /To get past it/);
        });

        it("passes without waiting, noting what was not scanned yet", () => {
            const gate = rules({ failOnSeverity: "HIGH" });
            const judgement = judge(subject, gate, tallyFindings([], gate, NOW), [pending]);
            assert.equal(judgement.passed, true);
            assert.deepEqual(judgement.notes, [
                "1 resource was not scanned yet, so their findings are not counted: " +
                    "arn:aws:lambda:us-east-1:111122223333:function:checkout (PENDING: PENDING_INITIAL_SCAN)",
            ]);
        });

        it("describes what is gated", () => {
            assert.equal(
                describeGated([
                    { count: 2, one: "image", many: "images" },
                    { count: 0, one: "Lambda function", many: "Lambda functions" },
                    { count: 1, one: "code repository", many: "code repositories" },
                    { count: 3, one: "account", many: "accounts" },
                ]),
                "2 images, 1 code repository and 3 accounts",
            );
        });
    });

    describe("when the per-account aggregation answers the question", () => {
        const cases: { title: string; rules: Partial<GateRules>; answers: boolean }[] = [
            { title: "HIGH and above", rules: { failOnSeverity: "HIGH" }, answers: true },
            { title: "a medium threshold", rules: { thresholds: { medium: 3 } }, answers: true },
            { title: "LOW is not aggregated", rules: { failOnSeverity: "LOW" }, answers: false },
            {
                title: "a fix filter",
                rules: { failOnSeverity: "HIGH", onlyFixAvailable: true },
                answers: false,
            },
            {
                title: "an exploit filter",
                rules: { failOnSeverity: "HIGH", onlyExploitAvailable: true },
                answers: false,
            },
            {
                title: "an ignore in force",
                rules: {
                    failOnSeverity: "HIGH",
                    ignore: [{ vulnerabilityId: "CVE-A", reason: "r", expiresOn: "2026-12-31" }],
                },
                answers: false,
            },
            {
                title: "only expired ignores",
                rules: {
                    failOnSeverity: "HIGH",
                    ignore: [{ vulnerabilityId: "CVE-A", reason: "r", expiresOn: "2026-01-31" }],
                },
                answers: true,
            },
        ];
        for (const { title, rules: partial, answers } of cases) {
            it(title, () => assert.equal(aggregationAnswers(rules(partial), NOW), answers));
        }
    });

    describe("reading Inspector's findings", () => {
        it("takes the vulnerability, the package with its fix and the link", () => {
            const record = toFindingRecord({
                findingArn: "arn:aws:inspector2:us-east-1:111122223333:finding/abc",
                awsAccountId: "111122223333",
                title: "CVE-2023-38545 - curl",
                severity: "CRITICAL",
                status: "ACTIVE",
                fixAvailable: "YES",
                exploitAvailable: "YES",
                inspectorScore: 9.8,
                resources: [{ type: "AWS_ECR_CONTAINER_IMAGE", id: IMAGE }],
                packageVulnerabilityDetails: {
                    vulnerabilityId: "CVE-2023-38545",
                    source: "NVD",
                    sourceUrl: "https://nvd.nist.gov/vuln/detail/CVE-2023-38545",
                    vulnerablePackages: [
                        { name: "libcurl4", version: "7.88.1", fixedInVersion: "NotAvailable" },
                        { name: "curl", version: "7.88.1", fixedInVersion: "7.88.2" },
                    ],
                },
            } as Finding);
            assert.deepEqual(record, {
                findingArn: "arn:aws:inspector2:us-east-1:111122223333:finding/abc",
                awsAccountId: "111122223333",
                vulnerabilityId: "CVE-2023-38545",
                title: "CVE-2023-38545 - curl",
                severity: "CRITICAL",
                status: "ACTIVE",
                resourceId: IMAGE,
                resourceType: "AWS_ECR_CONTAINER_IMAGE",
                packageName: "curl",
                fixedInVersion: "7.88.2",
                url: "https://nvd.nist.gov/vuln/detail/CVE-2023-38545",
                fixAvailable: "YES",
                exploitAvailable: "YES",
                inspectorScore: 9.8,
            });
        });

        it("reads NotAvailable as no fix, and a code finding's detector as its vulnerability", () => {
            const record = toFindingRecord({
                findingArn: "arn:aws:inspector2:us-east-1:111122223333:finding/def",
                awsAccountId: "111122223333",
                title: "SQL injection",
                severity: "HIGH",
                status: "ACTIVE",
                resources: [{ type: "CODE_REPOSITORY", id: "payments" }],
                codeVulnerabilityDetails: { detectorId: "python/sql-injection@v1.0" },
            } as Finding);
            assert.equal(record.vulnerabilityId, "python/sql-injection@v1.0");
            assert.equal(record.fixedInVersion, undefined);
            assert.equal(record.packageName, undefined);
        });
    });
});
