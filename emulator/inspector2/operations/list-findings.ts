import type { Caller } from "../../service";
import { numberMember, stringMember } from "../input";
import type { Inspector2Runtime } from "../runtime";
import { matchesCriteria } from "../scans/filter-criteria";
import { findingValues, SORT_FIELDS } from "../scans/finding-fields";
import { findingRecords } from "../scans/finding-shape";
import { pageSize } from "../scans/page-size";
import { scanViews } from "../scans/scan-views";
import { sortedPage } from "../scans/sorted-pages";

/**
 * ListFindings: the findings of the scanned resources the caller sees, of every status unless `filterCriteria`
 * says otherwise, ordered by `sortCriteria` (ties, and no criteria, by finding ARN).
 */
export function listFindings(
    runtime: Inspector2Runtime,
    input: Record<string, unknown>,
    caller: Caller,
): Record<string, unknown> {
    const criteria = input.filterCriteria as Record<string, unknown> | undefined;
    const sort = input.sortCriteria as { field: string; sortOrder: string } | undefined;
    const records = findingRecords(scanViews(runtime, caller)).filter((record) =>
        matchesCriteria("FilterCriteria", criteria, findingValues(record)),
    );
    const sortValue = sort ? SORT_FIELDS[sort.field] : undefined;
    const page = sortedPage(
        records,
        (record) => [sortValue?.(record.shape) ?? null, record.shape.findingArn as string],
        {
            descending: sort?.sortOrder === "DESC",
            listing: sort ? `ListFindings sorted by ${sort.field} ${sort.sortOrder}` : "ListFindings",
            maxResults: pageSize("ListFindings", "findings", numberMember(input, "maxResults")),
            nextToken: stringMember(input, "nextToken"),
        },
    );
    const findings = page.items.map((record) => record.shape);
    return page.nextToken ? { findings, nextToken: page.nextToken } : { findings };
}
