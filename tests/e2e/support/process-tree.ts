import { spawn } from "node:child_process";
import * as fs from "node:fs";

/** How a finished command ended, with everything it printed. */
export interface CommandResult {
    /** The command line, for failure messages. */
    readonly command: string;
    /** The exit code; null when a signal ended it. */
    readonly code: number | null;
    readonly signal: NodeJS.Signals | null;
    readonly stdout: string;
    readonly stderr: string;
    /** The time limit ran out and the process tree was killed. */
    readonly timedOut: boolean;
}

/** A command still running. */
export interface RunningCommand {
    readonly pid: number;
    /** Settles when the command has ended and its output is closed. Never rejects. */
    readonly done: Promise<CommandResult>;
    /** What it has printed so far. */
    output(): { readonly stdout: string; readonly stderr: string };
    /** Kills the command and every process it started, at once (see {@link killProcessTree}). */
    kill(): void;
}

export interface CommandOptions {
    readonly cwd: string;
    /** The whole environment of the command (nothing is inherited implicitly). */
    readonly env: NodeJS.ProcessEnv;
    /** After this the process tree is killed and the result says `timedOut`. */
    readonly timeoutMs: number;
}

/** Commands not ended yet, killed if this process exits first (a test run that dies must not leave them). */
const running = new Set<RunningCommand>();
let exitHookInstalled = false;

/**
 * Starts `file` as the leader of a new process group. Killing it kills its whole process tree: the pulumi CLI
 * starts its plugins (language host, provider hosts) each in a process group of their own, so a group kill
 * alone would leave them running.
 */
export function startCommand(file: string, args: readonly string[], options: CommandOptions): RunningCommand {
    installExitHook();
    const child = spawn(file, args, {
        cwd: options.cwd,
        env: options.env,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const pid = child.pid;
    let timedOut = false;
    let spawnError: Error | undefined;
    let ended = false;

    const kill = () => {
        if (pid !== undefined && !ended) killProcessTree(pid);
    };
    const timer = setTimeout(() => {
        timedOut = true;
        kill();
    }, options.timeoutMs);

    const command = [file, ...args].join(" ");
    const handle: RunningCommand = {
        pid: pid ?? -1,
        output: () => ({ stdout, stderr }),
        kill,
        done: new Promise<CommandResult>((resolve) => {
            child.on("error", (error) => (spawnError = error));
            // "exit" comes before the output is drained: from then on the pid may be reused, so no more kills.
            child.on("exit", () => (ended = true));
            // "close" also waits for the output pipes, which a leftover grandchild could hold open; the timer
            // covers that case.
            child.on("close", (code, signal) => {
                ended = true;
                clearTimeout(timer);
                running.delete(handle);
                resolve({
                    command,
                    code,
                    signal,
                    stdout,
                    stderr: spawnError ? `${stderr}${spawnError.message}\n` : stderr,
                    timedOut,
                });
            });
        }),
    };
    running.add(handle);
    return handle;
}

/** Runs a command to its end (or its time limit). */
export function runCommand(
    file: string,
    args: readonly string[],
    options: CommandOptions,
): Promise<CommandResult> {
    return startCommand(file, args, options).done;
}

/** Kills every command still running and waits until they have ended; for after-hooks. */
export async function killRunningCommands(): Promise<void> {
    const pending = [...running];
    for (const command of pending) command.kill();
    await Promise.all(pending.map((command) => command.done));
}

/**
 * SIGKILLs `root` and all its descendants, as an out-of-memory killer or a CI runner's cancel does: nobody gets
 * to clean up. The tree is frozen first (SIGSTOP, repeated until no new process appears), so no process can
 * start another one between finding the tree and killing it. Descendants are found through /proc (Linux); the
 * root's process group is killed as well.
 */
export function killProcessTree(root: number): void {
    const frozen = new Set<number>();
    for (;;) {
        const fresh = [root, ...descendantsOf(root)].filter((pid) => !frozen.has(pid));
        if (fresh.length === 0) break;
        for (const pid of fresh) {
            signal(pid, "SIGSTOP");
            frozen.add(pid);
        }
    }
    for (const pid of frozen) signal(pid, "SIGKILL");
    signal(-root, "SIGKILL");
}

/** Every process below `root`, from the parent links in /proc; empty where /proc does not exist. */
function descendantsOf(root: number): number[] {
    const children = new Map<number, number[]>();
    let entries: string[];
    try {
        entries = fs.readdirSync("/proc");
    } catch {
        return [];
    }
    for (const entry of entries) {
        if (!/^\d+$/.test(entry)) continue;
        const parent = parentOf(entry);
        if (parent === undefined) continue;
        const siblings = children.get(parent) ?? [];
        siblings.push(Number(entry));
        children.set(parent, siblings);
    }
    const found: number[] = [];
    const queue = [root];
    while (queue.length > 0) {
        for (const child of children.get(queue.shift()!) ?? []) {
            found.push(child);
            queue.push(child);
        }
    }
    return found;
}

/** The parent pid from /proc/<pid>/stat: "pid (command) state ppid …", where the command may hold spaces. */
function parentOf(pid: string): number | undefined {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    } catch {
        // The process ended meanwhile.
        return undefined;
    }
}

function signal(pid: number, name: NodeJS.Signals): void {
    try {
        process.kill(pid, name);
    } catch (error) {
        // ESRCH: it has ended already.
        if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
}

function installExitHook(): void {
    if (exitHookInstalled) return;
    exitHookInstalled = true;
    process.on("exit", () => {
        for (const command of running) command.kill();
    });
}
