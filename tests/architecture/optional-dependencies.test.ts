import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { builtinModules } from "node:module";
import * as path from "node:path";
import * as ts from "typescript";
import { CLASSIC_SDK_PACKAGE, CLASSIC_SDK_RANGE } from "../../provider/aws/classic-sdk";
import { ASSESSMENT_RUN_TYPE_TOKEN } from "../../provider/assessment-run/resource";
import { WAIT_POLICY_VARIABLE } from "../../provider/core/context";
import { installedWithThisPackage } from "../support/program-directory";
import { TEST_WAIT_POLICY } from "../support/test-context";
import { repoRoot } from "./repo-root";

/** `@aws-sdk/client-inspector` itself, not `@aws-sdk/client-inspector2`. */
const NAMES_CLASSIC_SDK = /@aws-sdk\/client-inspector(?![\w-])/;

interface Manifest {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
    peerDependencies: Record<string, string>;
    peerDependenciesMeta: Record<string, { optional?: boolean }>;
}

/** Every file under `folder` (relative to the repository) whose name ends with `suffix`. */
function filesUnder(root: string, folder: string, suffix: string): string[] {
    return (fs.readdirSync(path.join(root, folder), { recursive: true }) as string[])
        .filter((file) => file.endsWith(suffix))
        .map((file) => path.join(root, folder, file));
}

/**
 * Inspector Classic's SDK (`@aws-sdk/client-inspector`) is an optional peer dependency: its last release brings
 * `fast-xml-parser` 4.2.5 (GHSA-mpg4-rc92-vx8v) through its own `@aws-sdk/client-sts`, and only AssessmentRun
 * needs it. Nothing loads it until an AssessmentRun operation does (provider/aws/classic-sdk.ts); what happens
 * when it is missing is shown through the provider host in tests/assessment-run/classic-sdk.test.ts.
 */
describe("Inspector Classic's SDK as an optional peer dependency", function () {
    this.timeout(60_000);
    const root = repoRoot();
    const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as Manifest;

    it("package.json: an optional peer dependency, a devDependency for the tests, no dependency", () => {
        assert.equal(manifest.dependencies[CLASSIC_SDK_PACKAGE], undefined);
        assert.equal(manifest.peerDependencies[CLASSIC_SDK_PACKAGE], CLASSIC_SDK_RANGE);
        assert.deepEqual(manifest.peerDependenciesMeta[CLASSIC_SDK_PACKAGE], { optional: true });
        assert.equal(manifest.devDependencies[CLASSIC_SDK_PACKAGE], "3.523.0");
        const installed = JSON.parse(
            fs.readFileSync(path.join(root, "node_modules", CLASSIC_SDK_PACKAGE, "package.json"), "utf8"),
        ) as { version: string };
        assert.equal(installed.version, "3.523.0");
    });

    it("the compiled provider requires only what npm installs with it, and names the SDK in classic-sdk.js alone", () => {
        // Its dependencies and required peers (@pulumi/pulumi); an optional peer only through classic-sdk.js.
        const allowed = new Set([...installedWithThisPackage(manifest), ...builtinModules]);
        const naming: string[] = [];
        const files = filesUnder(root, "dist/provider", ".js");
        assert.ok(files.length > 50, `${files.length} compiled files`);
        for (const file of files) {
            const code = fs.readFileSync(file, "utf8");
            if (NAMES_CLASSIC_SDK.test(code)) naming.push(path.relative(root, file));
            for (const [, specifier] of code.matchAll(/\brequire\("([^"]+)"\)/g)) {
                if (specifier.startsWith(".")) continue;
                const name = specifier.startsWith("@")
                    ? specifier.split("/").slice(0, 2).join("/")
                    : specifier.split("/")[0];
                assert.ok(
                    allowed.has(name) || allowed.has(specifier.replace(/^node:/, "")),
                    `${path.relative(root, file)} requires ${specifier}`,
                );
            }
        }
        assert.deepEqual(naming, [path.join("dist", "provider", "aws", "classic-sdk.js")]);
    });

    it("the provider's sources import the SDK's types only (`import type`)", () => {
        const imports: string[] = [];
        for (const file of filesUnder(root, "provider", ".ts")) {
            const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
            for (const statement of source.statements) {
                if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
                const from = statement.moduleSpecifier;
                if (!from || !ts.isStringLiteral(from) || from.text !== CLASSIC_SDK_PACKAGE) continue;
                const typeOnly = ts.isImportDeclaration(statement)
                    ? statement.importClause?.isTypeOnly === true
                    : statement.isTypeOnly;
                imports.push(`${path.relative(root, file)}: ${typeOnly ? "type" : "VALUE"}`);
            }
        }
        assert.ok(imports.length >= 3, imports.join("\n"));
        assert.deepEqual(
            imports.filter((line) => line.endsWith("VALUE")),
            [],
        );
    });

    it("the declarations a program reads through the main entry do not name the SDK", () => {
        // Without skipLibCheck (Pulumi's TypeScript template has none), a declaration naming a package that is not
        // installed fails the program's type check.
        const seen = new Set<string>();
        const naming: string[] = [];
        const visit = (file: string) => {
            if (seen.has(file)) return;
            seen.add(file);
            const text = fs.readFileSync(file, "utf8");
            if (NAMES_CLASSIC_SDK.test(text)) naming.push(path.relative(root, file));
            for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
                if (!fileName.startsWith(".")) continue;
                const target = path.resolve(path.dirname(file), fileName);
                const found = [`${target}.d.ts`, path.join(target, "index.d.ts")].find((f) =>
                    fs.existsSync(f),
                );
                assert.ok(
                    found,
                    `${path.relative(root, file)} imports ${fileName}, which has no declaration`,
                );
                visit(found);
            }
        };
        visit(path.join(root, "dist", "provider", "index.d.ts"));
        // The lifecycle context and the clients are among them (through FindingsGate's report types).
        for (const file of ["aws/clients.d.ts", "core/context.d.ts"])
            assert.ok(seen.has(path.join(root, "dist", "provider", file)), file);
        assert.deepEqual(naming, []);
        // The SDK's types are still named where AssessmentRun's own code uses them, outside that set.
        assert.ok(
            NAMES_CLASSIC_SDK.test(
                fs.readFileSync(
                    path.join(root, "dist", "provider", "assessment-run", "operations.d.ts"),
                    "utf8",
                ),
            ),
        );
    });

    it("the main entry, InspectorEnablement and FindingsGate never load it; AssessmentRun's first client does", () => {
        // A fresh Node: the resources registered under Pulumi's mocks, then the other lifecycles and their clients
        // as the provider host makes them; the SDK's modules counted in require.cache after each step.
        const code = `
            (async () => {
                const loaded = () => Object.keys(require.cache).filter((m) => m.includes("/node_modules/${CLASSIC_SDK_PACKAGE}/")).length;
                const pulumi = require("@pulumi/pulumi");
                const registered = [];
                await pulumi.runtime.setMocks({
                    newResource: (args) => (registered.push(args.type), { id: args.name + "-id", state: args.inputs }),
                    call: () => ({}),
                }, "project", "stack");
                const entry = require("pulumi-inspector");
                const scanning = new entry.InspectorEnablement("scanning", { resourceTypes: ["EC2"], accountIds: ["111122223333"] });
                const gate = new entry.FindingsGate("gate", { lambdaFunctions: ["checkout"], failOnSeverity: "high" });
                await new Promise((resolve) => pulumi.all([scanning.id, gate.id]).apply(resolve));
                const steps = { resources: loaded() };
                require("pulumi-inspector/dist/provider/enablement/lifecycle.js");
                require("pulumi-inspector/dist/provider/findings-gate/lifecycle.js");
                const { hostContext } = require("pulumi-inspector/dist/provider/dynamic/adapter.js");
                const context = hostContext({ AWS_REGION: "us-east-1" });
                context.clients.inspector2("us-east-1");
                context.clients.sts("us-east-1");
                steps.otherLifecycles = loaded();
                require("pulumi-inspector/dist/provider/assessment-run/lifecycle.js");
                steps.assessmentRunModule = loaded();
                context.clients.classic("us-east-1");
                steps.classicClient = loaded();
                console.log(JSON.stringify({ registered, steps }));
                process.exit(0);
            })().catch((error) => { console.error(error); process.exit(1); });`;
        const output = execFileSync(process.execPath, ["-e", code], { cwd: root, encoding: "utf8" });
        const { registered, steps } = JSON.parse(output.trim().split("\n").pop()!) as {
            registered: string[];
            steps: Record<string, number>;
        };
        assert.deepEqual(registered, [
            "pulumi-nodejs:dynamic/inspector:InspectorEnablement",
            "pulumi-nodejs:dynamic/inspector:FindingsGate",
        ]);
        assert.equal(steps.resources, 0);
        assert.equal(steps.otherLifecycles, 0);
        // Loading AssessmentRun's code is not using it: the SDK comes with its first client.
        assert.equal(steps.assessmentRunModule, 0);
        assert.ok(steps.classicClient > 0, `${steps.classicClient} modules of the SDK once a client is made`);
    });

    it("with the SDK installed, an AssessmentRun's whole life never loads its fast-xml-parser", () => {
        // fast-xml-parser 4.2.5 is installed with the SDK (its client-sts 3.523.0), but the package always hands
        // the Classic client credentials of its own (@aws-sdk/credential-providers), so that STS client never runs.
        const code = `
            (async () => {
                const loaded = (name) => Object.keys(require.cache).filter((m) => m.includes("/node_modules/" + name + "/")).length;
                const { startEmulator } = require("pulumi-inspector/emulator");
                const emulator = await startEmulator({ settings: { classic: { timeScale: 100000 } } });
                try {
                    Object.assign(process.env, emulator.env, { ${JSON.stringify(WAIT_POLICY_VARIABLE)}: ${JSON.stringify(JSON.stringify(TEST_WAIT_POLICY))} });
                    const { lifecycle } = require("pulumi-inspector/dist/provider/assessment-run/lifecycle.js");
                    const { hostContext } = require("pulumi-inspector/dist/provider/dynamic/adapter.js");
                    const context = { ...hostContext(process.env), log: () => {}, warn: () => {} };
                    const urn = "urn:pulumi:dev::tests::${ASSESSMENT_RUN_TYPE_TOKEN}::release-scan";
                    const { inputs, failures } = await lifecycle.check({ assessmentTemplateArn: emulator.templateArn, resourceUrn: urn, waitForCompletion: true, deleteOnDestroy: true }, context);
                    const { id, outs } = await lifecycle.create(inputs, context);
                    await lifecycle.read(id, outs, context);
                    await lifecycle.delete(id, outs, context);
                    const operations = emulator.admin.calls().filter((call) => call.service === "inspector").map((call) => call.operation);
                    console.log(JSON.stringify({ failures, state: outs.state, operations, sdk: loaded("${CLASSIC_SDK_PACKAGE}"), parser: loaded("fast-xml-parser") }));
                } finally {
                    await emulator.close();
                }
                process.exit(0);
            })().catch((error) => { console.error(error); process.exit(1); });`;
        const output = execFileSync(process.execPath, ["-e", code], { cwd: root, encoding: "utf8" });
        const result = JSON.parse(output.trim().split("\n").pop()!) as {
            failures: unknown[];
            state: string;
            operations: string[];
            sdk: number;
            parser: number;
        };
        assert.deepEqual(result.failures, []);
        assert.equal(result.state, "COMPLETED");
        for (const operation of ["StartAssessmentRun", "DescribeAssessmentRuns", "DeleteAssessmentRun"])
            assert.ok(result.operations.includes(operation), result.operations.join(", "));
        assert.ok(result.sdk > 0, `${result.sdk} modules of the SDK`);
        assert.equal(result.parser, 0);
        assert.ok(fs.existsSync(path.join(root, "node_modules", "fast-xml-parser", "package.json")));
    });
});
