import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BatchGetAccountStatusCommand } from "@aws-sdk/client-inspector2";
import { Inspector2Client } from "@aws-sdk/client-inspector2";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { EmulatorSettings } from "../../emulator";

/** The compiled CLI, run with the Node that runs the tests (22, from node_modules). */
const CLI = join(__dirname, "..", "..", "emulator", "cli.js");

interface Started {
    readonly child: ChildProcess;
    readonly output: string;
    readonly env: Record<string, string>;
}

/** The environment the CLI runs in: the tests' own, without a token chosen beforehand unless `extra` sets one. */
function cliEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
    const env = { ...process.env, ...extra };
    if (extra.INSPECTOR_EMULATOR_TOKEN === undefined) delete env.INSPECTOR_EMULATOR_TOKEN;
    return env;
}

/** Spawns the CLI and resolves once it has printed its banner (or rejects with what it printed on exit). */
function startCli(args: string[], extraEnv: Record<string, string> = {}): Promise<Started> {
    const child = spawn(process.execPath, [CLI, ...args], {
        stdio: ["ignore", "pipe", "pipe"],
        env: cliEnvironment(extraEnv),
    });
    let output = "";
    return new Promise((resolve, reject) => {
        child.stdout?.on("data", (chunk: Buffer) => {
            output += chunk.toString();
            if (output.includes("Press Ctrl+C to stop.")) {
                const env: Record<string, string> = {};
                for (const match of output.matchAll(/^export ([A-Z0-9_]+)=(\S+)$/gm))
                    env[match[1]] = match[2];
                resolve({ child, output, env });
            }
        });
        child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.once("exit", (code) => reject(new Error(`the CLI exited with ${code}: ${output}`)));
    });
}

/** Runs the CLI to its end and returns its exit code and everything it printed. */
function runCli(
    args: string[],
    extraEnv: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
    const child = spawn(process.execPath, [CLI, ...args], {
        stdio: ["ignore", "pipe", "pipe"],
        env: cliEnvironment(extraEnv),
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

function exitOf(child: ChildProcess): Promise<number | null> {
    return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

describe("inspector-emulator CLI", () => {
    let directory: string;
    beforeEach(() => (directory = mkdtempSync(join(tmpdir(), "inspector-emulator-cli-"))));
    afterEach(() => rmSync(directory, { recursive: true, force: true }));

    it("starts on a free port, prints the shell lines, serves the SDK and stops on SIGTERM", async () => {
        const config = join(directory, "emulator.json");
        const stateFile = join(directory, "state.json");
        writeFileSync(config, JSON.stringify({ region: "eu-central-1", delays: { enablingMs: 3 } }));
        const { child, output, env } = await startCli([
            "--port",
            "0",
            "--config",
            config,
            "--state-file",
            stateFile,
            "--seed",
            "7",
        ]);
        const exited = exitOf(child);
        try {
            const url = /^Inspector emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output)?.[1];
            assert.ok(url, output);
            assert.match(
                output,
                /^Seeded Inspector Classic assessment template: arn:aws:inspector:eu-central-1:111122223333:target\/.+\/template\/.+$/m,
            );
            assert.deepEqual(env, {
                AWS_ENDPOINT_URL_INSPECTOR2: url,
                AWS_ENDPOINT_URL_INSPECTOR: url,
                AWS_ENDPOINT_URL_STS: url,
                AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
                AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                AWS_REGION: "eu-central-1",
                INSPECTOR_EMULATOR_TOKEN: env.INSPECTOR_EMULATOR_TOKEN,
            });
            assert.match(env.INSPECTOR_EMULATOR_TOKEN, /^[A-Za-z0-9_-]{43}$/);

            const client = new Inspector2Client({
                endpoint: env.AWS_ENDPOINT_URL_INSPECTOR2,
                region: env.AWS_REGION,
                credentials: {
                    accessKeyId: env.AWS_ACCESS_KEY_ID,
                    secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
                },
                maxAttempts: 1,
            });
            const status = await client.send(new BatchGetAccountStatusCommand({}));
            assert.equal(status.accounts?.[0]?.accountId, "111122223333");
            client.destroy();

            const sts = new STSClient({
                endpoint: env.AWS_ENDPOINT_URL_STS,
                region: env.AWS_REGION,
                credentials: {
                    accessKeyId: env.AWS_ACCESS_KEY_ID,
                    secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
                },
                maxAttempts: 1,
            });
            const identity = await sts.send(new GetCallerIdentityCommand({}));
            assert.equal(identity.Account, "111122223333");
            sts.destroy();

            assert.equal((await fetch(`${url}/_emulator/settings`)).status, 401);
            const settings = (await (
                await fetch(`${url}/_emulator/settings`, {
                    headers: { "X-Emulator-Token": env.INSPECTOR_EMULATOR_TOKEN },
                })
            ).json()) as EmulatorSettings;
            assert.equal(settings.seed, 7);
            assert.equal(settings.delays.enablingMs, 3);
        } finally {
            child.kill("SIGTERM");
        }
        assert.equal(await exited, 0);
        assert.ok(existsSync(stateFile));
    });

    it("keeps an admin token chosen in INSPECTOR_EMULATOR_TOKEN, prints it and requires it", async () => {
        const token = "chosen-admin-token_0123456789";
        const { child, env } = await startCli([], { INSPECTOR_EMULATOR_TOKEN: token });
        const exited = exitOf(child);
        try {
            assert.equal(env.INSPECTOR_EMULATOR_TOKEN, token);
            const url = env.AWS_ENDPOINT_URL_INSPECTOR2;
            const health = await fetch(`${url}/_emulator/health`, { headers: { "X-Emulator-Token": token } });
            assert.equal(health.status, 200);
            const wrong = await fetch(`${url}/_emulator/health`, {
                headers: { "X-Emulator-Token": `${token}x` },
            });
            assert.equal(wrong.status, 401);
        } finally {
            child.kill("SIGTERM");
        }
        assert.equal(await exited, 0);
    });

    it("refuses a weak INSPECTOR_EMULATOR_TOKEN with exit code 2", async () => {
        const { code, output } = await runCli([], { INSPECTOR_EMULATOR_TOKEN: "short" });
        assert.equal(code, 2);
        assert.match(output, /^INSPECTOR_EMULATOR_TOKEN: the admin token must be 16 to 256 characters/m);
    });

    it("stops on SIGINT too", async () => {
        const { child } = await startCli([]);
        const exited = exitOf(child);
        child.kill("SIGINT");
        assert.equal(await exited, 0);
    });

    it("refuses invalid settings from the config file with exit code 2 and the problems", async () => {
        const config = join(directory, "emulator.json");
        writeFileSync(config, JSON.stringify({ clockSkewMs: "soon" }));
        const { code, output } = await runCli(["--config", config]);
        assert.equal(code, 2);
        assert.match(output, /^Invalid settings:\n {2}clockSkewMs "soon" must be a number of at least 0$/m);
    });

    it("refuses a config file that is not JSON with exit code 2", async () => {
        const config = join(directory, "emulator.json");
        writeFileSync(config, "{");
        const { code, output } = await runCli(["--config", config]);
        assert.equal(code, 2);
        assert.match(output, /^Cannot read the config file .*emulator\.json: /);
    });

    it("refuses an unknown option with exit code 2 and the usage", async () => {
        const { code, output } = await runCli(["--colour", "blue"]);
        assert.equal(code, 2);
        assert.match(output, /Unknown option '--colour'/);
        assert.match(output, /Usage: inspector-emulator \[options\]/);
    });

    it("prints the usage for --help and exits 0", async () => {
        const { code, output } = await runCli(["--help"]);
        assert.equal(code, 0);
        assert.match(output, /^Usage: inspector-emulator \[options\]/);
    });
});
