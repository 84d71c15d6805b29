import { resetClients, sharedClients } from "../provider/aws/clients";
import { WAIT_POLICY_VARIABLE } from "../provider/core/context";
import {
    serializeDynamicProvider,
    startDynamicProviderHost,
    type DynamicProviderHost,
    type Properties,
} from "../tests/support/dynamic-provider-host";
import { hostDriver, inProcessDriver, MiniEngine, type RunResult } from "./engine";
import type { Answered, Execution } from "./ledger-proxy";
import {
    contextWith,
    RELIABILITY_POLICY,
    REGION,
    urnOf,
    type Operation,
    type ResourceSpec,
    type Verdict,
} from "./resources";
import type { ArmContext, Scenario } from "./scenarios";
import { World } from "./world";

/** How a cell ended. */
export type Outcome = "same run" | "one more up" | "not converged";

/** One row of the matrix. */
export interface CellResult {
    readonly scenario: Scenario["id"];
    readonly resource: ResourceSpec["name"];
    readonly operation: Operation;
    readonly outcome: Outcome;
    /** Executions of each Enable token sent in the measured runs, by token (in the order first sent). */
    readonly enableTokens: readonly number[];
    /** StartAssessmentRun executions in the measured runs; undefined for the other resources. */
    readonly runsStarted?: number;
    /** Executions of the same work (Enable of the same accounts and types, a run of the same name) beyond one. */
    readonly duplicates: number;
    readonly lost: number;
    /**
     * The faults the measured runs met: calls throttled, answered 5xx, slowed, dropped or whose answer was lost,
     * restarts and kills. Timing decides some of them (how many polls meet a 30 % throttle), so this is progress
     * output, not part of the table, which must repeat exactly.
     */
    readonly faultsMet: number;
    /** Why a cell did not converge at once (not part of the table either). */
    readonly detail: string;
}

/** The faults a cell's calls met, as the proxy saw the emulator's answers. */
export function faultsIn(answers: readonly Answered[]): number {
    return answers.filter(
        (answer) =>
            answer.status === 0 ||
            answer.status >= 500 ||
            /Throttl/.test(answer.errorType ?? "") ||
            answer.ms >= LATENCY_MS ||
            answer.answerLost,
    ).length;
}

/** A call slower than this met an added latency (the emulator answers in a few milliseconds). */
const LATENCY_MS = 90;

/** The Enable tokens, the runs started and the duplicate executions in a ledger. */
export function summariseLedger(
    spec: ResourceSpec,
    executions: readonly Execution[],
): Pick<CellResult, "enableTokens" | "runsStarted" | "duplicates"> {
    const tokens = new Map<string, number>();
    const work = new Map<string, number>();
    let runsStarted = 0;
    for (const execution of executions) {
        if (execution.operation === "Enable" && execution.token) {
            tokens.set(execution.token, (tokens.get(execution.token) ?? 0) + execution.executed);
        }
        if (execution.operation === "Enable" || execution.operation === "StartAssessmentRun") {
            const key = `${execution.operation} ${execution.key}`;
            work.set(key, (work.get(key) ?? 0) + execution.executed);
        }
        if (execution.operation === "StartAssessmentRun") runsStarted += execution.executed;
    }
    let duplicates = 0;
    for (const count of work.values()) duplicates += Math.max(0, count - 1);
    return {
        enableTokens: [...tokens.values()],
        ...(spec.name === "AssessmentRun" ? { runsStarted } : {}),
        duplicates,
    };
}

/** A small seeded generator (mulberry32): one sequence per cell, whatever ran before it. */
export function seededRandom(seed: number, label: string): () => number {
    let state = seed >>> 0;
    for (const char of label) state = (Math.imul(state ^ char.charCodeAt(0), 0x9e3779b1) + 1) >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let mixed = state;
        mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
        mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
        return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
    };
}

/** The SDK's variables for the provider's shared clients in this process (restored by the function returned). */
function pointSdkAt(env: Readonly<Record<string, string>>): () => void {
    const saved = new Map<string, string | undefined>();
    for (const [key, value] of Object.entries(env)) {
        if (!key.startsWith("AWS_")) continue;
        saved.set(key, process.env[key]);
        process.env[key] = value;
    }
    resetClients();
    return () => {
        for (const [key, value] of saved) {
            if (value === undefined) delete process.env[key];
            else process.env[key] = value;
        }
        resetClients();
    };
}

async function startHost(world: World): Promise<DynamicProviderHost> {
    const host = await startDynamicProviderHost({
        env: { ...world.providerEnv, [WAIT_POLICY_VARIABLE]: JSON.stringify(RELIABILITY_POLICY) },
    });
    await host.configure({ "aws:region": REGION, "aws:skipCredentialsValidation": "true" });
    return host;
}

/** Runs one operation the way the program's `pulumi` command would. */
function perform(
    engine: MiniEngine,
    operation: Operation,
    args: (version: "create" | "update") => Properties,
) {
    switch (operation) {
        case "create":
            return engine.up(args("create"));
        case "update":
            return engine.up(args("update"));
        case "refresh":
            return engine.refresh();
        case "delete":
            return engine.destroy();
    }
}

function must(result: RunResult, what: string): void {
    if (!result.ok) throw new Error(`${what} failed before any fault: ${result.error}`);
}

/**
 * One cell run in this process (the lifecycle called directly) or through the real provider host: make the
 * resource without faults when the operation needs one, strike the operation, check, and when it did not
 * converge, run it once more and check again.
 */
export async function runCell(
    scenario: Scenario,
    spec: ResourceSpec,
    operation: Operation,
    seed: number,
): Promise<CellResult> {
    if (scenario.runner === "cli") throw new Error(`${scenario.id} runs the CLI: see runCliScenarios`);
    const world = await World.start({ ...spec.settings, seed, faults: [] });
    const restoreSdk = pointSdkAt(world.providerEnv);
    let host: DynamicProviderHost | undefined;
    try {
        await spec.prepare?.(world);
        const urn = urnOf(spec);
        const args = (version: "create" | "update"): Properties => ({
            resourceUrn: urn,
            ...spec.args(world, version),
        });
        let engine: MiniEngine;
        if (scenario.runner === "host") {
            host = await startHost(world);
            const provider = await serializeDynamicProvider(spec.provider);
            engine = new MiniEngine(hostDriver(() => host!, provider, urn));
        } else {
            engine = new MiniEngine(inProcessDriver(spec.lifecycle, () => contextWith(sharedClients)));
        }
        if (operation !== "create") must(await engine.up(args("create")), "the setup's create");
        world.proxy.clear();

        const key = spec.keyCall(operation);
        const random = seededRandom(seed, `${scenario.id} ${spec.name} ${operation}`);
        let killed = false;
        let kills = 0;
        const armContext = (first: boolean): ArmContext => ({
            world,
            key,
            random,
            first,
            killProvider: () => {
                killed = true;
                kills++;
                process.kill(host!.pid, "SIGKILL");
            },
        });
        const strike = async (first: boolean): Promise<RunResult> => {
            const context = armContext(first);
            const hooks = scenario.arm(context);
            const running = perform(engine, operation, args);
            if (!key && first) await scenario.strikeWithoutKey?.(context);
            const result = await running;
            await world.proxy.idle();
            // A killed caller's call still reaches Inspector: wait for it before anything is checked.
            if (killed) await Promise.all(hooks);
            world.proxy.clearHooks();
            world.emulator.admin.updateSettings({ faults: [] });
            return result;
        };

        const first = await strike(true);
        let verdict: Verdict | undefined = first.ok
            ? await spec.verify(world, engine.state, operation)
            : undefined;
        let outcome: Outcome = "same run";
        let detail = first.ok ? "" : `first run: ${first.error}`;
        if (!first.ok || !verdict!.converged) {
            if (verdict) detail = `first run: ${verdict.detail}`;
            if (killed) {
                await host!.close();
                host = await startHost(world);
                killed = false;
            }
            const second = await strike(false);
            verdict = await spec.verify(world, engine.state, operation);
            outcome = second.ok && verdict.converged ? "one more up" : "not converged";
            if (outcome === "not converged") {
                detail += `; second run: ${second.ok ? verdict.detail : second.error}`;
            }
        }
        return {
            scenario: scenario.id,
            resource: spec.name,
            operation,
            outcome,
            ...summariseLedger(spec, world.proxy.executions()),
            lost: verdict!.lost,
            faultsMet: faultsIn(world.proxy.answered()) + world.restarts + kills,
            detail,
        };
    } finally {
        await host?.close();
        restoreSdk();
        await world.close();
    }
}
