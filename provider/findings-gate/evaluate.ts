import type { Finding } from "@aws-sdk/client-inspector2";
import type { LifecycleContext } from "../core/context";
import { parseUrn } from "../dynamic/urn";
import type { SeverityKey } from "./args";
import { type FindingsGateInputs, rulesOf, SUBJECT_LISTS, subjectsOf } from "./inputs";
import { accountSeverityCounts, type CallScope, listFindings } from "./operations";
import type { Evaluation } from "./outputs";
import { readCoverage, type ResourceReport, waitForScans } from "./scan";
import { findingOfSubject, findingQueries, type ResourceSubject, type Subject } from "./subjects";
import {
    type AggregatedCounts,
    aggregationAnswers,
    describeGated,
    type GateRules,
    judge,
    judgedSeverities,
    type Judgement,
    tallyFindings,
    toFindingRecord,
    worstFindings,
} from "./verdict";

/** An evaluation and the judgement it records (with the failure message, when it failed). */
export interface EvaluationResult {
    readonly evaluation: Evaluation;
    readonly judgement: Judgement;
}

/**
 * Evaluates the gate: reads (and, with `wait`, waits for) the scan status of each gated resource, reads the
 * findings the rules judge, counts and decides. Read-only: ListCoverage, ListFindings and, where it saves calls,
 * ListFindingAggregations.
 */
export async function evaluateGate(
    inputs: FindingsGateInputs,
    context: LifecycleContext,
    options: { readonly wait: boolean },
): Promise<EvaluationResult> {
    const label = gateLabel(inputs);
    const subjects = subjectsOf(inputs);
    const resourceSubjects = subjects.filter(
        (subject): subject is ResourceSubject => subject.kind !== "account",
    );
    const rules = rulesOf(inputs);
    const waiting = options.wait && inputs.waitForScan;
    const scope: CallScope = { context, region: inputs.region };
    let resources: ResourceReport[];
    let timedOut = false;
    if (waiting) {
        const deadline = context.now() + inputs.waitTimeoutSeconds * 1000;
        ({ resources, timedOut } = await waitForScans({ ...scope, deadline }, resourceSubjects, label));
    } else {
        resources = await readCoverage(scope, resourceSubjects);
    }
    const now = context.now();
    const { findings, aggregated } = await readFindings(scope, subjects, rules, now);
    const tally = tallyFindings(findings.map(toFindingRecord), rules, now, aggregated);
    const gated = describeGated(
        SUBJECT_LISTS.map((list) => ({ ...list, count: inputs[list.property]?.length ?? 0 })),
    );
    const judgement = judge(
        { label, region: inputs.region, gated },
        rules,
        tally,
        resources,
        timedOut ? inputs.waitTimeoutSeconds : undefined,
    );
    return {
        evaluation: {
            findingCounts: tally.counts,
            worstFindings: worstFindings(tally),
            resources,
            ignoredFindings: tally.ignored,
            passed: judgement.passed,
            verdict: judgement.verdict,
            evaluatedAt: new Date(now).toISOString(),
        },
        judgement,
    };
}

/** The gate's name in messages: the resource's name in the program. */
export function gateLabel(inputs: Pick<FindingsGateInputs, "resourceUrn">): string {
    return parseUrn(inputs.resourceUrn).name;
}

/** The findings read for the subjects, and the counts Inspector aggregated instead of listing them. */
interface SubjectFindings {
    readonly findings: Finding[];
    readonly aggregated?: AggregatedCounts;
}

/**
 * Reads the findings the rules judge: one ListFindings filter per kind of lookup (ten values each), every page,
 * filtered by Inspector to ACTIVE findings of the judged severities (with a fix or an exploit when asked). For
 * whole accounts with more than a page of findings, when the aggregation answers the question (critical, high
 * or medium only, no fix/exploit filter, no ignore in force), ListFindingAggregations counts them in one call
 * and the first page (most severe first) gives the worst findings.
 */
async function readFindings(
    scope: CallScope,
    subjects: readonly Subject[],
    rules: GateRules,
    now: number,
): Promise<SubjectFindings> {
    const criteria = {
        severities: judgedSeverities(rules),
        onlyFixAvailable: rules.onlyFixAvailable,
        onlyExploitAvailable: rules.onlyExploitAvailable,
    };
    const mayAggregate = aggregationAnswers(rules, now);
    const queries = findingQueries(subjects, scope.region);
    const reads = await Promise.all(
        queries.map((query) =>
            listFindings(scope, query, criteria, {
                firstPageOnly: mayAggregate && query.field === "awsAccountId",
            }),
        ),
    );
    const unread = queries.filter((_, index) => reads[index].more);
    const accountIds = unread.flatMap((query) => query.values);
    const perAccount = await Promise.all(unread.map((query) => accountSeverityCounts(scope, query.values)));
    const counts: Partial<Record<SeverityKey, number>> = {};
    for (const accounts of perAccount) {
        for (const severityCounts of accounts.values()) {
            for (const key of ["critical", "high", "medium"] as const) {
                counts[key] = (counts[key] ?? 0) + (severityCounts[key] ?? 0);
            }
        }
    }
    // A gated account's finding is a Set lookup (a gate may name 10,001 accounts); resources one by one.
    const gatedAccounts = new Set(
        subjects.flatMap((subject) => (subject.kind === "account" ? [subject.accountId] : [])),
    );
    const resources = subjects.filter((subject) => subject.kind !== "account");
    const findings = reads
        .flatMap((read) => read.findings)
        .filter(
            (finding) =>
                gatedAccounts.has(finding.awsAccountId ?? "") ||
                resources.some((subject) => findingOfSubject(subject, finding)),
        );
    return { findings, ...(accountIds.length > 0 ? { aggregated: { accountIds, counts } } : {}) };
}
