/**
 * `npm run bench`: reproduces the figures of issue #12's table against the emulator and prints them with their
 * baselines and ratios, as a Markdown table.
 *
 *   node dist/bench/run.js [row…] [--runs N] [--real-clock]
 *
 * Progress goes to stderr, the table to stdout. Exits 2 on a bad option, 1 when a row failed to run (the bench
 * never fails on a missed target: it reports it).
 */
import * as os from "node:os";
import { parseOptions, type BenchOptions, type RowId } from "./options";
import type { BenchRow } from "./row";
import { callsRow } from "./rows/calls";
import { emulatorStateRow } from "./rows/emulator-state";
import { memoryRow } from "./rows/memory";
import { planningRow } from "./rows/planning";
import { previewRow } from "./rows/preview";
import { reactionRow } from "./rows/reaction";
import { throttlingRow } from "./rows/throttling";
import { waitsRow } from "./rows/waits";
import { markdownTable, type FigureRow } from "./table";

const ROWS: Readonly<Record<RowId, BenchRow>> = {
    calls: callsRow,
    reaction: reactionRow,
    throttling: throttlingRow,
    memory: memoryRow,
    planning: planningRow,
    waits: waitsRow,
    preview: previewRow,
    "emulator-state": emulatorStateRow,
};

async function main(): Promise<number> {
    let options: BenchOptions;
    try {
        options = parseOptions(process.argv.slice(2));
    } catch (error) {
        process.stderr.write(`${(error as Error).message}\n`);
        return 2;
    }
    const progress = (line: string) => process.stderr.write(`  ${line}\n`);
    const started = Date.now();
    const figures: FigureRow[] = [];
    const durations: string[] = [];
    let failed = false;
    for (const id of options.rows) {
        const rowStarted = Date.now();
        process.stderr.write(`bench ${id}…\n`);
        try {
            figures.push(...(await ROWS[id](options, progress)));
        } catch (error) {
            failed = true;
            const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
            process.stderr.write(`bench ${id} failed: ${message}\n`);
            figures.push({
                figure: `${id}: failed`,
                measured: String(error).split("\n")[0],
                baseline: "",
                ratio: "",
                target: "",
            });
        }
        const seconds = (Date.now() - rowStarted) / 1000;
        durations.push(`${id} ${seconds.toFixed(0)} s`);
        process.stderr.write(`bench ${id}: ${seconds.toFixed(1)} s\n`);
    }
    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    process.stdout.write(
        `\nBenchmarks (issue #12), ${new Date().toISOString()}, ${os.cpus().length} × ${cpu}, ` +
            `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, runs ${options.runs}\n\n`,
    );
    process.stdout.write(`${markdownTable(figures)}\n\n`);
    process.stdout.write(
        `Rows: ${durations.join(", ")}; ${((Date.now() - started) / 60_000).toFixed(1)} min in all.\n`,
    );
    return failed ? 1 : 0;
}

main().then(
    (code) => process.exit(code),
    (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exit(1);
    },
);
