import type { AccountSettings } from "../settings/settings";

/** The subset of the model's `RelationshipStatus` enum that emulated members can be in. */
export type RelationshipStatus = "ENABLED" | "ACCOUNT_SUSPENDED";

/** A member's relationship with the delegated administrator: associated, unless its account is suspended. */
export function relationshipStatus(account: AccountSettings): RelationshipStatus {
    return account.state === "suspended" ? "ACCOUNT_SUSPENDED" : "ENABLED";
}

interface MemberRecord {
    readonly status: RelationshipStatus;
    /** Clock time (ms) the emulator first saw the member in this status. */
    readonly since: number;
}

/** JSON form, for the state file: account ID → record. */
export type MemberRecordsSnapshot = Record<string, MemberRecord>;

/**
 * When each member's relationship status last changed, for the `updatedAt` of ListMembers and GetMember. Members
 * come from the settings, so a change is noticed when a member is next read.
 */
export class MemberRecords {
    private records = new Map<string, MemberRecord>();

    /** The time (ms) the member has been in `status`, recording now if it is new or changed. */
    updatedAt(accountId: string, status: RelationshipStatus, now: number): number {
        const record = this.records.get(accountId);
        if (record?.status === status) return record.since;
        this.records.set(accountId, { status, since: now });
        return now;
    }

    reset(): void {
        this.records = new Map();
    }

    snapshot(): MemberRecordsSnapshot {
        return Object.fromEntries(this.records);
    }

    restore(snapshot: MemberRecordsSnapshot): void {
        this.records = new Map(Object.entries(snapshot));
    }
}
