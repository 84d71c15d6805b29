import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { packageRoot } from "../support/program-directory";
import { typeCheckExample } from "./type-check";

const root = packageRoot();
const examplesDir = path.join(root, "examples");

/** Every Pulumi project under examples/ (a folder with a Pulumi.yaml). */
function exampleProjects(): string[] {
    return fs
        .readdirSync(examplesDir, { withFileTypes: true })
        .filter(
            (entry) =>
                entry.isDirectory() && fs.existsSync(path.join(examplesDir, entry.name, "Pulumi.yaml")),
        )
        .map((entry) => entry.name)
        .sort();
}

describe("examples type-check against the built package", function () {
    // One compiler run per example; the @pulumi/aws one reads a few thousand declaration files.
    this.timeout(120_000);

    it("has the documented examples", () => {
        for (const name of [
            "classic-release-gate",
            "organization",
            "quickstart",
            "release-gate",
            "with-pulumi-aws",
        ]) {
            assert.ok(exampleProjects().includes(name), `examples/${name} is missing`);
        }
    });

    for (const name of exampleProjects()) {
        it(`${name} compiles with tsc --noEmit`, async () => {
            const result = await typeCheckExample(root, path.join(examplesDir, name));
            assert.equal(result.exitCode, 0, `tsc reported:\n${result.output}`);
            assert.deepEqual(result.diagnostics, []);
        });
    }

    it("fails a program that misuses the package's types, so the examples are really checked", async () => {
        const probe = await fs.promises.mkdtemp(path.join(os.tmpdir(), "pulumi-inspector-probe-"));
        try {
            await fs.promises.copyFile(
                path.join(examplesDir, "quickstart", "tsconfig.json"),
                path.join(probe, "tsconfig.json"),
            );
            await fs.promises.writeFile(
                path.join(probe, "index.ts"),
                [
                    'import { AssessmentRun, InspectorEnablement } from "pulumi-inspector";',
                    'new InspectorEnablement("scanning", { resourceTypes: ["EC3"] });',
                    'new AssessmentRun("run", { assessmentTemplateArn: "arn", failOnFindings: "Critical" });',
                    "",
                ].join("\n"),
            );
            const result = await typeCheckExample(root, probe);
            assert.notEqual(result.exitCode, 0);
            const probeFile = path.join(probe, "index.ts");
            assert.deepEqual(
                result.diagnostics.map((diagnostic) => ({
                    file: diagnostic.file,
                    code: diagnostic.code,
                    value: /"(EC3|Critical)"/.exec(diagnostic.message)?.[1],
                })),
                [
                    { file: probeFile, code: "TS2322", value: "EC3" },
                    { file: probeFile, code: "TS2322", value: "Critical" },
                ],
                result.output,
            );
        } finally {
            await fs.promises.rm(probe, { recursive: true, force: true });
        }
    });
});
