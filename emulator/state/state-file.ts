import {
    closeSync,
    existsSync,
    fsyncSync,
    mkdirSync,
    openSync,
    readFileSync,
    readdirSync,
    renameSync,
    rmSync,
    writeSync,
} from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";
import type { RuntimeSnapshot } from "../emulator-runtime";
import { readJournal } from "./journal-file";
import { applyRecords } from "./journal-record";

/** Marks the file as ours, so a stray JSON file is not taken for state. */
const FORMAT = "inspector-emulator-state";
const VERSION = 1;

interface StateFileContent extends RuntimeSnapshot {
    readonly format: typeof FORMAT;
    readonly version: number;
    /** Names this snapshot; the journal beside it applies only if it names the same (absent in older files). */
    readonly generation?: string;
}

/** The journal beside a state file: the changes made since the snapshot in the file was written. */
export function journalPath(path: string): string {
    return `${path}.journal`;
}

/**
 * The state in `path` (its snapshot with the journal beside it applied), or undefined when there is no file yet.
 * Throws on a file that is not emulator state.
 */
export function readStateFile(path: string): RuntimeSnapshot | undefined {
    const content = readSnapshot(path);
    if (!content) return undefined;
    const snapshot: RuntimeSnapshot = { settings: content.settings, services: content.services };
    const journal = readJournal(journalPath(path));
    if (!journal || journal.generation !== content.generation) return snapshot;
    return applyRecords(snapshot, journal.records);
}

function readSnapshot(path: string): StateFileContent | undefined {
    if (!existsSync(path)) return undefined;
    let content: Partial<StateFileContent>;
    try {
        content = JSON.parse(readFileSync(path, "utf8")) as Partial<StateFileContent>;
    } catch (error) {
        throw new Error(`The state file ${path} is not JSON: ${(error as Error).message}`);
    }
    if (content.format !== FORMAT || content.version !== VERSION) {
        throw new Error(`The state file ${path} is not inspector-emulator state version ${VERSION}`);
    }
    if (!content.settings || !content.services) {
        throw new Error(`The state file ${path} lacks settings or services`);
    }
    return content as StateFileContent;
}

/**
 * Replaces `path` with the snapshot atomically: the text goes to a temporary file beside it, is flushed to disk,
 * then renamed over the old file, so a crash at any moment leaves either the old state or the new one. The new
 * snapshot has a new generation, so a journal left beside it no longer applies. Returns the generation and the
 * bytes written.
 */
export function writeStateFile(
    path: string,
    snapshot: RuntimeSnapshot,
): { generation: string; size: number } {
    const generation = randomBytes(8).toString("hex");
    const content: StateFileContent = { format: FORMAT, version: VERSION, generation, ...snapshot };
    const text = JSON.stringify(content) + "\n";
    // A first start with `--state-file .emulator-state/state.json` creates the folder too.
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    const descriptor = openSync(temporary, "w", 0o600);
    try {
        const bytes = Buffer.from(text, "utf8");
        let offset = 0;
        while (offset < bytes.length) offset += writeSync(descriptor, bytes, offset);
        fsyncSync(descriptor);
    } catch (error) {
        closeSync(descriptor);
        rmSync(temporary, { force: true });
        throw error;
    }
    closeSync(descriptor);
    renameSync(temporary, path);
    syncDirectory(dirname(path));
    return { generation, size: Buffer.byteLength(text) };
}

/**
 * Removes the temporary files a writer killed half way (kill -9, a power cut) left beside `path`:
 * `<name>.<pid>.tmp`. One emulator uses a state file at a time, so none of them is still being written.
 * Returns the names removed.
 */
export function removeLeftoverTemporaryFiles(path: string): string[] {
    const directory = dirname(path);
    if (!existsSync(directory)) return [];
    const name = basename(path);
    const leftovers = readdirSync(directory).filter(
        (entry) =>
            entry.startsWith(`${name}.`) &&
            entry.endsWith(".tmp") &&
            /^\d+$/.test(entry.slice(name.length + 1, -".tmp".length)),
    );
    for (const entry of leftovers) rmSync(join(directory, entry), { force: true });
    return leftovers;
}

/** Makes a rename or a new file durable; not every platform can open a directory, which is then left to the OS. */
export function syncDirectory(directory: string): void {
    let descriptor: number | undefined;
    try {
        descriptor = openSync(directory, "r");
        fsyncSync(descriptor);
    } catch {
        // Directory fsync is a Linux nicety; the rename already made the replacement atomic.
    } finally {
        if (descriptor !== undefined) closeSync(descriptor);
    }
}
