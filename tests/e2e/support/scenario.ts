import * as path from "node:path";
import { startEmulator, type PartialSettings, type RunningEmulator } from "../../../emulator";
import { packageRoot } from "../../support/program-directory";
import { ArrivalProxy } from "./arrival-proxy";
import { killRunningCommands } from "./process-tree";
import { PulumiStack } from "./pulumi-stack";

/** The folder of one of this repository's example programs. */
export function examplePath(name: string): string {
    return path.join(packageRoot(), "examples", name);
}

/**
 * The emulator as the end-to-end runs use it: every status transition still happens, in 20 ms instead of 200,
 * and a Classic run of the seeded one-hour template takes about a tenth of a second.
 */
export const E2E_SETTINGS: PartialSettings = {
    delays: { enablingMs: 20, disablingMs: 20 },
    classic: { timeScale: 36_000 },
};

/** Time for one describe block of pulumi commands on a small, shared machine. */
export const SCENARIO_TIMEOUT_MS = 600_000;

export interface ScenarioOptions {
    /** The program folder, e.g. {@link examplePath}. */
    readonly program: string;
    /** Stack config, computed once the emulator runs (e.g. from its template ARN). */
    readonly config?: (emulator: RunningEmulator) => Readonly<Record<string, unknown>>;
    /** Emulator settings over {@link E2E_SETTINGS}. */
    readonly settings?: PartialSettings;
    /** Put an {@link ArrivalProxy} between the program's providers and the emulator. */
    readonly proxy?: boolean;
    /** More environment for the pulumi commands. */
    readonly env?: Readonly<Record<string, string>>;
}

/** One emulator and one stack, shared by the steps (the `it`s) of a describe block. */
export interface Scenario {
    readonly emulator: RunningEmulator;
    readonly stack: PulumiStack;
    /** Set when the options asked for one. */
    readonly proxy?: ArrivalProxy;
}

/**
 * Registers before/after hooks in the calling describe block: the emulator starts in this process, the stack is
 * created and configured; afterwards every command still running is killed, the temporary folders are deleted
 * and the emulator is stopped. The returned object is filled in by the before hook.
 */
export function useScenario(options: ScenarioOptions): Scenario {
    const scenario = {} as { emulator: RunningEmulator; stack: PulumiStack; proxy?: ArrivalProxy };
    before(async function () {
        this.timeout(SCENARIO_TIMEOUT_MS);
        scenario.emulator = await startEmulator({ settings: E2E_SETTINGS });
        if (options.settings) scenario.emulator.admin.updateSettings(options.settings);
        if (options.proxy) scenario.proxy = await ArrivalProxy.start(scenario.emulator.url);
        const awsEnv = scenario.proxy
            ? scenario.proxy.environment(scenario.emulator.env)
            : scenario.emulator.env;
        scenario.stack = await PulumiStack.create({
            program: options.program,
            awsEnv,
            config: {
                "aws:region": scenario.emulator.env.AWS_REGION,
                ...options.config?.(scenario.emulator),
            },
            env: options.env,
        });
    });
    after(async function () {
        this.timeout(SCENARIO_TIMEOUT_MS);
        await scenario.stack?.remove();
        await killRunningCommands();
        await scenario.proxy?.close();
        await scenario.emulator?.close();
    });
    return scenario;
}
