/** The severities of `pulumi.log`: debug, info, warn and error. */
export type LogSeverity = "debug" | "info" | "warning" | "error";

/** One message a provider logged with `pulumi.log.*`. */
export interface LogEntry {
    readonly severity: LogSeverity;
    readonly message: string;
    /** "console" when parsed from the host's output (as with the real engine), "engine" when sent over gRPC. */
    readonly via: "console" | "engine";
}

/**
 * `pulumi.log.*` falls back to the console when the process has no engine connection, which is the case in a
 * dynamic-provider host run by the real engine: `info: [runtime] …` on stdout, `warning:`/`error: [runtime] …` on
 * stderr (debug messages are dropped). The engine shows that output to the user as it is.
 */
const CONSOLE_PREFIX = /^(info|warning|error): \[runtime\] /;

/** The log entry an output line carries, or undefined for any other output. */
export function parseConsoleLog(line: string): LogEntry | undefined {
    const match = CONSOLE_PREFIX.exec(line);
    if (!match) return undefined;
    return { severity: match[1] as LogSeverity, message: line.slice(match[0].length), via: "console" };
}
