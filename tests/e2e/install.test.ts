import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { packageRoot, PACKAGE_NAME, type Manifest } from "../support/program-directory";
import { nonReadCalls, operationsOf, scanStatuses } from "./support/emulator-view";
import { runCommand, startCommand, type CommandResult } from "./support/process-tree";
import { pulumiBinDir, pulumiPath } from "./support/pulumi-cli";
import { describeResult, PulumiStack } from "./support/pulumi-stack";
import { E2E_SETTINGS } from "./support/scenario";

/**
 * The package as its users get it, not as this repository links it: packed by npm, installed by npm into a
 * fresh Pulumi program outside the repository and run there by the real CLI against the emulator; installed from
 * a git URL, where npm builds it with the `prepare` script; and its emulator started with `npx -p <tarball>`
 * outside any project. Packages come from npm's cache when they are there (`--prefer-offline`) and from the
 * registry otherwise.
 */

/** npm installs on a small shared machine: a few minutes each, the git install (all devDependencies) the longest. */
const INSTALL_TIMEOUT_MS = 900_000;
const WHOLE_TEST_TIMEOUT_MS = 2_400_000;
const NPM_INSTALL = ["install", "--prefer-offline", "--no-audit", "--no-fund"];
const CALLER = "111122223333";
const REGION = "us-east-1";

/**
 * The environment of every npm, node and pulumi command here: the CLI and this repository's Node 22 first on
 * PATH, and none of the `npm_*` variables that `npm test` hands its children (they would point npm at this
 * repository's settings).
 */
function commandEnv(cliDir: string): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) {
        if (!/^npm_/i.test(key) && !key.startsWith("AWS_") && !key.startsWith("PULUMI_")) env[key] = value;
    }
    return { ...env, PATH: pulumiPath(cliDir) };
}

async function succeed(
    file: string,
    args: readonly string[],
    cwd: string,
    env: NodeJS.ProcessEnv,
): Promise<CommandResult> {
    const result = await runCommand(file, args, { cwd, env, timeoutMs: INSTALL_TIMEOUT_MS });
    assert.equal(result.code, 0, describeResult(result));
    return result;
}

function writeFiles(dir: string, files: Record<string, string>): void {
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
}

function readJson<T>(file: string): T {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

/** The lowest version a caret range (`^3.216.0`) allows. */
function lowestOf(range: string): string {
    const match = /^\^(\d+\.\d+\.\d+)$/.exec(range);
    assert.ok(match, `the peer range of @pulumi/pulumi is ${range}, not a caret range`);
    return match[1];
}

/**
 * A Pulumi program as `pulumi new typescript` lays it out (the template's tsconfig.json, without skipLibCheck),
 * compiled before it runs: scanning for the calling account, and the emulator's types through the package's
 * subpath, so that the type check covers both entry points.
 */
function userProgram(dependencies: Record<string, string>, typesNode: string): Record<string, string> {
    return {
        "Pulumi.yaml": "name: install-check\nruntime: nodejs\nmain: bin/index.js\n",
        "package.json": JSON.stringify(
            {
                name: "install-check",
                private: true,
                dependencies,
                devDependencies: { "@types/node": typesNode },
            },
            null,
            4,
        ),
        "tsconfig.json": JSON.stringify(
            {
                compilerOptions: {
                    strict: true,
                    outDir: "bin",
                    target: "es2020",
                    module: "commonjs",
                    moduleResolution: "node",
                    sourceMap: true,
                    experimentalDecorators: true,
                    pretty: false,
                    noFallthroughCasesInSwitch: true,
                    noImplicitReturns: true,
                    forceConsistentCasingInFileNames: true,
                },
                files: ["index.ts"],
            },
            null,
            4,
        ),
        "index.ts": [
            `import { InspectorEnablement } from "pulumi-inspector";`,
            `import type { RunningEmulator } from "pulumi-inspector/emulator";`,
            ``,
            `const scanning = new InspectorEnablement("scanning", { resourceTypes: ["EC2", "ECR"] });`,
            ``,
            `export const callerAccountId = scanning.callerAccountId;`,
            `export const enabledAccountCount = scanning.enabledAccountCount;`,
            `export type EmulatorUrl = RunningEmulator["url"];`,
            ``,
        ].join("\n"),
    };
}

describe("e2e: installing the package as a user does", function () {
    this.timeout(WHOLE_TEST_TIMEOUT_MS);
    const root = packageRoot();
    const manifest = readJson<Manifest & { license: string; devDependencies: Record<string, string> }>(
        path.join(root, "package.json"),
    );
    const typesNode = readJson<{ version: string }>(
        path.join(root, "node_modules", "@types", "node", "package.json"),
    ).version;
    let work: string;
    let env: NodeJS.ProcessEnv;
    let tarball: string;
    let packed: string[];

    before(async function () {
        this.timeout(INSTALL_TIMEOUT_MS);
        env = commandEnv(await pulumiBinDir());
        work = await fs.promises.mkdtemp(path.join(os.tmpdir(), `${PACKAGE_NAME}-install-`));
        // The build is already there (npm test builds first): --ignore-scripts packs it as it is, instead of
        // running `prepare`, which would delete dist/ under the tests that run from it.
        const pack = await succeed(
            "npm",
            ["pack", "--ignore-scripts", "--json", "--pack-destination", work],
            root,
            env,
        );
        const [result] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
        tarball = path.join(work, result.filename);
        packed = result.files.map((file) => file.path);
    });
    after(async () => {
        if (work) await fs.promises.rm(work, { recursive: true, force: true });
    });

    it("the tarball holds the built code and types, the sources their maps name, LICENSE, README, CHANGELOG and the emulator's models", () => {
        for (const file of [
            "package.json",
            "LICENSE",
            "README.md",
            "CHANGELOG.md",
            "dist/provider/index.js",
            "dist/provider/index.d.ts",
            "dist/emulator/index.js",
            "dist/emulator/index.d.ts",
            "dist/emulator/cli.js",
            "provider/index.ts",
            "emulator/models/inspector2-2020-06-08.botocore.json",
        ]) {
            assert.ok(packed.includes(file), `${file} is not in the tarball`);
        }
        const strays = packed.filter((file) =>
            /^(dist\/)?(tests|bench|reliability|examples|scripts)\//.test(file),
        );
        assert.deepEqual(strays, []);
        // Every source a map names is in the tarball (the maps are the repository's: the same files).
        const maps = packed.filter((file) => file.endsWith(".map"));
        assert.ok(maps.length > 100, `${maps.length} maps`);
        const missing = new Set<string>();
        for (const map of maps) {
            const { sources } = readJson<{ sources: string[] }>(path.join(root, map));
            for (const source of sources) {
                const named = path.posix.normalize(path.posix.join(path.posix.dirname(map), source));
                if (!packed.includes(named)) missing.add(`${map} -> ${named}`);
            }
        }
        assert.deepEqual([...missing], []);
        const license = fs.readFileSync(path.join(root, "LICENSE"), "utf8");
        assert.match(license, /Apache License\s+Version 2\.0, January 2004/);
        assert.match(license, /END OF TERMS AND CONDITIONS/);
        assert.equal(manifest.license, "Apache-2.0");
    });

    describe("from the packed tarball, in a fresh Pulumi program with the lowest @pulumi/pulumi it supports", () => {
        const lowestPulumi = lowestOf(manifest.peerDependencies?.["@pulumi/pulumi"] ?? "");
        let emulator: RunningEmulator;
        let stack: PulumiStack;
        let mutationMark = 0;
        const stepMutations = () => operationsOf(emulator.admin.mutations().slice(mutationMark)).sort();

        before(async function () {
            this.timeout(INSTALL_TIMEOUT_MS);
            emulator = await startEmulator({ settings: E2E_SETTINGS });
            const source = path.join(work, "program-source");
            writeFiles(
                source,
                userProgram({ [PACKAGE_NAME]: `file:${tarball}`, "@pulumi/pulumi": lowestPulumi }, typesNode),
            );
            stack = await PulumiStack.create({
                program: source,
                awsEnv: emulator.env,
                config: { "aws:region": REGION },
                linkPackages: false,
            });
        });
        after(async function () {
            this.timeout(INSTALL_TIMEOUT_MS);
            await stack?.remove();
            await emulator?.close();
        });

        it("npm installs it, with no devDependency of the package, and the program type-checks against its declarations", async () => {
            const program = stack.program.path;
            await succeed("npm", NPM_INSTALL, program, env);
            const modules = path.join(program, "node_modules");
            const installed = readJson<{ version: string }>(
                path.join(modules, "@pulumi", "pulumi", "package.json"),
            );
            assert.equal(installed.version, lowestPulumi);
            assert.ok(fs.existsSync(path.join(modules, PACKAGE_NAME, "dist", "provider", "index.js")));
            for (const devOnly of ["mocha", "typescript", "eslint", "@pulumi/aws"])
                assert.equal(fs.existsSync(path.join(modules, devOnly)), false, devOnly);
            // This repository's TypeScript, with the program's own node_modules for every type it reads.
            await succeed(
                process.execPath,
                [require.resolve("typescript/bin/tsc"), "-p", program],
                program,
                env,
            );
            assert.ok(fs.existsSync(path.join(program, "bin", "index.js")));
        });

        it("pulumi preview shows the enablement to create and changes nothing", async () => {
            const calls = emulator.admin.calls().length;
            const result = await stack.preview();
            assert.equal(result.code, 0, describeResult(result));
            assert.match(
                result.stdout,
                /\+\s+pulumi-nodejs:dynamic\/inspector:InspectorEnablement\s+scanning\s+create/,
            );
            assert.deepEqual(operationsOf(nonReadCalls(emulator.admin.calls().slice(calls))), []);
        });

        it("pulumi up enables scanning for the calling account", async () => {
            mutationMark = emulator.admin.mutations().length;
            const result = await stack.up();
            assert.equal(result.code, 0, describeResult(result));
            assert.deepEqual(stepMutations(), ["inspector2 Enable"]);
            const statuses = await scanStatuses(emulator, [CALLER], REGION);
            assert.equal(statuses[CALLER].ec2, "ENABLED");
            assert.equal(statuses[CALLER].ecr, "ENABLED");
            const outputs = await stack.outputs();
            assert.equal(outputs.callerAccountId, CALLER);
            assert.equal(outputs.enabledAccountCount, 1);
        });

        it("pulumi destroy disables it again", async () => {
            mutationMark = emulator.admin.mutations().length;
            const result = await stack.destroy();
            assert.equal(result.code, 0, describeResult(result));
            assert.deepEqual(stepMutations(), ["inspector2 Disable"]);
            const statuses = await scanStatuses(emulator, [CALLER], REGION);
            assert.equal(statuses[CALLER].ec2, "DISABLED");
        });
    });

    it("from a git URL of a clone: npm builds it with prepare, and a program loads it", async function () {
        this.timeout(INSTALL_TIMEOUT_MS * 2);
        // The committed tree, as a user's `npm install git+https://…` gets it.
        const clone = path.join(work, "clone");
        await succeed("git", ["clone", "--quiet", root, clone], work, env);
        assert.equal(fs.existsSync(path.join(clone, "dist")), false, "a clone has no build");
        const program = path.join(work, "program-git");
        writeFiles(program, {
            "package.json": JSON.stringify({
                name: "git-install-check",
                private: true,
                dependencies: {
                    [PACKAGE_NAME]: `git+file://${clone}`,
                    "@pulumi/pulumi": manifest.devDependencies["@pulumi/pulumi"],
                },
                // npm 11 runs a git dependency's prepare only when the program allows it.
                allowScripts: { [PACKAGE_NAME]: true },
            }),
        });
        await succeed("npm", NPM_INSTALL, program, env);
        const installed = path.join(program, "node_modules", PACKAGE_NAME);
        assert.ok(
            fs.existsSync(path.join(installed, "dist", "provider", "index.js")),
            "prepare did not build",
        );
        assert.equal(
            fs.existsSync(path.join(installed, "dist", "tests")),
            false,
            "the tests' build is installed",
        );
        assert.equal(fs.existsSync(path.join(program, "node_modules", "mocha")), false);
        const loaded = await succeed(
            "node",
            [
                "-e",
                `const p = require("${PACKAGE_NAME}"); const e = require("${PACKAGE_NAME}/emulator");` +
                    `console.log(JSON.stringify([typeof p.InspectorEnablement, typeof p.FindingsGate, typeof p.AssessmentRun, typeof e.startEmulator]))`,
            ],
            program,
            env,
        );
        assert.deepEqual(JSON.parse(loaded.stdout.trim()), ["function", "function", "function", "function"]);
    });

    it("npx -p <tarball> inspector-emulator starts the emulator outside any project, and it answers", async () => {
        const elsewhere = await fs.promises.mkdtemp(path.join(work, "no-project-"));
        // The peer pinned to this repository's version, which npm's cache has; a user's npx takes the newest 3.x.
        const pulumi = `@pulumi/pulumi@${manifest.devDependencies["@pulumi/pulumi"]}`;
        const npx = ["--yes", "--prefer-offline", "-p", tarball, "-p", pulumi, "inspector-emulator"];
        const help = await succeed("npx", [...npx, "--help"], elsewhere, env);
        assert.match(help.stdout, /^Usage: inspector-emulator \[options\]/m);

        const running = startCommand("npx", [...npx, "--port", "0"], {
            cwd: elsewhere,
            env,
            timeoutMs: INSTALL_TIMEOUT_MS,
        });
        try {
            const deadline = Date.now() + INSTALL_TIMEOUT_MS;
            let printed = "";
            while (!/INSPECTOR_EMULATOR_TOKEN=\S+/.test(printed) && Date.now() < deadline) {
                await new Promise((resolve) => setTimeout(resolve, 200));
                printed = running.output().stdout;
            }
            const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1];
            const token = /INSPECTOR_EMULATOR_TOKEN=(\S+)/.exec(printed)?.[1];
            assert.ok(url && token, `no URL and token in:\n${printed}\n${running.output().stderr}`);
            const health = await fetch(`${url}/_emulator/health`, { headers: { "X-Emulator-Token": token } });
            assert.equal(health.status, 200);
        } finally {
            running.kill();
            await running.done;
        }
    });
});
