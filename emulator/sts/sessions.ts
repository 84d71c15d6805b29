import { randomBytes } from "node:crypto";
import type { SigningKey } from "../signature/verify-signature";

/** One set of temporary credentials AssumeRole handed out, with the role session they act as. */
export interface RoleSession {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken: string;
    /** The role's account: requests signed with these credentials act as it. */
    readonly accountId: string;
    readonly roleArn: string;
    readonly roleName: string;
    /** The role's unique ID (`AROA…`). */
    readonly roleId: string;
    readonly sessionName: string;
    readonly partition: string;
    /** Milliseconds since the epoch, by the emulator's clock. */
    readonly expiresAt: number;
}

/** JSON form of the store, for the state file: sessions by access key ID (the state file journals them one by one). */
export interface SessionsSnapshot {
    readonly format: typeof SNAPSHOT_FORMAT;
    readonly sessions: Readonly<Record<string, RoleSession>>;
}

const SNAPSHOT_FORMAT = "sts-state/2";
/** The format before: the same sessions in a list. */
const LIST_FORMAT = "sts-state/1";
/** Expired credentials are still told apart from unknown ones (ExpiredToken) for this long, then forgotten. */
const KEEP_EXPIRED_MS = 24 * 3600 * 1000;
/** The most sessions kept; the oldest go first. Bounds an emulator left running with a busy client. */
const MAX_SESSIONS = 10_000;
/** The letters of AWS's access key IDs after their prefix. */
const KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** The temporary credentials the emulator has issued, by access key ID. */
export class SessionStore {
    private sessions = new Map<string, RoleSession>();
    private issuedTotal = 0;
    /** Access key IDs issued or forgotten since the journal last asked. */
    private readonly changed = new Set<string>();

    /** Creates credentials for a role session; `now` and the duration are milliseconds. */
    issue(
        role: Omit<RoleSession, "accessKeyId" | "secretAccessKey" | "sessionToken">,
        now: number,
    ): RoleSession {
        this.prune(now);
        const session: RoleSession = {
            accessKeyId: `ASIA${randomKeyText(16)}`,
            secretAccessKey: randomBytes(30).toString("base64"),
            sessionToken: `FwoGZXIvYXdzE${randomBytes(180).toString("base64")}`,
            ...role,
        };
        this.sessions.set(session.accessKeyId, session);
        this.changed.add(session.accessKeyId);
        this.issuedTotal++;
        return session;
    }

    find(accessKeyId: string): RoleSession | undefined {
        return this.sessions.get(accessKeyId);
    }

    /** The signing key of temporary credentials, for the signature check. */
    signingKey(accessKeyId: string): SigningKey | undefined {
        const session = this.sessions.get(accessKeyId);
        if (!session) return undefined;
        return {
            accountId: session.accountId,
            secretAccessKey: session.secretAccessKey,
            session: { token: session.sessionToken, expiresAt: session.expiresAt },
        };
    }

    /** Grows with every issued session; the state file is rewritten when it moves. */
    get issuedCount(): number {
        return this.issuedTotal;
    }

    reset(): void {
        for (const key of this.sessions.keys()) this.changed.add(key);
        this.sessions = new Map();
    }

    /** The snapshot without the sessions, which the state file's journal keeps one by one. */
    snapshotBase(): Omit<SessionsSnapshot, "sessions"> {
        return { format: SNAPSHOT_FORMAT };
    }

    snapshot(): SessionsSnapshot {
        return { format: SNAPSHOT_FORMAT, sessions: Object.fromEntries(this.sessions) };
    }

    restore(snapshot: unknown): void {
        if (!isSnapshot(snapshot)) {
            throw new Error(
                `The sts state is not a snapshot in format ${LIST_FORMAT} or ${SNAPSHOT_FORMAT}; it cannot be restored.`,
            );
        }
        const sessions = Array.isArray(snapshot.sessions)
            ? (snapshot.sessions as RoleSession[])
            : Object.values(snapshot.sessions as Record<string, RoleSession>);
        // In the order they were issued (a JSON object keeps the order of its keys), so the bound drops the oldest.
        this.sessions = new Map(sessions.map((session) => [session.accessKeyId, session]));
        this.changed.clear();
    }

    /** The sessions issued (their value) or forgotten (null) since the last call, by access key ID. */
    takeChanges(): Record<string, RoleSession | null> {
        const changes: Record<string, RoleSession | null> = {};
        for (const key of this.changed) changes[key] = this.sessions.get(key) ?? null;
        this.changed.clear();
        return changes;
    }

    private prune(now: number): void {
        for (const [key, session] of this.sessions) {
            if (session.expiresAt + KEEP_EXPIRED_MS > now) continue;
            this.sessions.delete(key);
            this.changed.add(key);
        }
        // Maps iterate in insertion order, so the first keys are the oldest sessions.
        for (const key of this.sessions.keys()) {
            if (this.sessions.size < MAX_SESSIONS) break;
            this.sessions.delete(key);
            this.changed.add(key);
        }
    }
}

function randomKeyText(length: number): string {
    return [...randomBytes(length)].map((byte) => KEY_ALPHABET[byte % KEY_ALPHABET.length]).join("");
}

function isSnapshot(value: unknown): value is { format: string; sessions: unknown } {
    if (typeof value !== "object" || value === null) return false;
    const candidate = value as Record<string, unknown>;
    if (candidate.format === LIST_FORMAT) return Array.isArray(candidate.sessions);
    return (
        candidate.format === SNAPSHOT_FORMAT &&
        typeof candidate.sessions === "object" &&
        candidate.sessions !== null &&
        !Array.isArray(candidate.sessions)
    );
}
