import { createHash } from "node:crypto";

/** Who a client token belongs to: tokens of different accounts, regions or operations never meet. */
export interface TokenScope {
    readonly operation: string;
    readonly accountId: string;
    readonly region: string;
}

/**
 * How long a client token is remembered after its first call. AWS keeps idempotency tokens for a limited time
 * (EC2 documents at least 24 hours; Inspector documents none); the emulator keeps them 24 hours. A retry within
 * the window replays; a token used again after it counts as new, as it may at AWS.
 */
export const CLIENT_TOKEN_WINDOW_MS = 24 * 60 * 60 * 1000;

interface TokenRecord {
    /** Clock time (ms) of the call that first used the token. */
    readonly at: number;
    /** A hash of the normalised request the token was first used with. */
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
 * A request's parameters in a canonical form, hashed: each list sorted and without duplicates, because the order
 * of account IDs or resource types does not change what a call does. A hash keeps the record small whatever the
 * request's size.
 */
export function requestFingerprint(parameters: Readonly<Record<string, readonly string[]>>): string {
    const canonical = Object.keys(parameters)
        .sort()
        .map((name) => [name, [...new Set(parameters[name])].sort()]);
    return createHash("sha256").update(JSON.stringify(canonical)).digest("base64url");
}

/**
 * Remembers the responses of calls that carried a client token, so retries within the window replay instead of
 * executing again. Records live in the order they were made, so the expired ones are always the first; each
 * change is noted for the state file's journal (`takeChanges`).
 */
export class IdempotencyStore {
    private records = new Map<string, TokenRecord>();
    private readonly changed = new Set<string>();

    constructor(private readonly now: () => number = Date.now) {}

    check(scope: TokenScope, token: string, fingerprint: string): TokenCheck {
        this.expire();
        const record = this.records.get(scopedKey(scope, token));
        if (!record) return { kind: "new" };
        if (record.fingerprint !== fingerprint) return { kind: "conflict" };
        // A copy, so whatever the caller does with the answer cannot change what later retries get.
        return { kind: "replay", response: structuredClone(record.response) };
    }

    remember(scope: TokenScope, token: string, fingerprint: string, response: Record<string, unknown>): void {
        this.expire();
        const key = scopedKey(scope, token);
        // Deleted first, so that the map stays in the order records were made.
        this.records.delete(key);
        this.records.set(key, { at: this.now(), fingerprint, response: structuredClone(response) });
        this.changed.add(key);
    }

    /** How many tokens are remembered. */
    get size(): number {
        return this.records.size;
    }

    reset(): void {
        for (const key of this.records.keys()) this.changed.add(key);
        this.records = new Map();
    }

    snapshot(): IdempotencySnapshot {
        return Object.fromEntries(this.records);
    }

    /**
     * Restores a snapshot. Records of state files written before tokens expired have no time: they count from
     * now. Their fingerprints were the canonical JSON itself, which is hashed now.
     */
    restore(snapshot: IdempotencySnapshot): void {
        const now = this.now();
        const records = Object.entries(snapshot).map(([key, record]): [string, TokenRecord] => [
            key,
            {
                at: typeof record.at === "number" ? record.at : now,
                fingerprint: record.fingerprint.startsWith("[")
                    ? createHash("sha256").update(record.fingerprint).digest("base64url")
                    : record.fingerprint,
                response: record.response,
            },
        ]);
        this.records = new Map(records.sort(([, a], [, b]) => a.at - b.at));
        this.changed.clear();
    }

    /** The records made (their value) or forgotten (null) since the last call, by key. */
    takeChanges(): Record<string, TokenRecord | null> {
        const changes: Record<string, TokenRecord | null> = {};
        for (const key of this.changed) changes[key] = this.records.get(key) ?? null;
        this.changed.clear();
        return changes;
    }

    private expire(): void {
        const cutoff = this.now() - CLIENT_TOKEN_WINDOW_MS;
        for (const [key, record] of this.records) {
            if (record.at > cutoff) break;
            this.records.delete(key);
            this.changed.add(key);
        }
    }
}

function scopedKey(scope: TokenScope, token: string): string {
    return JSON.stringify([scope.operation, scope.accountId, scope.region, token]);
}
