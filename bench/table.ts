/** One line of the bench's report: a figure of issue #12, what was measured, against what, and the target. */
export interface FigureRow {
    /** The figure, e.g. "calls / floor, N = 1,000". */
    readonly figure: string;
    readonly measured: string;
    /** What the measurement is compared with, measured in the same run (or the formula). */
    readonly baseline: string;
    /** The ratio the target is stated in, or "" when the figure is absolute. */
    readonly ratio: string;
    readonly target: string;
    /** Whether the target is met; undefined when the bench cannot judge it. */
    readonly met?: boolean;
}

const HEADERS = ["figure", "measured", "baseline", "ratio", "target", "met"] as const;

function verdict(met: boolean | undefined): string {
    if (met === undefined) return "";
    return met ? "yes" : "NO";
}

/** A Markdown table (aligned, so it reads in a terminal too) of the rows. */
export function markdownTable(rows: readonly FigureRow[]): string {
    const cells = rows.map((row) => [
        row.figure,
        row.measured,
        row.baseline,
        row.ratio,
        row.target,
        verdict(row.met),
    ]);
    const widths = HEADERS.map((header, column) =>
        Math.max(header.length, 3, ...cells.map((line) => line[column].length)),
    );
    const line = (values: readonly string[]) =>
        `| ${values.map((value, column) => value.padEnd(widths[column])).join(" | ")} |`;
    return [
        line(HEADERS),
        `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`,
        ...cells.map(line),
    ].join("\n");
}

/** Milliseconds as seconds or milliseconds, whichever reads better. */
export function formatMs(ms: number): string {
    if (Math.abs(ms) >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
    if (Math.abs(ms) >= 1_000) return `${(ms / 1000).toFixed(2)} s`;
    return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

/** "min X, median Y" of a timing summary. */
export function formatTiming(summary: {
    readonly min: number;
    readonly median: number;
    readonly runs: number;
}): string {
    return `min ${formatMs(summary.min)}, median ${formatMs(summary.median)} (${summary.runs} runs)`;
}

/** Bytes in B, KiB or MiB. */
export function formatBytes(bytes: number): string {
    if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
    if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
    return `${Math.round(bytes)} B`;
}

/** A ratio with two decimals, e.g. "× 1.05". */
export function formatRatio(value: number): string {
    return `× ${value.toFixed(2)}`;
}
