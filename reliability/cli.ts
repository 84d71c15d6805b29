import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { resetClients, sharedClients } from "../provider/aws/clients";
import { WAIT_POLICY_VARIABLE } from "../provider/core/context";
import { packageRoot, type Properties } from "../tests/support/dynamic-provider-host";
import type { RunningCommand } from "../tests/e2e/support/process-tree";
import { describeResult, PulumiStack } from "../tests/e2e/support/pulumi-stack";
import { pendingOperations, type StackDeployment } from "../tests/e2e/support/stack-state";
import { faultsIn, summariseLedger, type CellResult, type Outcome } from "./cell";
import type { ResourceState } from "./engine";
import {
    contextWith,
    OPERATIONS,
    REGION,
    RELIABILITY_POLICY,
    type KeyCall,
    type Operation,
    type ResourceSpec,
} from "./resources";
import { matchesKey } from "./scenarios";
import { World } from "./world";

/**
 * The `pulumi killed` cells: the real CLI on a stack of reliability/program, one stack per resource, going through
 * create, update, refresh (`pulumi up --refresh`) and delete (`pulumi up` with the resource taken out of the
 * program). Each step's `pulumi up` is SIGKILLed with every process it started when the step's key call reaches
 * the proxy (the call still goes on to the emulator, as it would to AWS). The stack is then repaired as the CLI
 * asks a user to (`pulumi cancel` for the lock the killed update left, `pulumi refresh --clear-pending-creates` for
 * a pending create) and the same `pulumi up` runs again.
 */

const PROGRAM = path.join(packageRoot(), "reliability", "program");

/** What the CLI prints when a step of the resource starts: where a step that calls nothing is struck. */
const STEP_STARTED: Readonly<Record<Operation, string>> = {
    create: "subject creating",
    update: "subject updating",
    refresh: "subject refreshing",
    delete: "subject deleting",
};

/** How long a step may take to be struck before the cell gives up on striking it. */
const STRIKE_TIMEOUT_MS = 120_000;

function stateOf(deployment: StackDeployment, spec: ResourceSpec): ResourceState | undefined {
    const resource = (deployment.deployment.resources ?? []).find(
        (candidate) => candidate.type === spec.typeToken,
    );
    if (!resource) return undefined;
    const initErrors = (resource as { initErrors?: unknown[] }).initErrors ?? [];
    return {
        id: resource.id ?? "",
        outs: resource.outputs ?? {},
        inputs: resource.inputs ?? {},
        initErrors: initErrors.length > 0,
    };
}

/**
 * How many key calls the look-ahead of a FindingsGate makes before its create or update does (the adapter runs
 * it at check for a new gate and at diff for a changed one, in the same `pulumi up`): counted by running that
 * look-ahead here, through the proxy, with the same inputs.
 */
async function lookAheadCalls(
    world: World,
    spec: ResourceSpec,
    key: KeyCall,
    operation: Operation,
    news: Properties,
    state: ResourceState | undefined,
): Promise<number> {
    const lifecycle = spec.lifecycle;
    if (operation !== "create" && operation !== "update") return 0;
    const look = operation === "create" ? lifecycle.previewCreate : lifecycle.preview;
    if (!look) return 0;
    const saved = new Map<string, string | undefined>();
    for (const [name, value] of Object.entries(world.providerEnv)) {
        saved.set(name, process.env[name]);
        process.env[name] = value;
    }
    resetClients();
    try {
        const context = contextWith(sharedClients);
        const checked = (await lifecycle.check(news, context)).inputs;
        const before = world.proxy.arrived().filter(matchesKey(key)).length;
        if (operation === "create") await lifecycle.previewCreate!(checked, context);
        else await lifecycle.preview!(state!.id, state!.outs, checked, context);
        return world.proxy.arrived().filter(matchesKey(key)).length - before;
    } finally {
        for (const [name, value] of saved) {
            if (value === undefined) delete process.env[name];
            else process.env[name] = value;
        }
        resetClients();
    }
}

/** Kills the command once `struck` resolves, or lets it finish; true when it was killed. */
async function killWhen(command: RunningCommand, struck: Promise<void>): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
        struck.then(() => "struck" as const),
        command.done.then(() => "finished" as const),
        new Promise<"timeout">(
            (resolve) => (timer = setTimeout(() => resolve("timeout"), STRIKE_TIMEOUT_MS)),
        ),
    ]);
    clearTimeout(timer);
    if (outcome !== "finished") command.kill();
    await command.done;
    return outcome === "struck";
}

/** Resolves once the command has printed `marker`. */
async function printed(command: RunningCommand, marker: string): Promise<void> {
    while (!command.output().stdout.includes(marker)) await new Promise((resolve) => setTimeout(resolve, 5));
}

export async function runCliScenarios(
    spec: ResourceSpec,
    operations: readonly Operation[],
    seed: number,
    onResult: (result: CellResult) => void = () => undefined,
): Promise<CellResult[]> {
    const world = await World.start({ ...spec.settings, seed, faults: [] });
    let stack: PulumiStack | undefined;
    const results: CellResult[] = [];
    try {
        await spec.prepare?.(world);
        stack = await PulumiStack.create({
            program: PROGRAM,
            awsEnv: world.providerEnv,
            config: {
                "aws:region": REGION,
                resource: spec.name,
                args: spec.args(world, "create"),
                present: true,
            },
            env: { [WAIT_POLICY_VARIABLE]: JSON.stringify(RELIABILITY_POLICY) },
        });
        const steps = new StackSteps(world, spec, stack);
        for (const operation of OPERATIONS.filter((candidate) => operations.includes(candidate))) {
            let result: CellResult;
            try {
                result = await steps.strike(operation);
            } catch (error) {
                // The stack could not be driven further (a setup or a repair command failed): the cell did not
                // converge, and says why with what the backend holds.
                result = {
                    scenario: "pulumi killed",
                    resource: spec.name,
                    operation,
                    outcome: "not converged",
                    enableTokens: [],
                    duplicates: 0,
                    lost: 0,
                    faultsMet: 0,
                    detail: `${(error as Error).message}\n${await backendFiles(stack)}`,
                };
                steps.forget();
            }
            results.push(result);
            onResult(result);
        }
        return results;
    } finally {
        await stack?.remove();
        await world.close();
    }
}

/** The files of the stack's file backend with their sizes: what a failure to read the state is explained by. */
async function backendFiles(stack: PulumiStack): Promise<string> {
    const root = path.join(stack.root, "state");
    const lines: string[] = [];
    const walk = async (folder: string): Promise<void> => {
        for (const entry of await fs.promises.readdir(folder, { withFileTypes: true }).catch(() => [])) {
            const full = path.join(folder, entry.name);
            if (entry.isDirectory()) await walk(full);
            else lines.push(`${path.relative(root, full)} ${(await fs.promises.stat(full)).size} bytes`);
        }
    };
    await walk(root);
    if (process.env.RELIABILITY_DEBUG) {
        const kept = await fs.promises.mkdtemp(path.join(os.tmpdir(), "reliability-failed-stack-"));
        await fs.promises.cp(root, kept, { recursive: true });
        lines.push(`(backend copied to ${kept})`);
    }
    return `backend files: ${lines.join(", ")}`;
}

/** One stack going through the steps, each from the starting point it needs. */
class StackSteps {
    private version: "create" | "update" | undefined;

    constructor(
        private readonly world: World,
        private readonly spec: ResourceSpec,
        private readonly stack: PulumiStack,
    ) {}

    /** After a failed step the resource's version is unknown: the next step makes it again. */
    forget(): void {
        this.version = undefined;
    }

    private async state(): Promise<ResourceState | undefined> {
        return stateOf((await this.stack.exportState()).deployment, this.spec);
    }

    private async setup(config: Readonly<Record<string, unknown>>): Promise<void> {
        await this.stack.setConfig(config);
        const result = await this.stack.run(["up", "--yes", "--skip-preview"]);
        if (result.code !== 0)
            throw new Error(`the setup failed before any fault:\n${describeResult(result)}`);
    }

    /** Brings the stack to the step's starting point without faults, then strikes the step's `pulumi up`. */
    async strike(operation: Operation): Promise<CellResult> {
        const { world, spec, stack } = this;
        // The starting point: nothing for a create, the resource as created for an update, made for the others.
        if (operation === "create" && this.version) {
            await this.setup({ present: false });
            this.version = undefined;
        }
        if (
            (operation === "update" && this.version !== "create") ||
            (operation !== "create" && !this.version)
        ) {
            // Out first when it was left in an unknown shape, so the setup's create starts clean.
            if (operation !== "update" || this.version === "update") await this.setup({ present: false });
            await this.setup({ present: true, args: spec.args(world, "create") });
            this.version = "create";
        }
        const command =
            operation === "refresh"
                ? ["up", "--yes", "--skip-preview", "--refresh"]
                : ["up", "--yes", "--skip-preview"];
        if (operation === "create")
            await stack.setConfig({ present: true, args: spec.args(world, "create") });
        if (operation === "update") await stack.setConfig({ args: spec.args(world, "update") });
        if (operation === "delete") await stack.setConfig({ present: false });
        const news = {
            resourceUrn: `urn:pulumi:${stack.stackName}::reliability::${spec.typeToken}::subject`,
            ...spec.args(world, operation === "update" ? "update" : "create"),
        };
        const key = spec.keyCall(operation);
        const skip = key ? await lookAheadCalls(world, spec, key, operation, news, await this.state()) : 0;
        world.proxy.clear();

        // The struck `pulumi up`.
        const running = stack.start(command);
        const struck = key
            ? new Promise<void>((resolve) => {
                  void world.proxy.addHook({
                      match: matchesKey(key),
                      skip,
                      // The key call is held until the whole process tree is dead, then goes on.
                      before: async () => {
                          resolve();
                          await running.done;
                      },
                  });
              })
            : printed(running, STEP_STARTED[operation]);
        const killed = await killWhen(running, struck);
        world.proxy.clearHooks();
        await world.proxy.idle();
        const first = await running.done;
        if (process.env.RELIABILITY_DEBUG) {
            process.stderr.write(
                `--- ${spec.name} ${operation} (skip ${skip}, killed ${killed})\n${first.stdout}\n`,
            );
        }

        let outcome: Outcome;
        let detail = "";
        let verdict;
        if (!killed && first.code === 0) {
            verdict = await spec.verify(world, await this.state(), operation);
            outcome = verdict.converged ? "same run" : "not converged";
            detail = "the step ended before it could be struck";
        } else {
            // Repaired as the CLI says, then the same command again.
            await stack.run(["cancel", "--yes"]);
            const { deployment } = await stack.exportState();
            if (pendingOperations(deployment).some((pending) => pending.type === "creating")) {
                await stack.run(["refresh", "--yes", "--skip-preview", "--clear-pending-creates"]);
            }
            const second = await stack.run(command);
            const after = await stack.exportState();
            verdict = await spec.verify(world, stateOf(after.deployment, spec), operation);
            const settled = second.code === 0 && pendingOperations(after.deployment).length === 0;
            outcome = settled && verdict.converged ? "one more up" : "not converged";
            if (outcome === "not converged") {
                detail = second.code === 0 ? verdict.detail : describeResult(second).slice(-2_000);
            }
        }
        if (operation === "create" || operation === "update") this.version = operation;
        if (operation === "delete") this.version = undefined;
        return {
            scenario: "pulumi killed",
            resource: spec.name,
            operation,
            outcome,
            ...summariseLedger(spec, world.proxy.executions()),
            lost: verdict.lost,
            faultsMet: faultsIn(world.proxy.answered()) + (killed ? 1 : 0),
            detail,
        };
    }
}
