import type { CallRecord, MutationRecord } from "./emulator-api";

/** The newest entries kept per log: enough for any test, bounded for an emulator left running for days. */
const MAX_ENTRIES = 10_000;

/** The call log and the mutation log, oldest first. */
export class ActivityLog {
    private readonly callRecords: CallRecord[] = [];
    private readonly mutationRecords: MutationRecord[] = [];
    /** Every mutation ever counted, including ones that have left the bounded log. */
    private mutationTotal = 0;

    recordCall(call: CallRecord): void {
        append(this.callRecords, call);
    }

    recordMutation(mutation: MutationRecord): void {
        append(this.mutationRecords, mutation);
        this.mutationTotal++;
    }

    calls(): readonly CallRecord[] {
        return [...this.callRecords];
    }

    mutations(): readonly MutationRecord[] {
        return [...this.mutationRecords];
    }

    /** Grows with every mutation; the state file is rewritten when it moves. */
    get mutationCount(): number {
        return this.mutationTotal;
    }

    clear(): void {
        this.callRecords.length = 0;
        this.mutationRecords.length = 0;
    }
}

function append<T>(records: T[], record: T): void {
    records.push(record);
    if (records.length > MAX_ENTRIES) records.splice(0, records.length - MAX_ENTRIES);
}
