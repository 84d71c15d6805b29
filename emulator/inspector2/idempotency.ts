/** Who a client token belongs to: tokens of different accounts, regions or operations never meet. */
export interface TokenScope {
    readonly operation: string;
    readonly accountId: string;
    readonly region: string;
}

interface TokenRecord {
    /** The normalised request the token was first used with. */
    readonly fingerprint: string;
    /** The answer given then, replayed for a retry. */
    readonly response: Record<string, unknown>;
}

/** What a client token means for a new call. */
export type TokenCheck =
    | { readonly kind: "new" }
    | { readonly kind: "replay"; readonly response: Record<string, unknown> }
    | { readonly kind: "conflict" };

/** JSON form, for the state file: scoped token key → record. */
export type IdempotencySnapshot = Record<string, TokenRecord>;

/**
 * A request's parameters in a canonical form: each list sorted and without duplicates, because the order of
 * account IDs or resource types does not change what a call does.
 */
export function requestFingerprint(parameters: Readonly<Record<string, readonly string[]>>): string {
    const canonical = Object.keys(parameters)
        .sort()
        .map((name) => [name, [...new Set(parameters[name])].sort()]);
    return JSON.stringify(canonical);
}

/** Remembers the responses of calls that carried a client token, so retries replay instead of executing again. */
export class IdempotencyStore {
    private records = new Map<string, TokenRecord>();

    check(scope: TokenScope, token: string, fingerprint: string): TokenCheck {
        const record = this.records.get(scopedKey(scope, token));
        if (!record) return { kind: "new" };
        if (record.fingerprint !== fingerprint) return { kind: "conflict" };
        // A copy, so whatever the caller does with the answer cannot change what later retries get.
        return { kind: "replay", response: structuredClone(record.response) };
    }

    remember(scope: TokenScope, token: string, fingerprint: string, response: Record<string, unknown>): void {
        this.records.set(scopedKey(scope, token), { fingerprint, response: structuredClone(response) });
    }

    reset(): void {
        this.records = new Map();
    }

    snapshot(): IdempotencySnapshot {
        return Object.fromEntries(this.records);
    }

    restore(snapshot: IdempotencySnapshot): void {
        this.records = new Map(Object.entries(snapshot));
    }
}

function scopedKey(scope: TokenScope, token: string): string {
    return JSON.stringify([scope.operation, scope.accountId, scope.region, token]);
}
