import { existsSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import type { RuntimeSnapshot } from "../emulator-runtime";
import type { TrackedState } from "./change-tracker";
import { ChangeTracker } from "./change-tracker";
import { JournalWriter } from "./journal-file";
import {
    journalPath,
    readStateFile,
    removeLeftoverTemporaryFiles,
    syncDirectory,
    writeStateFile,
} from "./state-file";

/**
 * The journal is folded into a new snapshot once it holds more than this many bytes and more than half the
 * snapshot's size: each compaction then follows at least half a snapshot's worth of records, so the cost of
 * writing snapshots stays a small multiple of what the changes themselves write, and the two files together stay
 * under twice the state plus this.
 */
export const MIN_COMPACTION_BYTES = 1024 * 1024;

/**
 * The state file of a running emulator: a snapshot (`<path>`) and a journal beside it (`<path>.journal`).
 * Each change appends one line to the journal, on disk before the answer leaves; now and then the journal is
 * folded into a new snapshot (temporary file, fsync, rename) and started afresh. A crash at any moment leaves a
 * consistent state: the snapshot it last completed and the whole lines of its journal.
 */
export class PersistentState {
    /** The state on disk when the emulator started, if any. */
    readonly loaded: RuntimeSnapshot | undefined;
    private journal?: JournalWriter;
    private tracker?: ChangeTracker;
    private snapshotSize = 0;
    /** Set while a write has failed half way: the next change rewrites the snapshot instead of appending. */
    private broken = false;
    private stats = { appends: 0, compactions: 0, bytesWritten: 0 };

    /** Reads the state at `path` and removes temporary files a killed emulator left beside it. */
    constructor(private readonly path: string) {
        removeLeftoverTemporaryFiles(path);
        this.loaded = readStateFile(path);
    }

    /** Writes the state the emulator starts with as a new snapshot, with an empty journal. */
    start(state: TrackedState): void {
        this.tracker = new ChangeTracker(state);
        this.compact(state);
    }

    /** Journals what changed since the last write, if anything; compacts when the journal has grown enough. */
    record(state: TrackedState): void {
        const tracker = this.tracker;
        if (!tracker || !this.journal) throw new Error(`The state file ${this.path} is not started`);
        const record = tracker.take();
        if (!record) return;
        if (this.broken) return this.compact(state);
        const before = this.journal.size;
        try {
            this.journal.append(record);
        } catch (error) {
            this.broken = true;
            throw error;
        }
        this.stats.appends++;
        this.stats.bytesWritten += this.journal.size - before;
        if (this.journal.size > Math.max(MIN_COMPACTION_BYTES, this.snapshotSize / 2)) this.compact(state);
    }

    /** Journal lines appended, snapshots written and the bytes of both since start: what amortising saves. */
    get writes(): { readonly appends: number; readonly compactions: number; readonly bytesWritten: number } {
        return { ...this.stats };
    }

    /** Folds everything into the snapshot and removes the journal: a stopped emulator leaves one file. */
    close(state: TrackedState): void {
        if (!this.tracker) return;
        this.compact(state);
        this.journal?.close();
        this.journal = undefined;
        this.tracker = undefined;
        rmSync(journalPath(this.path), { force: true });
    }

    private compact(state: TrackedState): void {
        // Until the new snapshot and journal are both in place, a failure leaves the next change to compact again.
        this.broken = true;
        // The snapshot holds every change so far, so the tracker's pending ones are written with it.
        this.tracker?.baseline();
        const { generation, size } = writeStateFile(this.path, state.snapshot());
        this.snapshotSize = size;
        this.stats.compactions++;
        this.stats.bytesWritten += size;
        this.journal?.close();
        const created = !existsSync(journalPath(this.path));
        this.journal = new JournalWriter(journalPath(this.path), generation);
        if (created) syncDirectory(dirname(this.path));
        this.broken = false;
    }
}
