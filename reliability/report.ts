import type { CellResult } from "./cell";

/** The matrix's totals: what the README quotes. */
export interface Totals {
    readonly scenarios: number;
    readonly sameRun: number;
    readonly oneMoreUp: number;
    readonly notConverged: number;
    readonly duplicates: number;
    readonly lost: number;
}

export function totalsOf(results: readonly CellResult[]): Totals {
    return {
        scenarios: results.length,
        sameRun: results.filter((result) => result.outcome === "same run").length,
        oneMoreUp: results.filter((result) => result.outcome === "one more up").length,
        notConverged: results.filter((result) => result.outcome === "not converged").length,
        duplicates: results.reduce((sum, result) => sum + result.duplicates, 0),
        lost: results.reduce((sum, result) => sum + result.lost, 0),
    };
}

/** Whether the matrix holds: everything converged within one more run, nothing done twice, nothing lost. */
export function passed(totals: Totals): boolean {
    return totals.notConverged === 0 && totals.duplicates === 0 && totals.lost === 0;
}

const OUTCOMES: Record<CellResult["outcome"], string> = {
    "same run": "converged in the same run",
    "one more up": "converged after one more up",
    "not converged": "NOT CONVERGED",
};

/** A plain text table, columns padded to their widest cell. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
    const widths = header.map((title, column) =>
        Math.max(title.length, ...rows.map((row) => row[column].length)),
    );
    const line = (cells: readonly string[]) =>
        `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`;
    const rule = `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`;
    return [line(header), rule, ...rows.map(line)].join("\n");
}

/** The one table: a row per cell. Nothing in it depends on timing, so the same seed prints the same table. */
export function matrixTable(results: readonly CellResult[]): string {
    return table(
        [
            "scenario",
            "resource",
            "operation",
            "outcome",
            "Enable executions per token",
            "runs started",
            "records lost",
        ],
        results.map((result) => [
            result.scenario,
            result.resource,
            result.operation,
            OUTCOMES[result.outcome],
            result.enableTokens.length > 0 ? result.enableTokens.join(", ") : "–",
            result.runsStarted === undefined ? "–" : String(result.runsStarted),
            String(result.lost),
        ]),
    );
}

export function totalsTable(totals: Totals): string {
    return table(
        [
            "scenarios",
            "converged in the same run",
            "converged after one more up",
            "not converged",
            "duplicate executions",
            "lost records",
        ],
        [
            [
                String(totals.scenarios),
                String(totals.sameRun),
                String(totals.oneMoreUp),
                String(totals.notConverged),
                String(totals.duplicates),
                String(totals.lost),
            ],
        ],
    );
}
