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

/** JSON form of the store, for the state file. */
export interface SessionsSnapshot {
    readonly format: typeof SNAPSHOT_FORMAT;
    readonly sessions: readonly RoleSession[];
}

const SNAPSHOT_FORMAT = "sts-state/1";
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
        this.sessions = new Map();
    }

    snapshot(): SessionsSnapshot {
        return { format: SNAPSHOT_FORMAT, sessions: [...this.sessions.values()] };
    }

    restore(snapshot: unknown): void {
        if (!isSnapshot(snapshot)) {
            throw new Error(
                `The sts state is not a snapshot in format ${SNAPSHOT_FORMAT}; it cannot be restored.`,
            );
        }
        this.sessions = new Map(snapshot.sessions.map((session) => [session.accessKeyId, session]));
    }

    private prune(now: number): void {
        for (const [key, session] of this.sessions) {
            if (session.expiresAt + KEEP_EXPIRED_MS <= now) this.sessions.delete(key);
        }
        // Maps iterate in insertion order, so the first keys are the oldest sessions.
        for (const key of this.sessions.keys()) {
            if (this.sessions.size < MAX_SESSIONS) break;
            this.sessions.delete(key);
        }
    }
}

function randomKeyText(length: number): string {
    return [...randomBytes(length)].map((byte) => KEY_ALPHABET[byte % KEY_ALPHABET.length]).join("");
}

function isSnapshot(value: unknown): value is SessionsSnapshot {
    if (typeof value !== "object" || value === null) return false;
    const candidate = value as Record<string, unknown>;
    return candidate.format === SNAPSHOT_FORMAT && Array.isArray(candidate.sessions);
}
