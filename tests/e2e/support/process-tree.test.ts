import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import { runCommand, startCommand } from "./process-tree";

/** Whether a process runs: it exists and is not a zombie (a container's init may be slow to reap it). */
function alive(pid: number): boolean {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
    } catch {
        return false;
    }
}

/** Waits a little for a killed process to be gone; answers whether it still runs. */
async function stillAlive(pid: number): Promise<boolean> {
    for (let tries = 0; tries < 100 && alive(pid); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return alive(pid);
}

/** The pid a shell script printed on its first line, once it has printed it. */
async function firstLinePid(output: () => { stdout: string }): Promise<number> {
    for (let tries = 0; tries < 200; tries++) {
        const line = output().stdout.split("\n")[0];
        if (output().stdout.includes("\n") && /^\d+$/.test(line)) return Number(line);
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error("the script never printed a pid");
}

const options = { cwd: os.tmpdir(), env: { PATH: process.env.PATH ?? "" }, timeoutMs: 30_000 };

describe("e2e support: commands and their process trees", () => {
    it("captures the output and the exit code of a finished command", async () => {
        const { code, signal, stdout, stderr, timedOut } = await runCommand(
            "bash",
            ["-c", "echo out; echo err >&2; exit 3"],
            options,
        );
        assert.deepEqual(
            { code, signal, stdout, stderr, timedOut },
            { code: 3, signal: null, stdout: "out\n", stderr: "err\n", timedOut: false },
        );
    });

    it("kills a grandchild that runs in a process group of its own, as pulumi starts its plugins", async () => {
        // setsid puts the sleeper in a new session and process group: a group kill would miss it.
        const command = startCommand("bash", ["-c", "setsid sleep 300 & echo $!; wait"], options);
        const grandchild = await firstLinePid(command.output);
        assert.ok(alive(grandchild));
        command.kill();
        const result = await command.done;
        assert.equal(result.signal, "SIGKILL");
        assert.equal(await stillAlive(grandchild), false, `process ${grandchild} survived`);
    });

    it("kills the tree of a command that outlives its time limit and says so", async () => {
        const command = startCommand("bash", ["-c", "setsid sleep 300 & echo $!; wait"], {
            ...options,
            timeoutMs: 500,
        });
        const grandchild = await firstLinePid(command.output);
        const result = await command.done;
        assert.equal(result.timedOut, true);
        assert.equal(result.signal, "SIGKILL");
        assert.equal(await stillAlive(grandchild), false, `process ${grandchild} survived`);
    });

    it("reports a command that cannot start instead of hanging", async () => {
        const result = await runCommand("/nonexistent/pulumi", [], options);
        assert.notEqual(result.code, 0);
        assert.match(result.stderr, /ENOENT/);
    });
});
