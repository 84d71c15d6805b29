/** The rows of the bench, in the order they run, each reproducing figures of issue #12's table. */
export const ROW_IDS = [
    "calls",
    "reaction",
    "throttling",
    "memory",
    "planning",
    "waits",
    "preview",
    "emulator-state",
] as const;

export type RowId = (typeof ROW_IDS)[number];

/** Other names a row answers to: the figure it measures beside its own. */
const ALIASES: Readonly<Record<string, RowId>> = { state: "memory" };

export interface BenchOptions {
    readonly rows: readonly RowId[];
    /** Repetitions of every timed measurement (the minimum and the median are reported). */
    readonly runs: number;
    /** Run the long waits (120 s) on the real clock too, instead of the clock that skips pauses. */
    readonly realClock: boolean;
}

export const DEFAULT_RUNS = 3;

export const USAGE =
    `usage: npm run bench -- [row…] [--runs N] [--real-clock]\n` +
    `rows: ${ROW_IDS.join(", ")} (state = memory); none: all of them`;

/** Parses the command line; throws with the usage on anything it does not know. */
export function parseOptions(argv: readonly string[]): BenchOptions {
    const rows = new Set<RowId>();
    let runs = DEFAULT_RUNS;
    let realClock = false;
    for (let index = 0; index < argv.length; index++) {
        const argument = argv[index];
        if (argument === "--runs") {
            const value = argv[++index];
            runs = Number(value);
            if (!Number.isInteger(runs) || runs < 1)
                throw new Error(`--runs ${value}: expected an integer ≥ 1\n${USAGE}`);
        } else if (argument === "--real-clock") {
            realClock = true;
        } else {
            const row = ALIASES[argument] ?? (ROW_IDS as readonly string[]).find((id) => id === argument);
            if (!row) throw new Error(`unknown row or option ${JSON.stringify(argument)}\n${USAGE}`);
            rows.add(row as RowId);
        }
    }
    const selected = rows.size === 0 ? ROW_IDS : ROW_IDS.filter((id) => rows.has(id));
    return { rows: selected, runs, realClock };
}
