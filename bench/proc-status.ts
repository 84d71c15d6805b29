import { readFileSync } from "node:fs";

/** A process's memory figures from /proc/<pid>/status, in bytes. */
export interface ProcessMemory {
    /** VmHWM: the peak resident set size since the process started. */
    readonly peakBytes: number;
    /** VmRSS: the resident set size now. */
    readonly residentBytes: number;
}

/** Parses the `VmHWM` and `VmRSS` lines (given in kB) of a /proc/<pid>/status text. */
export function parseProcStatus(text: string): ProcessMemory {
    const kib = (field: string): number => {
        const match = new RegExp(`^${field}:\\s*(\\d+)\\s*kB$`, "m").exec(text);
        if (!match) throw new Error(`no ${field} line in /proc status`);
        return Number(match[1]) * 1024;
    };
    return { peakBytes: kib("VmHWM"), residentBytes: kib("VmRSS") };
}

/** The memory figures of a running process (Linux only). */
export function processMemory(pid: number): ProcessMemory {
    return parseProcStatus(readFileSync(`/proc/${pid}/status`, "utf8"));
}
