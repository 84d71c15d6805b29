import type { Caller } from "../../service";
import { numberMember, stringMember } from "../input";
import type { Inspector2Runtime } from "../runtime";
import { AGGREGATIONS, severityCounts, type AggregationKind } from "../scans/aggregations";
import { matchesCriteria, matchesFilterList } from "../scans/filter-criteria";
import { findingRecords, type FindingRecord } from "../scans/finding-shape";
import { pageSize } from "../scans/page-size";
import { scanViews } from "../scans/scan-views";
import { sortedPage } from "../scans/sorted-pages";
import { fieldValidationError } from "../validation-error";

type Group = { readonly key: string; readonly records: readonly FindingRecord[] };

/**
 * ListFindingAggregations: the caller's ACTIVE findings (of scanned resources it sees) counted by severity per
 * group of `aggregationType`, filtered by `accountIds` and the aggregation request's own filters, ordered by
 * `sortBy` (default CRITICAL) and `sortOrder` (default DESC), ties by group. Groups without an active finding are
 * left out.
 */
export function listFindingAggregations(
    runtime: Inspector2Runtime,
    input: Record<string, unknown>,
    caller: Caller,
): Record<string, unknown> {
    const aggregationType = stringMember(input, "aggregationType") ?? "";
    const kind = AGGREGATIONS[aggregationType];
    const request = aggregationRequest(input, aggregationType, kind);
    const accountIds = input.accountIds as readonly Record<string, unknown>[] | undefined;

    const groups = new Map<string, FindingRecord[]>();
    for (const record of findingRecords(scanViews(runtime, caller))) {
        if (record.shape.status !== "ACTIVE") continue;
        if (accountIds && !matchesFilterList("string", accountIds, record.resource.accountId)) continue;
        if (!matchesRequest(kind, request, record)) continue;
        const key = kind.groupOf(record);
        if (key === undefined) continue;
        groups.set(key, [...(groups.get(key) ?? []), record]);
    }

    const sortBy = typeof request.sortBy === "string" ? request.sortBy : "CRITICAL";
    const page = sortedPage(
        [...groups].map(([key, records]): Group => ({ key, records })),
        (group) => [sortValue(kind, sortBy, group.records), group.key],
        {
            descending: request.sortOrder !== "ASC",
            listing: `ListFindingAggregations of ${aggregationType} sorted by ${sortBy} ${String(request.sortOrder ?? "DESC")}`,
            maxResults: pageSize("ListFindingAggregations", "responses", numberMember(input, "maxResults")),
            nextToken: stringMember(input, "nextToken"),
        },
    );
    const responses = page.items.map((group) => ({
        [kind.member]: { ...kind.entry(group.records), severityCounts: severityCounts(group.records) },
    }));
    return page.nextToken
        ? { aggregationType, responses, nextToken: page.nextToken }
        : { aggregationType, responses };
}

/** The request's member for this type; a member of another type is refused, as AWS refuses it. */
function aggregationRequest(
    input: Record<string, unknown>,
    aggregationType: string,
    kind: AggregationKind,
): Record<string, unknown> {
    const union = input.aggregationRequest as Record<string, unknown> | undefined;
    if (!union) return {};
    const [member] = Object.keys(union).filter((name) => union[name] !== undefined && union[name] !== null);
    if (member !== undefined && member !== kind.member) {
        throw fieldValidationError(
            "aggregationRequest",
            `aggregationRequest.${member} does not go with aggregationType ${aggregationType}; ` +
                `use aggregationRequest.${kind.member} or leave aggregationRequest out.`,
        );
    }
    return (union[kind.member] as Record<string, unknown> | undefined) ?? {};
}

function matchesRequest(
    kind: AggregationKind,
    request: Record<string, unknown>,
    record: FindingRecord,
): boolean {
    for (const [member, valueOf] of Object.entries(kind.exact ?? {})) {
        if (request[member] !== undefined && request[member] !== valueOf(record)) return false;
    }
    return matchesCriteria(kind.requestShape, request, (field) => kind.values[field]?.(record));
}

function sortValue(kind: AggregationKind, sortBy: string, records: readonly FindingRecord[]): number {
    const counts = severityCounts(records);
    switch (sortBy) {
        case "CRITICAL":
            return counts.critical;
        case "HIGH":
            return counts.high;
        case "ALL":
            return counts.all;
        default:
            return kind.sortBy?.[sortBy]?.(records) ?? 0;
    }
}
