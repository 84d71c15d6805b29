import { runCell, type CellResult } from "./cell";
import { runCliScenarios } from "./cli";
import { OPERATIONS, RESOURCES, type Operation, type ResourceSpec } from "./resources";
import { SCENARIOS, type Scenario, type ScenarioId } from "./scenarios";

/**
 * The fault matrix: every scenario × every resource × every operation. The in-process and provider-host cells
 * each get an emulator of their own; the `pulumi killed` cells run the real CLI, one stack per resource going
 * through its four operations in turn.
 */

export const DEFAULT_SEED = 20_260_520;

export interface MatrixOptions {
    readonly seed?: number;
    /** Only these scenarios (default: all). */
    readonly scenarios?: readonly ScenarioId[];
    readonly resources?: readonly ResourceSpec["name"][];
    readonly operations?: readonly Operation[];
    /** Called with each cell's result as soon as it is known (progress). */
    readonly onResult?: (result: CellResult) => void;
}

/** The cells the options select, in table order. */
export function selectedCells(
    options: MatrixOptions = {},
): { scenario: Scenario; spec: ResourceSpec; operation: Operation }[] {
    const cells = [];
    for (const scenario of SCENARIOS) {
        if (options.scenarios && !options.scenarios.includes(scenario.id)) continue;
        for (const spec of RESOURCES) {
            if (options.resources && !options.resources.includes(spec.name)) continue;
            for (const operation of OPERATIONS) {
                if (options.operations && !options.operations.includes(operation)) continue;
                cells.push({ scenario, spec, operation });
            }
        }
    }
    return cells;
}

export async function runMatrix(options: MatrixOptions = {}): Promise<CellResult[]> {
    const seed = options.seed ?? DEFAULT_SEED;
    const cells = selectedCells(options);
    const results: CellResult[] = [];
    const report = (result: CellResult) => {
        results.push(result);
        options.onResult?.(result);
    };
    for (const { scenario, spec, operation } of cells.filter((cell) => cell.scenario.runner !== "cli")) {
        report(await runCell(scenario, spec, operation, seed));
    }
    const cliCells = cells.filter((cell) => cell.scenario.runner === "cli");
    for (const spec of new Set(cliCells.map((cell) => cell.spec))) {
        const operations = cliCells.filter((cell) => cell.spec === spec).map((cell) => cell.operation);
        await runCliScenarios(spec, operations, seed, report);
    }
    // Table order, whatever order the cells ran in.
    const order = (result: CellResult) =>
        cells.findIndex(
            (cell) =>
                cell.scenario.id === result.scenario &&
                cell.spec.name === result.resource &&
                cell.operation === result.operation,
        );
    return results.sort((a, b) => order(a) - order(b));
}
