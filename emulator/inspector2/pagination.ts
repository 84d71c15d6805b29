import { fieldValidationError } from "./validation-error";

/** One page of a listing and the token for the next one, if any. */
export interface Page<T> {
    readonly items: readonly T[];
    readonly nextToken?: string;
}

const TOKEN_PREFIX = "after:";

/**
 * Pages through items sorted by `keyOf`. The token names the last key returned rather than a position, so a page
 * neither repeats nor skips items when accounts join or leave between calls.
 */
export function paginate<T>(
    items: readonly T[],
    keyOf: (item: T) => string,
    maxResults: number,
    nextToken: string | undefined,
): Page<T> {
    let start = 0;
    if (nextToken) {
        const after = decodeToken(nextToken);
        start = items.findIndex((item) => keyOf(item) > after);
        if (start < 0) start = items.length;
    }
    const page = items.slice(start, start + maxResults);
    const more = start + maxResults < items.length;
    return more ? { items: page, nextToken: encodeToken(keyOf(page[page.length - 1])) } : { items: page };
}

function encodeToken(lastKey: string): string {
    return Buffer.from(TOKEN_PREFIX + lastKey, "utf8").toString("base64url");
}

function decodeToken(token: string): string {
    const decoded = Buffer.from(token, "base64url").toString("utf8");
    if (!decoded.startsWith(TOKEN_PREFIX) || encodeToken(decoded.slice(TOKEN_PREFIX.length)) !== token) {
        throw fieldValidationError(
            "nextToken",
            `nextToken '${token}' is not a token this listing returned; pass the nextToken of the previous page.`,
        );
    }
    return decoded.slice(TOKEN_PREFIX.length);
}
