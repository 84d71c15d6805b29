import { parseArgs } from "node:util";

export interface CliOptions {
    readonly port: number;
    readonly configFile?: string;
    readonly stateFile?: string;
    readonly seed?: number;
    readonly help: boolean;
}

export const USAGE = `Usage: inspector-emulator [options]

Runs a local Amazon Inspector (v2 and Classic) and STS on 127.0.0.1.

Options:
  --port <number>       Port to listen on (default 0: a free port)
  --config <file>       JSON file with settings that differ from the defaults
  --state-file <file>   Keep state in this JSON file across restarts
  --seed <integer>      Seed for findings and injected faults (overrides the config file)
  --help                Show this text

The admin API (/_emulator/) requires the token printed as INSPECTOR_EMULATOR_TOKEN in the X-Emulator-Token
header; set INSPECTOR_EMULATOR_TOKEN before starting to choose it (16 to 256 characters of A-Z a-z 0-9 . _ ~ -).`;

/** The command line's options, or a sentence saying what is wrong with it. */
export function parseCliOptions(args: readonly string[]): CliOptions | string {
    let parsed;
    try {
        parsed = parseArgs({
            args: [...args],
            options: {
                port: { type: "string" },
                config: { type: "string" },
                "state-file": { type: "string" },
                seed: { type: "string" },
                help: { type: "boolean" },
            },
            strict: true,
            allowPositionals: false,
        }).values;
    } catch (error) {
        return (error as Error).message;
    }
    const port = parsed.port === undefined ? 0 : Number(parsed.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        return `--port ${JSON.stringify(parsed.port)} must be an integer from 0 to 65535`;
    }
    const seed = parsed.seed === undefined ? undefined : Number(parsed.seed);
    if (seed !== undefined && (parsed.seed?.trim() === "" || !Number.isSafeInteger(seed))) {
        return `--seed ${JSON.stringify(parsed.seed)} must be an integer`;
    }
    return {
        port,
        help: parsed.help ?? false,
        ...(parsed.config !== undefined ? { configFile: parsed.config } : {}),
        ...(parsed["state-file"] !== undefined ? { stateFile: parsed["state-file"] } : {}),
        ...(seed !== undefined ? { seed } : {}),
    };
}
