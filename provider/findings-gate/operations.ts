import type {
    CoverageFilterCriteria,
    CoveredResource,
    FilterCriteria,
    Finding,
    Inspector2Client,
    SeverityCounts,
} from "@aws-sdk/client-inspector2";
import { callAws } from "../aws/call";
import { inspector2Sdk } from "../aws/sdk-modules";
import { callerIdentity } from "../aws/identity";
import type { LifecycleContext } from "../core/context";
import type { Severity } from "./args";
import { explainCall } from "./errors";
import type { SubjectQuery } from "./subjects";
import { SEVERITIES } from "./verdict";

/** Where the calls of one evaluation go, and the deadline of its waiting (clock time, ms). */
export interface CallScope {
    readonly context: LifecycleContext;
    readonly region: string;
    readonly deadline?: number;
}

/** The most ListCoverage returns per page. */
export const COVERAGE_PAGE_SIZE = 200;
/**
 * The most ListFindings and ListFindingAggregations may be asked for per page (Inspector's answer to ListFindings
 * holds at most 25 findings a page all the same, as the model's `FindingList` says).
 */
export const FINDINGS_PAGE_SIZE = 100;

/** One read-only Inspector (v2) call through `callAws`: the region's gate, retries, this resource's messages. */
function callInspector<T>(
    scope: CallScope,
    operation: string,
    send: (client: Inspector2Client) => Promise<T>,
): Promise<T> {
    const target = { service: "inspector2", operation, region: scope.region } as const;
    const client = scope.context.clients.inspector2(scope.region);
    return callAws(scope.context, target, () => send(client), {
        ...(scope.deadline !== undefined ? { deadline: scope.deadline } : {}),
        explain: explainCall(target),
    });
}

/** The coverage filter of one query. */
export function coverageFilter(query: SubjectQuery): CoverageFilterCriteria {
    return {
        [query.field]: query.values.map((value) => ({ comparison: "EQUALS", value })),
        ...(query.resourceType
            ? { resourceType: [{ comparison: "EQUALS", value: query.resourceType }] }
            : {}),
    };
}

/** Every covered resource one query matches, every page. */
export async function listCoverage(scope: CallScope, query: SubjectQuery): Promise<CoveredResource[]> {
    const covered: CoveredResource[] = [];
    let nextToken: string | undefined;
    do {
        const page = await callInspector(scope, "ListCoverage", (client) =>
            client.send(
                new (inspector2Sdk().ListCoverageCommand)({
                    filterCriteria: coverageFilter(query),
                    maxResults: COVERAGE_PAGE_SIZE,
                    ...(nextToken ? { nextToken } : {}),
                }),
            ),
        );
        covered.push(...(page.coveredResources ?? []));
        nextToken = page.nextToken;
    } while (nextToken);
    return covered;
}

/** What narrows ListFindings besides the subjects: only what the gate would count. */
export interface FindingCriteria {
    /** The judged severities; all six need no filter. */
    readonly severities: readonly Severity[];
    readonly onlyFixAvailable: boolean;
    readonly onlyExploitAvailable: boolean;
}

/**
 * The findings filter of one query: the subjects' field, ACTIVE findings, the judged severities, and a fix or an
 * exploit when asked. Values of one field are ORed by Inspector, fields are ANDed.
 */
export function findingFilter(query: SubjectQuery, criteria: FindingCriteria): FilterCriteria {
    const equals = (values: readonly string[]) =>
        values.map((value) => ({ comparison: "EQUALS" as const, value }));
    return {
        [query.field]: equals(query.values),
        findingStatus: equals(["ACTIVE"]),
        ...(criteria.severities.length < SEVERITIES.length ? { severity: equals(criteria.severities) } : {}),
        ...(criteria.onlyFixAvailable ? { fixAvailable: equals(["YES", "PARTIAL"]) } : {}),
        ...(criteria.onlyExploitAvailable ? { exploitAvailable: equals(["YES"]) } : {}),
    };
}

/** Findings of one query, worst first; `more` when pages were left unread (`firstPageOnly`). */
export interface FindingsRead {
    readonly findings: Finding[];
    readonly more: boolean;
}

/** The findings one query matches: every page, or only the first (`firstPageOnly`), most severe first. */
export async function listFindings(
    scope: CallScope,
    query: SubjectQuery,
    criteria: FindingCriteria,
    options: { readonly firstPageOnly?: boolean } = {},
): Promise<FindingsRead> {
    const findings: Finding[] = [];
    let nextToken: string | undefined;
    do {
        const page = await callInspector(scope, "ListFindings", (client) =>
            client.send(
                new (inspector2Sdk().ListFindingsCommand)({
                    filterCriteria: findingFilter(query, criteria),
                    sortCriteria: { field: "SEVERITY", sortOrder: "DESC" },
                    maxResults: FINDINGS_PAGE_SIZE,
                    ...(nextToken ? { nextToken } : {}),
                }),
            ),
        );
        findings.push(...(page.findings ?? []));
        nextToken = page.nextToken;
        if (options.firstPageOnly && nextToken) return { findings, more: true };
    } while (nextToken);
    return { findings, more: false };
}

/**
 * Inspector's own counts of each account's active findings (ListFindingAggregations by ACCOUNT): critical, high
 * and medium, in one call per ten accounts instead of a page per 25 findings.
 */
export async function accountSeverityCounts(
    scope: CallScope,
    accountIds: readonly string[],
): Promise<Map<string, SeverityCounts>> {
    const counts = new Map<string, SeverityCounts>();
    let nextToken: string | undefined;
    do {
        const page = await callInspector(scope, "ListFindingAggregations", (client) =>
            client.send(
                new (inspector2Sdk().ListFindingAggregationsCommand)({
                    aggregationType: "ACCOUNT",
                    accountIds: accountIds.map((value) => ({ comparison: "EQUALS", value })),
                    aggregationRequest: { accountAggregation: {} },
                    maxResults: FINDINGS_PAGE_SIZE,
                    ...(nextToken ? { nextToken } : {}),
                }),
            ),
        );
        for (const response of page.responses ?? []) {
            const account = response.accountAggregation;
            if (account?.accountId) counts.set(account.accountId, account.severityCounts ?? {});
        }
        nextToken = page.nextToken;
    } while (nextToken);
    return counts;
}

/** One account's scanning in the region, as BatchGetAccountStatus reports it. */
export interface AccountScanning {
    readonly accountId: string;
    /** Per scan type as InspectorEnablement names it (`ECR`, `LAMBDA`, `EC2`, `CODE_REPOSITORY`): its status. */
    readonly types: Readonly<Partial<Record<string, string>>>;
}

/** The accounts BatchGetAccountStatus reported, and why it did not report the others it was asked about. */
export interface ScanningRead {
    readonly reported: AccountScanning[];
    readonly failed: Map<string, string>;
}

/** BatchGetAccountStatus takes at most 100 account IDs per call. */
export const ACCOUNT_STATUS_BATCH = 100;

/** Where each scan type's status is in a BatchGetAccountStatus `resourceState`. */
const RESOURCE_STATE_KEYS = {
    ECR: "ecr",
    LAMBDA: "lambda",
    EC2: "ec2",
    CODE_REPOSITORY: "codeRepository",
} as const;

/**
 * Which types each account scans in the region (BatchGetAccountStatus, 100 accounts per call); without account
 * IDs, the calling account's, in one call.
 */
export async function accountScanning(
    scope: CallScope,
    accountIds?: readonly string[],
): Promise<ScanningRead> {
    const pieces: (string[] | undefined)[] = [];
    for (let start = 0; accountIds && start < accountIds.length; start += ACCOUNT_STATUS_BATCH) {
        pieces.push(accountIds.slice(start, start + ACCOUNT_STATUS_BATCH));
    }
    if (pieces.length === 0) pieces.push(undefined);
    const responses = await Promise.all(
        pieces.map((piece) =>
            callInspector(scope, "BatchGetAccountStatus", (client) =>
                client.send(
                    new (inspector2Sdk().BatchGetAccountStatusCommand)(piece ? { accountIds: piece } : {}),
                ),
            ),
        ),
    );
    const read: ScanningRead = { reported: [], failed: new Map() };
    for (const response of responses) {
        for (const account of response.accounts ?? []) {
            if (!account.accountId) continue;
            const state = account.resourceState;
            const types: Partial<Record<string, string>> = {};
            for (const [type, key] of Object.entries(RESOURCE_STATE_KEYS)) {
                const status = state?.[key]?.status;
                if (status) types[type] = status;
            }
            read.reported.push({ accountId: account.accountId, types });
        }
        for (const failed of response.failedAccounts ?? []) {
            if (!failed.accountId) continue;
            read.failed.set(
                failed.accountId,
                `${failed.errorCode ?? "UNKNOWN"}: ${failed.errorMessage ?? "Inspector gave no message"}`,
            );
        }
    }
    return read;
}

/** The calling account (STS GetCallerIdentity, which needs no permission), within the scope's deadline. */
export async function callerAccountId(scope: CallScope): Promise<string> {
    const options = scope.deadline !== undefined ? { deadline: scope.deadline } : {};
    return (await callerIdentity(scope.context, scope.region, options)).accountId;
}
