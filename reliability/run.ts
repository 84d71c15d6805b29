/**
 * `npm run reliability`: runs the fault matrix and prints its table and totals. Exits 1 when a cell did not
 * converge within one more run, when anything was executed twice or when a record was lost; 2 on a bad option.
 *
 *   node dist/reliability/run.js [--seed N] [--scenario "<id>"]… [--resource <name>]… [--operation <op>]…
 *
 * Progress goes to stderr; RELIABILITY_DEBUG=1 also prints what each struck `pulumi up` printed.
 */
import type { CellResult } from "./cell";
import { DEFAULT_SEED, runMatrix, selectedCells, type MatrixOptions } from "./matrix";
import { matrixTable, passed, totalsOf, totalsTable } from "./report";
import { OPERATIONS, RESOURCES, type Operation, type ResourceSpec } from "./resources";
import { SCENARIOS, type ScenarioId } from "./scenarios";

function parseOptions(argv: readonly string[]): MatrixOptions {
    let seed = DEFAULT_SEED;
    const scenarios: ScenarioId[] = [];
    const resources: ResourceSpec["name"][] = [];
    const operations: Operation[] = [];
    for (let index = 0; index < argv.length; index++) {
        const option = argv[index];
        const value = argv[++index];
        const oneOf = <T extends string>(allowed: readonly T[]): T => {
            if (!allowed.includes(value as T)) {
                throw new Error(`${option} ${JSON.stringify(value)}: expected one of ${allowed.join(", ")}`);
            }
            return value as T;
        };
        switch (option) {
            case "--seed":
                seed = Number(value);
                if (!Number.isInteger(seed) || seed < 0)
                    throw new Error(`--seed ${value}: expected an integer ≥ 0`);
                break;
            case "--scenario":
                scenarios.push(oneOf(SCENARIOS.map((scenario) => scenario.id)));
                break;
            case "--resource":
                resources.push(oneOf(RESOURCES.map((spec) => spec.name)));
                break;
            case "--operation":
                operations.push(oneOf(OPERATIONS));
                break;
            default:
                throw new Error(
                    `unknown option ${option}; options: --seed, --scenario, --resource, --operation`,
                );
        }
    }
    return {
        seed,
        ...(scenarios.length ? { scenarios } : {}),
        ...(resources.length ? { resources } : {}),
        ...(operations.length ? { operations } : {}),
    };
}

async function main(): Promise<number> {
    let options: MatrixOptions;
    try {
        options = parseOptions(process.argv.slice(2));
    } catch (error) {
        process.stderr.write(`${(error as Error).message}\n`);
        return 2;
    }
    const total = selectedCells(options).length;
    const started = Date.now();
    let done = 0;
    process.stderr.write(`reliability matrix: ${total} cells, seed ${options.seed}\n`);
    const onResult = (result: CellResult) => {
        done++;
        const seconds = ((Date.now() - started) / 1000).toFixed(0);
        const note = result.detail ? ` (${result.detail.split("\n")[0].slice(0, 200)})` : "";
        process.stderr.write(
            `  [${done}/${total}, ${seconds} s] ${result.scenario} / ${result.resource} / ${result.operation}: ` +
                `${result.outcome}, ${result.faultsMet} faults met${note}\n`,
        );
    };
    const results = await runMatrix({ ...options, onResult });
    const totals = totalsOf(results);
    process.stdout.write(`\nReliability matrix (seed ${options.seed})\n\n${matrixTable(results)}\n\n`);
    process.stdout.write(`Totals\n\n${totalsTable(totals)}\n\n`);
    process.stdout.write(
        `Scenarios:\n${SCENARIOS.map((scenario) => `- ${scenario.id}: ${scenario.description}`).join("\n")}\n\n`,
    );
    const keys = RESOURCES.map(
        (spec) =>
            `- ${spec.name}: ` +
            OPERATIONS.map(
                (operation) => `${operation} ${spec.keyCall(operation)?.operation ?? "(no call)"}`,
            ).join(", "),
    );
    process.stdout.write(`Key calls (where each scenario strikes):\n${keys.join("\n")}\n\n`);
    const minutes = (Date.now() - started) / 60_000;
    process.stdout.write(`${passed(totals) ? "Passed" : "FAILED"} in ${minutes.toFixed(1)} min.\n`);
    return passed(totals) ? 0 : 1;
}

main().then(
    (code) => process.exit(code),
    (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exit(1);
    },
);
