import { closeSync, existsSync, fdatasyncSync, openSync, readFileSync, writeSync } from "node:fs";
import { crc32 } from "node:zlib";
import type { JournalRecord } from "./journal-record";

const FORMAT = "inspector-emulator-journal";
const VERSION = 1;

interface JournalHeader {
    readonly format: typeof FORMAT;
    readonly version: number;
    /** The snapshot the records apply to; records of another generation are already in the snapshot. */
    readonly generation: string;
}

/** What a journal holds: its generation and its records up to the first that is not whole. */
export interface JournalContent {
    readonly generation: string;
    readonly records: readonly JournalRecord[];
}

/** One line: the checksum of the JSON, a space, the JSON (which never holds a raw newline), a newline. */
function line(value: unknown): string {
    const json = JSON.stringify(value);
    return `${checksum(json)} ${json}\n`;
}

function checksum(json: string): string {
    return crc32(json).toString(16).padStart(8, "0");
}

/** The JSON of a line, or undefined when the line is torn or damaged. */
function parseLine(text: string): unknown {
    const space = text.indexOf(" ");
    if (space !== 8) return undefined;
    const json = text.slice(space + 1);
    if (checksum(json) !== text.slice(0, space)) return undefined;
    try {
        return JSON.parse(json) as unknown;
    } catch {
        return undefined;
    }
}

/**
 * The journal at `path`, or undefined when there is none or it has no whole header. Records are read up to the
 * first line that is not whole (a write a crash cut short: it was never acknowledged, since an answer leaves only
 * once its line is on disk); the rest is ignored.
 */
export function readJournal(path: string): JournalContent | undefined {
    if (!existsSync(path)) return undefined;
    // Only lines ending in a newline are whole; whatever follows the last newline is a torn write.
    const lines = readFileSync(path, "utf8").split("\n").slice(0, -1);
    const header = lines.length > 0 ? (parseLine(lines[0]) as Partial<JournalHeader> | undefined) : undefined;
    if (header?.format !== FORMAT || header.version !== VERSION || typeof header.generation !== "string") {
        return undefined;
    }
    const records: JournalRecord[] = [];
    for (const text of lines.slice(1)) {
        const record = parseLine(text);
        if (typeof record !== "object" || record === null) break;
        records.push(record as JournalRecord);
    }
    return { generation: header.generation, records };
}

/** The journal open for appending: each append is on disk (fdatasync) before it returns. */
export class JournalWriter {
    private descriptor: number;
    private written = 0;

    /** Starts the journal of `generation` afresh, replacing whatever was at `path`. */
    constructor(
        private readonly path: string,
        generation: string,
    ) {
        this.descriptor = openSync(path, "w", 0o600);
        this.write(line({ format: FORMAT, version: VERSION, generation } satisfies JournalHeader));
        this.written = 0;
    }

    /** Bytes of records appended since the journal started. */
    get size(): number {
        return this.written;
    }

    append(record: JournalRecord): void {
        this.write(line(record));
    }

    close(): void {
        closeSync(this.descriptor);
        this.descriptor = -1;
    }

    private write(text: string): void {
        if (this.descriptor < 0) throw new Error(`The journal ${this.path} is closed`);
        const bytes = Buffer.from(text, "utf8");
        let offset = 0;
        while (offset < bytes.length) offset += writeSync(this.descriptor, bytes, offset);
        fdatasyncSync(this.descriptor);
        this.written += bytes.length;
    }
}
