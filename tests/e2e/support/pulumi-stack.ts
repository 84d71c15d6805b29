import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createProgramDirectory, PACKAGE_NAME, type ProgramDirectory } from "../../support/program-directory";
import { startCommand, type CommandResult, type RunningCommand } from "./process-tree";
import { pulumiBinDir, pulumiPath } from "./pulumi-cli";
import type { StackDeployment } from "./stack-state";

/** The passphrase of every test stack's secrets provider. */
export const TEST_PASSPHRASE = "e2e-passphrase-not-a-secret";

/** The stack every scenario creates. */
export const TEST_STACK = "e2e";

/** A pulumi command that does not end within this is killed (with every process it started). */
export const DEFAULT_COMMAND_TIMEOUT_MS = 180_000;

/**
 * Polling and retries inside the provider, shrunk from seconds to milliseconds for every resource: the e2e
 * emulator's transitions take 20 ms and its Classic runs finish in well under a second.
 */
export const FAST_WAIT_POLICY = JSON.stringify({
    initialPollMs: 100,
    maxPollMs: 300,
    retryDelayMs: 100,
    stopWaitMs: 20_000,
});

export interface StackOptions {
    /** The Pulumi program to copy in, e.g. an example's folder. */
    readonly program: string;
    /**
     * The AWS SDK's environment inside the program's providers: endpoints, keys and region, as
     * `emulator.env` gives them (or a proxy in front of the emulator).
     */
    readonly awsEnv: Readonly<Record<string, string>>;
    /**
     * Stack config set right after `stack init`: keys as `pulumi config set` takes them (`aws:region`, or a key
     * of the program's own namespace). Values other than strings are set as JSON, which the program's
     * `config.requireObject`, `getNumber` and `getBoolean` read back.
     */
    readonly config?: Readonly<Record<string, unknown>>;
    /** More environment for every command, over the defaults (e.g. `PULUMI_INSPECTOR_WAIT_POLICY`). */
    readonly env?: Readonly<Record<string, string>>;
    readonly stackName?: string;
    /** `false`: the program gets no linked packages; the test installs them (see createProgramDirectory). */
    readonly linkPackages?: boolean;
}

/**
 * One stack of a copied Pulumi program, run by the real `pulumi` CLI with a file backend, a passphrase and a
 * `PULUMI_HOME` of its own, all in one temporary folder that {@link remove} deletes. Nothing touches the user's
 * `~/.pulumi`. Commands run non-interactively without colour; a command that hangs is killed with every process
 * it started.
 */
export class PulumiStack {
    private readonly commands = new Set<RunningCommand>();

    private constructor(
        /** The temporary folder holding the program, the backend's state and PULUMI_HOME. */
        readonly root: string,
        readonly program: ProgramDirectory,
        readonly stackName: string,
        private readonly env: NodeJS.ProcessEnv,
    ) {}

    /** Copies the program, initialises the stack and sets its config. */
    static async create(options: StackOptions): Promise<PulumiStack> {
        const cliDir = await pulumiBinDir();
        const root = await fs.promises.mkdtemp(path.join(os.tmpdir(), `${PACKAGE_NAME}-e2e-`));
        let stack: PulumiStack | undefined;
        try {
            const program = await createProgramDirectory(undefined, {
                program: options.program,
                parent: root,
                linkPackages: options.linkPackages,
            });
            const home = path.join(root, "home");
            const state = path.join(root, "state");
            await fs.promises.mkdir(home);
            await fs.promises.mkdir(state);
            const env: NodeJS.ProcessEnv = {
                ...inheritedEnvironment(),
                PATH: pulumiPath(cliDir),
                PULUMI_HOME: home,
                PULUMI_BACKEND_URL: `file://${state}`,
                PULUMI_CONFIG_PASSPHRASE: TEST_PASSPHRASE,
                PULUMI_SKIP_UPDATE_CHECK: "true",
                PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
                PULUMI_INSPECTOR_WAIT_POLICY: FAST_WAIT_POLICY,
                ...options.awsEnv,
                ...options.env,
            };
            stack = new PulumiStack(root, program, options.stackName ?? TEST_STACK, env);
            await stack.succeed(["stack", "init", stack.stackName]);
            if (options.config) await stack.setConfig(options.config);
            return stack;
        } catch (error) {
            if (stack) await stack.remove();
            else await fs.promises.rm(root, { recursive: true, force: true });
            throw error;
        }
    }

    /** Starts `pulumi <args>` (non-interactive, no colour) and hands back the running command. */
    start(args: readonly string[], timeoutMs: number = DEFAULT_COMMAND_TIMEOUT_MS): RunningCommand {
        const command = startCommand("pulumi", [...args, "--non-interactive", "--color", "never"], {
            cwd: this.program.path,
            env: this.env,
            timeoutMs,
        });
        this.commands.add(command);
        void command.done.then(() => this.commands.delete(command));
        return command;
    }

    /** Runs `pulumi <args>` to its end, whatever the outcome. */
    run(args: readonly string[], timeoutMs?: number): Promise<CommandResult> {
        return this.start(args, timeoutMs).done;
    }

    /** Runs `pulumi <args>` and fails with its whole output unless it succeeds. */
    async succeed(args: readonly string[], timeoutMs?: number): Promise<CommandResult> {
        const result = await this.run(args, timeoutMs);
        if (result.code !== 0) throw new Error(describeResult(result));
        return result;
    }

    /**
     * Changes the environment of the commands that follow: a value sets a variable, undefined removes it (for
     * example the emulator's `AWS_ENDPOINT_URL_INSPECTOR`, so that the SDK would go to AWS's own endpoint).
     */
    setEnv(changes: Readonly<Record<string, string | undefined>>): void {
        for (const [key, value] of Object.entries(changes)) {
            if (value === undefined) delete this.env[key];
            else this.env[key] = value;
        }
    }

    /** Sets stack config in one command (see {@link StackOptions.config} for keys and values). */
    async setConfig(config: Readonly<Record<string, unknown>>): Promise<void> {
        const pairs = Object.entries(config).flatMap(([key, value]) => [
            "--plaintext",
            `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`,
        ]);
        if (pairs.length > 0) await this.succeed(["config", "set-all", ...pairs]);
    }

    preview(...extra: string[]): Promise<CommandResult> {
        return this.run(["preview", ...extra]);
    }

    up(...extra: string[]): Promise<CommandResult> {
        return this.run(["up", "--yes", "--skip-preview", ...extra]);
    }

    refresh(...extra: string[]): Promise<CommandResult> {
        return this.run(["refresh", "--yes", "--skip-preview", ...extra]);
    }

    destroy(...extra: string[]): Promise<CommandResult> {
        return this.run(["destroy", "--yes", "--skip-preview", ...extra]);
    }

    /** `pulumi stack export`: the stack's checkpoint as the backend keeps it (secrets stay encrypted). */
    async exportState(): Promise<{ readonly text: string; readonly deployment: StackDeployment }> {
        const { stdout } = await this.succeed(["stack", "export"]);
        return { text: stdout, deployment: JSON.parse(stdout) as StackDeployment };
    }

    /** `pulumi stack output --json`. */
    async outputs(): Promise<Record<string, unknown>> {
        const { stdout } = await this.succeed(["stack", "output", "--json"]);
        return JSON.parse(stdout) as Record<string, unknown>;
    }

    /** Kills what is still running, then deletes the temporary folder. */
    async remove(): Promise<void> {
        const running = [...this.commands];
        for (const command of running) command.kill();
        await Promise.all(running.map((command) => command.done));
        await fs.promises.rm(this.root, { recursive: true, force: true });
    }
}

/** The command, how it ended and everything it printed: the message of a failed expectation. */
export function describeResult(result: CommandResult): string {
    const ending = result.timedOut
        ? "timed out"
        : result.signal
          ? `ended by ${result.signal}`
          : `exited with ${result.code}`;
    return `\`${result.command}\` ${ending}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

/**
 * This process's environment without anything that would point a command elsewhere: AWS settings and profiles
 * (the tests' own emulator variables included) and Pulumi settings (a user's backend, token or home).
 */
function inheritedEnvironment(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) {
        if (!key.startsWith("AWS_") && !key.startsWith("PULUMI_")) env[key] = value;
    }
    return env;
}
