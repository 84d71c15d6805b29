import { AccountStatusStore, type AccountStatusSnapshot } from "./account-status-store";
import { IdempotencyStore, type IdempotencySnapshot } from "./idempotency";
import { InjectedFailures, type InjectedFailuresSnapshot } from "./injected-failures";
import { MemberRecords, type MemberRecordsSnapshot } from "./member-records";
import { ResourceSightings, type ResourceSightingsSnapshot } from "./scans/resource-sightings";

const SNAPSHOT_FORMAT = "inspector2-state/1";

/** The JSON form of the whole Inspector (v2) state, as the state file holds it. */
export interface Inspector2Snapshot {
    readonly format: typeof SNAPSHOT_FORMAT;
    readonly statuses: AccountStatusSnapshot;
    readonly failures: InjectedFailuresSnapshot;
    readonly tokens: IdempotencySnapshot;
    readonly members: MemberRecordsSnapshot;
    /** Absent in state files written before findings were emulated. */
    readonly sightings?: ResourceSightingsSnapshot;
}

/** Everything the Inspector (v2) emulation remembers between calls. */
export class Inspector2State {
    readonly statuses = new AccountStatusStore();
    readonly failures = new InjectedFailures();
    readonly tokens: IdempotencyStore;
    readonly members = new MemberRecords();
    /** Reset by the service, which knows the clock and the resources. */
    readonly sightings = new ResourceSightings();

    /** `now` is the clock client tokens expire by. */
    constructor(now: () => number = Date.now) {
        this.tokens = new IdempotencyStore(now);
    }

    reset(): void {
        this.statuses.reset();
        this.failures.reset();
        this.tokens.reset();
        this.members.reset();
    }

    snapshot(): Inspector2Snapshot {
        return { ...this.snapshotBase(), tokens: this.tokens.snapshot() };
    }

    /** The snapshot without the client tokens, which the state file's journal keeps one by one. */
    snapshotBase(): Omit<Inspector2Snapshot, "tokens"> {
        return {
            format: SNAPSHOT_FORMAT,
            statuses: this.statuses.snapshot(),
            failures: this.failures.snapshot(),
            members: this.members.snapshot(),
            sightings: this.sightings.snapshot(),
        };
    }

    restore(snapshot: unknown): void {
        if (!isSnapshot(snapshot)) {
            throw new Error(
                `The inspector2 state is not a snapshot in format ${SNAPSHOT_FORMAT}; it cannot be restored.`,
            );
        }
        this.statuses.restore(snapshot.statuses);
        this.failures.restore(snapshot.failures);
        this.tokens.restore(snapshot.tokens);
        this.members.restore(snapshot.members);
        if (snapshot.sightings) this.sightings.restore(snapshot.sightings);
    }
}

function isSnapshot(value: unknown): value is Inspector2Snapshot {
    if (typeof value !== "object" || value === null) return false;
    const candidate = value as Record<string, unknown>;
    return (
        candidate.format === SNAPSHOT_FORMAT &&
        ["statuses", "failures", "tokens", "members"].every(
            (part) => typeof candidate[part] === "object" && candidate[part] !== null,
        )
    );
}
