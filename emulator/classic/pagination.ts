import { invalidInput } from "./errors";

/** Every paginated list answers 10 items by default and at most 500, as Inspector Classic documents. */
export const DEFAULT_MAX_RESULTS = 10;
export const MAX_MAX_RESULTS = 500;

const TOKEN_PREFIX = "classic-after:";

/**
 * A token names the creation sequence number of the last item answered, so items created or deleted between
 * pages neither repeat nor shift the next page.
 */
export function encodeToken(lastSeq: number): string {
    return Buffer.from(`${TOKEN_PREFIX}${lastSeq}`, "utf8").toString("base64url");
}

export function decodeToken(token: string): number {
    const text = Buffer.from(token, "base64url").toString("utf8");
    const seq = Number(text.slice(TOKEN_PREFIX.length));
    if (!text.startsWith(TOKEN_PREFIX) || !Number.isSafeInteger(seq) || seq < 0) {
        throw invalidInput(
            "INVALID_PAGINATION_TOKEN",
            `nextToken "${token}" is not valid: pass the nextToken of the previous page unchanged`,
        );
    }
    return seq;
}

export interface Page<T> {
    readonly items: T[];
    readonly nextToken?: string;
}

/** One page of `items` (ordered by `seq`) after the token's position. */
export function paginate<T extends { readonly seq: number }>(
    items: readonly T[],
    nextToken: string | undefined,
    maxResults: number | undefined,
): Page<T> {
    const limit = maxResults ?? DEFAULT_MAX_RESULTS;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MAX_RESULTS) {
        throw invalidInput(
            "INVALID_MAX_RESULTS",
            `maxResults ${maxResults} is out of range: it must be an integer from 1 to ${MAX_MAX_RESULTS}`,
        );
    }
    const after = nextToken === undefined ? -1 : decodeToken(nextToken);
    const remaining = items.filter((item) => item.seq > after);
    const page = remaining.slice(0, limit);
    return remaining.length > limit
        ? { items: page, nextToken: encodeToken(page[page.length - 1].seq) }
        : { items: page };
}
