import type { Caller } from "../../service";
import { numberMember, stringMember } from "../input";
import type { Inspector2Runtime } from "../runtime";
import { coverageValues } from "../scans/coverage-fields";
import { coveredResourceShape } from "../scans/coverage-shape";
import { matchesCriteria } from "../scans/filter-criteria";
import { pageSize } from "../scans/page-size";
import { scanViews } from "../scans/scan-views";
import { sortedPage } from "../scans/sorted-pages";

/**
 * ListCoverage: the resources Inspector covers for the caller (its accounts, its region, types being scanned),
 * with their scan status, filtered by `filterCriteria` and ordered by account, resource type and resource ID.
 */
export function listCoverage(
    runtime: Inspector2Runtime,
    input: Record<string, unknown>,
    caller: Caller,
): Record<string, unknown> {
    const criteria = input.filterCriteria as Record<string, unknown> | undefined;
    const covered = scanViews(runtime, caller)
        .map(coveredResourceShape)
        .filter((shape) => matchesCriteria("CoverageFilterCriteria", criteria, coverageValues(shape)));
    const page = sortedPage(
        covered,
        (shape) => [shape.accountId as string, shape.resourceType as string, shape.resourceId as string],
        {
            descending: false,
            listing: "ListCoverage",
            maxResults: pageSize("ListCoverage", "coveredResources", numberMember(input, "maxResults")),
            nextToken: stringMember(input, "nextToken"),
        },
    );
    return page.nextToken
        ? { coveredResources: page.items, nextToken: page.nextToken }
        : { coveredResources: page.items };
}
