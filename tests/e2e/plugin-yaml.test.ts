import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { packageRoot } from "../support/program-directory";
import { disableOutsidePulumi, scanStatuses } from "./support/emulator-view";
import { runCommand } from "./support/process-tree";
import { pulumiBinDir, pulumiPath } from "./support/pulumi-cli";
import { describeResult, PulumiStack } from "./support/pulumi-stack";
import { E2E_SETTINGS, SCENARIO_TIMEOUT_MS } from "./support/scenario";

/**
 * A Pulumi YAML program using InspectorEnablement through the provider plugin, with the real CLI, the YAML
 * language host built by scripts/setup-pulumi-yaml.sh, and `bin/pulumi-resource-inspector` on PATH (the engine
 * finds a plugin there when no installed one fits): preview, up, a no-change preview, an update whose `--diff`
 * shows the sets' members, refresh after drift, `pulumi import` of an enablement and of a findings gate, and
 * destroy.
 */

const REGION = "us-east-1";
const PROGRAM = path.join(packageRoot(), "tests", "plugin", "fixtures", "enablement-yaml");
const ENABLEMENT_URN = "inspector:index:InspectorEnablement::scanning";

/** The folder holding pulumi-language-yaml (built once, then cached outside the repository). */
async function yamlHostDir(root: string): Promise<string> {
    const result = await runCommand("bash", [path.join(root, "scripts", "setup-pulumi-yaml.sh")], {
        cwd: root,
        env: process.env,
        timeoutMs: 60_000,
    });
    const dir = result.stdout.trim();
    if (result.code !== 0 || dir === "") {
        throw new Error(
            `scripts/setup-pulumi-yaml.sh found no YAML language host (run it once: it builds the host with Go, ` +
                `which takes minutes): ${result.stderr}`,
        );
    }
    return dir;
}

describe("e2e: a YAML program through the provider plugin", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    let emulator: RunningEmulator;
    let stack: PulumiStack;
    /** The CLI, the YAML host and this repository's bin/ with the plugin. */
    let stackPath: string;

    const writeProgram = (edit: (text: string) => string) => {
        const file = path.join(stack.program.path, "Pulumi.yaml");
        fs.writeFileSync(file, edit(fs.readFileSync(file, "utf8")));
    };

    before(async function () {
        this.timeout(SCENARIO_TIMEOUT_MS);
        const root = packageRoot();
        const [cliDir, yamlDir] = await Promise.all([pulumiBinDir(), yamlHostDir(root)]);
        emulator = await startEmulator({ settings: E2E_SETTINGS });
        stackPath = [yamlDir, path.join(root, "bin"), pulumiPath(cliDir, root)].join(path.delimiter);
        stack = await PulumiStack.create({
            program: PROGRAM,
            awsEnv: emulator.env,
            // The provider's own config: its region, as inspector:region.
            config: { "inspector:region": REGION },
            env: { PATH: stackPath },
            linkPackages: false,
        });
    });
    after(async function () {
        this.timeout(SCENARIO_TIMEOUT_MS);
        await stack?.remove();
        await emulator?.close();
    });

    it("the CLI validates the schema and reads it from the plugin", async () => {
        const env = { ...process.env, PATH: stackPath, PULUMI_HOME: path.join(stack.root, "home") };
        const root = packageRoot();
        const schemaFile = path.join(root, "provider", "plugin", "schema.json");
        const check = await runCommand("pulumi", ["schema", "check", schemaFile], {
            cwd: root,
            env,
            timeoutMs: 60_000,
        });
        assert.equal(check.code, 0, describeResult(check));
        const served = await runCommand(
            "pulumi",
            ["package", "get-schema", path.join(root, "bin", "pulumi-resource-inspector")],
            { cwd: root, env, timeoutMs: 60_000 },
        );
        assert.equal(served.code, 0, describeResult(served));
        assert.deepEqual(JSON.parse(served.stdout), JSON.parse(fs.readFileSync(schemaFile, "utf8")));
    });

    it("previews the creation, with what up would do attached to the resource", async () => {
        const result = await stack.preview();
        assert.equal(result.code, 0, describeResult(result));
        assert.match(result.stdout, /\+ {2}inspector:index:InspectorEnablement scanning create/);
        assert.match(result.stdout, /up would enable EC2, ECR on 2 accounts in us-east-1/);
        assert.equal(emulator.admin.mutations().length, 0);
    });

    it("up enables scanning on both accounts; a second preview expects no changes", async () => {
        const up = await stack.up();
        assert.equal(up.code, 0, describeResult(up));
        assert.match(
            up.stdout,
            /InspectorEnablement \(scanning\):\n[^]*?scanning: enabling EC2, ECR on 2 accounts/,
        );
        const statuses = await scanStatuses(emulator, ["111122223333", "444455556666"], REGION);
        for (const status of Object.values(statuses)) {
            assert.equal(status.ec2, "ENABLED");
            assert.equal(status.ecr, "ENABLED");
        }
        assert.deepEqual(await stack.outputs(), {
            enabledAccountCount: 2,
            managedResourceTypes: ["EC2", "ECR"],
        });
        const again = await stack.run(["preview", "--expect-no-changes"]);
        assert.equal(again.code, 0, describeResult(again));
    });

    it("an update's --diff shows the members added to and removed from the sets", async () => {
        writeProgram((text) =>
            text
                .replace("resourceTypes: [EC2, ECR]", "resourceTypes: [ECR, EC2, LAMBDA]")
                .replace('accountIds: ["111122223333", "444455556666"]', 'accountIds: ["444455556666"]'),
        );
        const preview = await stack.preview("--diff");
        assert.equal(preview.code, 0, describeResult(preview));
        assert.match(preview.stdout, /~ accountIds\s*: \[\n\s+- \[0\]: "111122223333"\n\s+\]/);
        assert.match(preview.stdout, /~ resourceTypes: \[\n\s+\+ \[2\]: "LAMBDA"\n\s+\]/);
        const up = await stack.up();
        assert.equal(up.code, 0, describeResult(up));
        const statuses = await scanStatuses(emulator, ["111122223333", "444455556666"], REGION);
        assert.equal(statuses["444455556666"].lambda, "ENABLED");
        assert.equal(statuses["111122223333"].ec2, "DISABLED");
    });

    it("refresh reads a type disabled outside Pulumi; the next preview shows the drift and up repairs it", async () => {
        await disableOutsidePulumi(emulator, ["444455556666"], ["ECR"], REGION);
        const refresh = await stack.refresh();
        assert.equal(refresh.code, 0, describeResult(refresh));
        const preview = await stack.run(["preview", "--expect-no-changes"]);
        assert.notEqual(preview.code, 0, describeResult(preview));
        assert.match(preview.stdout, /drift: ECR was found DISABLED on 444455556666/);
        const up = await stack.up();
        assert.equal(up.code, 0, describeResult(up));
        const statuses = await scanStatuses(emulator, ["444455556666"], REGION);
        assert.equal(statuses["444455556666"].ecr, "ENABLED");
    });

    it("pulumi import adopts an enablement by <region>/<types>/<accounts>; the program that declares it has no changes", async () => {
        const out = path.join(stack.root, "imported.yaml");
        const imported = await stack.run([
            "import",
            "inspector:index:InspectorEnablement",
            "adopted",
            `${REGION}/ECR/444455556666`,
            "--yes",
            "--protect=false",
            "--out",
            out,
        ]);
        assert.equal(imported.code, 0, describeResult(imported));
        assert.match(imported.stdout, /= 1 imported/);
        const generated = fs.readFileSync(out, "utf8");
        assert.match(generated, /adopted:\n\s+type: inspector:InspectorEnablement/);
        assert.match(generated, /resourceTypes:\n\s+- ECR/);
        writeProgram((text) =>
            text.replace(
                "outputs:",
                [
                    "    adopted:",
                    "        type: inspector:index:InspectorEnablement",
                    "        properties:",
                    `            region: ${REGION}`,
                    "            resourceTypes: [ECR]",
                    '            accountIds: ["444455556666"]',
                    "outputs:",
                ].join("\n"),
            ),
        );
        const preview = await stack.run(["preview", "--expect-no-changes"]);
        assert.equal(preview.code, 0, describeResult(preview));
    });

    it("pulumi import adopts a findings gate by its inputs as JSON, evaluated as a refresh does", async () => {
        const id = JSON.stringify({ accountIds: ["444455556666"], failOnSeverity: "CRITICAL" });
        const imported = await stack.run([
            "import",
            "inspector:index:FindingsGate",
            "gate",
            id,
            "--yes",
            "--protect=false",
        ]);
        assert.equal(imported.code, 0, describeResult(imported));
        assert.match(imported.stdout, /= 1 imported/);
        const state = await stack.exportState();
        const gate = (state.deployment.deployment.resources ?? []).find((resource) =>
            resource.urn.endsWith("::gate"),
        );
        assert.equal(gate?.id, id);
        assert.deepEqual(gate?.inputs, { accountIds: ["444455556666"], failOnSeverity: "CRITICAL" });
        assert.equal(typeof gate?.outputs?.verdict, "string");
    });

    it("destroy disables what the stack enabled", async () => {
        const destroy = await stack.destroy();
        assert.equal(destroy.code, 0, describeResult(destroy));
        assert.match(destroy.stdout, /- 4 deleted/);
        const statuses = await scanStatuses(emulator, ["444455556666"], REGION);
        assert.equal(statuses["444455556666"].ecr, "DISABLED");
        assert.equal(statuses["444455556666"].lambda, "DISABLED");
        const state = await stack.exportState();
        assert.ok(!state.text.includes(ENABLEMENT_URN));
    });
});
