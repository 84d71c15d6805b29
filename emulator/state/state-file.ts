import {
    closeSync,
    existsSync,
    fsyncSync,
    mkdirSync,
    openSync,
    readFileSync,
    renameSync,
    rmSync,
    writeSync,
} from "node:fs";
import { dirname } from "node:path";
import type { RuntimeSnapshot } from "../emulator-runtime";

/** Marks the file as ours, so a stray JSON file is not taken for state. */
const FORMAT = "inspector-emulator-state";
const VERSION = 1;

interface StateFileContent extends RuntimeSnapshot {
    readonly format: typeof FORMAT;
    readonly version: number;
}

/** The snapshot in `path`, or undefined when there is no file yet. Throws on a file that is not emulator state. */
export function readStateFile(path: string): RuntimeSnapshot | undefined {
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
    return { settings: content.settings, services: content.services };
}

/**
 * Replaces `path` with the snapshot atomically: the text goes to a temporary file beside it, is flushed to disk,
 * then renamed over the old file, so a crash at any moment leaves either the old state or the new one.
 */
export function writeStateFile(path: string, snapshot: RuntimeSnapshot): void {
    const content: StateFileContent = { format: FORMAT, version: VERSION, ...snapshot };
    // A first start with `--state-file .emulator-state/state.json` creates the folder too.
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    const descriptor = openSync(temporary, "w", 0o600);
    try {
        writeSync(descriptor, JSON.stringify(content, null, 2) + "\n");
        fsyncSync(descriptor);
    } catch (error) {
        closeSync(descriptor);
        rmSync(temporary, { force: true });
        throw error;
    }
    closeSync(descriptor);
    renameSync(temporary, path);
    syncDirectory(dirname(path));
}

/** Makes the rename itself durable; not every platform can open a directory, which is then left to the OS. */
function syncDirectory(directory: string): void {
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
