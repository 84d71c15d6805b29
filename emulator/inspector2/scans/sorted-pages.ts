import type { Page } from "../pagination";
import { fieldValidationError } from "../validation-error";

/** One position in a sort: the sorted value, then values that break ties (ascending). */
export type SortKey = readonly (string | number | null)[];

const TOKEN_PREFIX = "page:";

/**
 * Sorts the items by their keys (the first element in the given order, the rest ascending; absent values lowest)
 * and returns the page after `nextToken`. The token names the last key returned and the listing it belongs to
 * (operation and sort), so a page neither repeats nor skips items when others appear or go between calls, and a
 * token is refused by another listing.
 */
export function sortedPage<T>(
    items: readonly T[],
    keyOf: (item: T) => SortKey,
    options: {
        readonly descending: boolean;
        readonly listing: string;
        readonly maxResults: number;
        readonly nextToken: string | undefined;
    },
): Page<T> {
    const compare = (a: SortKey, b: SortKey) => compareKeys(a, b, options.descending);
    const keyed = items.map((item) => ({ item, key: keyOf(item) }));
    keyed.sort((a, b) => compare(a.key, b.key));
    let start = 0;
    if (options.nextToken) {
        const after = decodeToken(options.nextToken, options.listing);
        start = keyed.findIndex((entry) => compare(entry.key, after) > 0);
        if (start < 0) start = keyed.length;
    }
    const page = keyed.slice(start, start + options.maxResults);
    const more = start + options.maxResults < keyed.length;
    const pageItems = page.map((entry) => entry.item);
    return more
        ? { items: pageItems, nextToken: encodeToken(options.listing, page[page.length - 1].key) }
        : { items: pageItems };
}

export function compareKeys(a: SortKey, b: SortKey, descending: boolean): number {
    for (let index = 0; index < Math.max(a.length, b.length); index++) {
        const order = compareValues(a[index] ?? null, b[index] ?? null);
        if (order !== 0) return index === 0 && descending ? -order : order;
    }
    return 0;
}

function compareValues(a: string | number | null, b: string | number | null): number {
    if (a === b) return 0;
    if (a === null) return -1;
    if (b === null) return 1;
    if (typeof a === "number" && typeof b === "number") return a - b;
    return String(a) < String(b) ? -1 : 1;
}

function encodeToken(listing: string, key: SortKey): string {
    return Buffer.from(TOKEN_PREFIX + JSON.stringify([listing, key]), "utf8").toString("base64url");
}

function decodeToken(token: string, listing: string): SortKey {
    const refuse = (why: string) =>
        fieldValidationError(
            "nextToken",
            `nextToken '${token}' is not a token this listing returned${why}; pass the nextToken of the previous page.`,
        );
    const decoded = Buffer.from(token, "base64url").toString("utf8");
    if (!decoded.startsWith(TOKEN_PREFIX)) throw refuse("");
    let parsed: unknown;
    try {
        parsed = JSON.parse(decoded.slice(TOKEN_PREFIX.length));
    } catch {
        throw refuse("");
    }
    if (!Array.isArray(parsed) || parsed.length !== 2 || !Array.isArray(parsed[1])) throw refuse("");
    if (encodeToken(parsed[0] as string, parsed[1] as SortKey) !== token) throw refuse("");
    if (parsed[0] !== listing) throw refuse(` (it belongs to ${String(parsed[0])})`);
    return parsed[1] as SortKey;
}
