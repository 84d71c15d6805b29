import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCommand, type CommandResult } from "../e2e/support/process-tree";
import { repoRoot } from "../architecture/repo-root";

/**
 * The Python and Go SDKs in sdk/, generated from provider/plugin/schema.json by `npm run sdk` (Pulumi's own code
 * generators, through scripts/gen-sdk): still what the schema generates, and usable by each language's tools.
 * The tools come from the setup scripts, which answer at once from their cache outside the repository; their
 * first run builds gen-sdk with Go (minutes) and makes a Python environment from PyPI, hence the time limits.
 */

const SCHEMA_FILE = path.join("provider", "plugin", "schema.json");
const LANGUAGES = ["python", "go"] as const;
const SETUP_TIMEOUT_MS = 20 * 60_000;
const GO_TIMEOUT_MS = 15 * 60_000;

interface SchemaResource {
    readonly inputProperties: Record<string, unknown>;
    readonly properties: Record<string, unknown>;
}

interface Schema {
    readonly config: { readonly variables: Record<string, unknown> };
    readonly provider: { readonly inputProperties: Record<string, unknown> };
    readonly resources: Record<string, SchemaResource>;
}

/** What tests/plugin/fixtures/describe_python_sdk.py reports of one class. */
interface PythonClass {
    readonly customResource: boolean;
    readonly providerResource: boolean;
    readonly argsParameters: string[];
    readonly outputs: string[];
}

interface PythonDescription {
    readonly resources: Record<string, PythonClass>;
    readonly provider: PythonClass;
    readonly config: string[];
}

async function run(
    file: string,
    args: readonly string[],
    cwd: string,
    timeoutMs: number,
    env: NodeJS.ProcessEnv = process.env,
): Promise<CommandResult> {
    const result = await runCommand(file, args, { cwd, env, timeoutMs });
    assert.equal(
        result.code,
        0,
        `${result.command} failed (exit ${result.code}${result.timedOut ? ", timed out" : ""}):\n` +
            `${result.stdout}\n${result.stderr}`,
    );
    return result;
}

/** The one line a setup script prints on stdout: the path of what it provides. */
async function setup(script: string, root: string): Promise<string> {
    const result = await run("bash", [path.join(root, "scripts", script)], root, SETUP_TIMEOUT_MS);
    const provided = result.stdout.trim();
    assert.ok(provided !== "" && fs.existsSync(provided), `scripts/${script} printed ${provided}`);
    return provided;
}

/** Every file under `folder`, as sorted paths relative to it. */
function filesUnder(folder: string): string[] {
    return (fs.readdirSync(folder, { recursive: true, withFileTypes: true }) as fs.Dirent[])
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
        .sort();
}

/** How the Python generator names a schema property: `ec2Instances` → `ec2_instances`. */
function pythonName(name: string): string {
    return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function pythonNames(properties: Record<string, unknown>): string[] {
    return Object.keys(properties).map(pythonName).sort();
}

/** The version of github.com/pulumi/pulumi/sdk/v3 the generators were built with (scripts/gen-sdk/go.mod). */
function goSdkVersion(root: string): string {
    const goMod = fs.readFileSync(path.join(root, "scripts", "gen-sdk", "go.mod"), "utf8");
    const version = /github\.com\/pulumi\/pulumi\/sdk\/v3 (v\S+)/.exec(goMod)?.[1];
    assert.ok(version, "scripts/gen-sdk/go.mod requires no github.com/pulumi/pulumi/sdk/v3");
    return version;
}

/** A Go program that declares one of each resource with its required inputs: compiled, never run. */
const GO_PROGRAM = `package main

import (
	"github.com/pulumi-inspector/pulumi-inspector/sdk/go/inspector"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		scanning, err := inspector.NewInspectorEnablement(ctx, "scanning", &inspector.InspectorEnablementArgs{
			ResourceTypes: pulumi.StringArray{pulumi.String("EC2"), pulumi.String("ECR")},
			AccountIds:    pulumi.StringArray{pulumi.String("111122223333")},
		})
		if err != nil {
			return err
		}
		gate, err := inspector.NewFindingsGate(ctx, "gate", &inspector.FindingsGateArgs{
			AccountIds:     scanning.ManagedAccountIds,
			FailOnSeverity: pulumi.String("CRITICAL"),
		})
		if err != nil {
			return err
		}
		_, err = inspector.NewAssessmentRun(ctx, "run", &inspector.AssessmentRunArgs{
			AssessmentTemplateArn: pulumi.String("arn:aws:inspector:us-east-1:111122223333:target/0-a/template/0-b"),
		})
		ctx.Export("passed", gate.Passed)
		return err
	})
}
`;

describe("the generated SDKs (sdk/)", function () {
    this.timeout(SETUP_TIMEOUT_MS);
    const root = repoRoot();
    const schema = JSON.parse(fs.readFileSync(path.join(root, SCHEMA_FILE), "utf8")) as Schema;
    let scratch: string;

    before(() => {
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), "inspector-sdk-"));
    });

    after(() => {
        fs.rmSync(scratch, { recursive: true, force: true });
    });

    it("are what the schema generates, byte for byte (run npm run sdk when this fails)", async () => {
        const genSdk = await setup("setup-gen-sdk.sh", root);
        const generated = path.join(scratch, "generated");
        await run(genSdk, [path.join(root, SCHEMA_FILE), generated], root, 60_000);
        for (const language of LANGUAGES) {
            const committed = path.join(root, "sdk", language);
            const fresh = path.join(generated, language);
            const files = filesUnder(fresh);
            assert.ok(files.length > 5, `gen-sdk wrote ${files.length} ${language} files`);
            assert.deepEqual(filesUnder(committed), files, `sdk/${language} is stale: run npm run sdk`);
            for (const file of files) {
                assert.ok(
                    fs
                        .readFileSync(path.join(committed, file))
                        .equals(fs.readFileSync(path.join(fresh, file))),
                    `sdk/${language}/${file} is stale: run npm run sdk`,
                );
            }
        }
    });

    it("Go: the module (its generated go.mod) builds and passes go vet, and a program using every resource compiles", async function () {
        this.timeout(GO_TIMEOUT_MS);
        const module = path.join(scratch, "go");
        fs.cpSync(path.join(root, "sdk", "go"), module, { recursive: true });
        // The generated go.mod, as a program's `go get` finds it: the module above the package, requiring the
        // Pulumi Go SDK the generators were built with.
        assert.equal(
            fs.readFileSync(path.join(module, "go.mod"), "utf8"),
            "module github.com/pulumi-inspector/pulumi-inspector/sdk/go\n\ngo 1.25\n\n" +
                `require github.com/pulumi/pulumi/sdk/v3 ${goSdkVersion(root)}\n`,
        );
        fs.mkdirSync(path.join(module, "program"));
        fs.writeFileSync(path.join(module, "program", "main.go"), GO_PROGRAM);
        const env = { ...process.env, GOFLAGS: "-mod=mod" };
        await run("go", ["mod", "tidy"], module, GO_TIMEOUT_MS, env);
        await run("go", ["build", "./..."], module, GO_TIMEOUT_MS, env);
        await run("go", ["vet", "./..."], module, GO_TIMEOUT_MS, env);
    });

    describe("Python", () => {
        let python: string;
        /** Where the SDK is installed (pip --target), for PYTHONPATH. */
        let site: string;
        const fixture = (name: string): string => path.join(root, "tests", "plugin", "fixtures", name);
        const pythonEnv = (): NodeJS.ProcessEnv => ({
            ...process.env,
            PYTHONPATH: site,
            PYTHONDONTWRITEBYTECODE: "1",
        });

        before(async () => {
            python = path.join(await setup("setup-python-pulumi.sh", root), "bin", "python");
            const source = path.join(scratch, "python-source");
            site = path.join(scratch, "python-site");
            fs.cpSync(path.join(root, "sdk", "python"), source, { recursive: true });
            // Installed, not only put on the path: the SDK reads its own version from the installed metadata.
            await run(
                python,
                ["-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--no-build-isolation"].concat(
                    ["--target", site, source],
                ),
                scratch,
                5 * 60_000,
            );
        });

        it("installs with its typing marker, byte-compiles and imports, with every resource, its args and outputs", async () => {
            const installed = filesUnder(path.join(site, "pulumi_inspector"));
            assert.ok(
                installed.includes("py.typed") && installed.includes("pulumi-plugin.json"),
                `${installed}`,
            );
            await run(
                python,
                ["-m", "compileall", "-q", path.join(site, "pulumi_inspector")],
                scratch,
                60_000,
            );

            const classes = Object.keys(schema.resources).map((token) => token.split(":")[2]);
            const described = await run(
                python,
                [fixture("describe_python_sdk.py"), ...classes],
                scratch,
                60_000,
                pythonEnv(),
            );
            const sdk = JSON.parse(described.stdout) as PythonDescription;
            assert.deepEqual(Object.keys(sdk.resources).sort(), [...classes].sort());
            for (const [token, resource] of Object.entries(schema.resources)) {
                const found = sdk.resources[token.split(":")[2]];
                assert.equal(found.customResource, true, token);
                assert.equal(found.providerResource, false, token);
                assert.deepEqual(
                    found.argsParameters,
                    pythonNames(resource.inputProperties),
                    `${token} args`,
                );
                assert.deepEqual(found.outputs, pythonNames(resource.properties), `${token} outputs`);
            }
            assert.equal(sdk.provider.providerResource, true);
            assert.deepEqual(sdk.provider.argsParameters, pythonNames(schema.provider.inputProperties));
            assert.deepEqual(sdk.config, pythonNames(schema.config.variables));
        });

        it("type-checks a program using every resource with mypy, and reports a mistyped one", async () => {
            // The SDK's own modules are followed silently: mypy reports errors in Pulumi's generated helpers
            // (_utilities.py, provider.py), which are Pulumi's code generator's to fix, not a program's.
            const mypy = (program: string): Promise<CommandResult> =>
                runCommand(
                    python,
                    [
                        "-m",
                        "mypy",
                        "--follow-imports=silent",
                        "--cache-dir",
                        path.join(scratch, "mypy-cache"),
                    ].concat(["--no-error-summary", fixture(program)]),
                    { cwd: scratch, env: pythonEnv(), timeoutMs: 5 * 60_000 },
                );
            const good = await mypy("python_sdk_program.py");
            assert.equal(good.code, 0, `mypy python_sdk_program.py:\n${good.stdout}${good.stderr}`);
            const mistyped = await mypy("python_sdk_program_mistyped.py");
            assert.equal(
                mistyped.code,
                1,
                `mypy python_sdk_program_mistyped.py:\n${mistyped.stdout}${mistyped.stderr}`,
            );
            const errors = mistyped.stdout.split("\n").filter((line) => line.includes(": error: "));
            assert.equal(errors.length, 2, mistyped.stdout);
            // wait_timeout_seconds="900" matches neither overload (keywords, or an args object).
            assert.match(
                errors[0],
                /:5: error: No overload variant of "InspectorEnablement" matches argument types "str", "list\[str\]", "str"/,
            );
            assert.match(
                errors[1],
                /:10: error: Unexpected keyword argument "fail_on_severty" for "FindingsGateArgs"/,
            );
        });
    });
});
