import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
    createProgramDirectory,
    installedWithThisPackage,
    packageRoot,
    PACKAGE_NAME,
    type ProgramDirectory,
} from "./program-directory";

/** Writes `files` (relative path → content) under `dir`. */
function writeFiles(dir: string, files: Record<string, string>): void {
    for (const [name, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), content);
    }
}

/** Every file and link under `dir`, relative, sorted; links are listed, not followed. */
function listTree(dir: string, prefix = ""): string[] {
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((entry) => {
            const relative = prefix + entry.name;
            if (entry.isDirectory()) return listTree(path.join(dir, entry.name), `${relative}/`);
            return [entry.isSymbolicLink() ? `${relative} ->` : relative];
        })
        .sort();
}

describe("createProgramDirectory", () => {
    const root = packageRoot();
    let scratch: string;
    let program: ProgramDirectory | undefined;

    beforeEach(() => (scratch = fs.mkdtempSync(path.join(os.tmpdir(), "program-directory-test-"))));
    afterEach(async () => {
        await program?.remove();
        program = undefined;
        fs.rmSync(scratch, { recursive: true, force: true });
    });

    it("links this package, its dependencies and its required peers, resolving to this repository's copies", async () => {
        program = await createProgramDirectory(root, { parent: scratch });
        assert.equal(path.dirname(program.path), scratch);
        const modules = path.join(program.path, "node_modules");
        assert.equal(fs.realpathSync(path.join(modules, PACKAGE_NAME)), root);
        // A peer dependency: npm installs it beside the package for a user.
        assert.ok(fs.lstatSync(path.join(modules, "@pulumi", "pulumi")).isSymbolicLink());
        const pulumi = require.resolve("@pulumi/pulumi", { paths: [program.path] });
        assert.equal(pulumi, require.resolve("@pulumi/pulumi", { paths: [root] }));
        assert.ok(fs.lstatSync(path.join(modules, "@aws-sdk", "client-inspector2")).isSymbolicLink());
        // The optional peer (Inspector Classic's SDK) is not installed for a user unless asked for.
        assert.equal(fs.existsSync(path.join(modules, "@aws-sdk", "client-inspector")), false);
    });

    it("counts dependencies and required peers as installed with the package, optional peers not", () => {
        const installed = installedWithThisPackage({
            dependencies: { "dep-a": "1.0.0" },
            devDependencies: { "dev-only": "1.0.0" },
            peerDependencies: { "peer-required": "^3", "peer-optional": "^1", "peer-explicit": "^2" },
            peerDependenciesMeta: {
                "peer-optional": { optional: true },
                "peer-explicit": { optional: false },
            },
        });
        assert.deepEqual(installed, ["dep-a", "peer-required", "peer-explicit"]);
    });

    it("copies a program without its installed packages, build output or other stacks' settings", async () => {
        const source = path.join(scratch, "example");
        writeFiles(source, {
            "Pulumi.yaml": "name: example\nruntime: nodejs\n",
            "Pulumi.dev.yaml": "config:\n  aws:region: eu-west-1\n",
            "index.ts": "export const answer = 42;\n",
            "src/helper.ts": "export {};\n",
            "tsconfig.json": "{}\n",
            "package-lock.json": "{}\n",
            "bin/index.js": "\n",
            "node_modules/left-pad/index.js": "\n",
            "package.json": JSON.stringify({
                dependencies: { [PACKAGE_NAME]: "file:../..", "@pulumi/pulumi": "*" },
                devDependencies: { "@types/node": "*", "not-installed-here": "*" },
            }),
        });
        program = await createProgramDirectory(root, { program: source, parent: scratch });
        const copied = listTree(program.path).filter((entry) => !entry.startsWith("node_modules/"));
        assert.deepEqual(copied, [
            "Pulumi.yaml",
            "index.ts",
            "package.json",
            "src/helper.ts",
            "tsconfig.json",
        ]);
        const linked = listTree(path.join(program.path, "node_modules"));
        // The program's own packages that this repository has, besides this package's dependencies.
        assert.ok(linked.includes("@types/node ->"), linked.join(", "));
        assert.ok(linked.includes(`${PACKAGE_NAME} ->`));
        assert.ok(!linked.some((entry) => entry.startsWith("not-installed-here")));
        assert.ok(!linked.some((entry) => entry.startsWith("left-pad")));
    });

    it("with linkPackages false, copies the program and links nothing, for a test that installs with npm", async () => {
        const source = path.join(scratch, "example");
        writeFiles(source, {
            "Pulumi.yaml": "name: example\nruntime: nodejs\n",
            "package.json": JSON.stringify({ dependencies: { "@pulumi/pulumi": "*" } }),
        });
        program = await createProgramDirectory(root, {
            program: source,
            parent: scratch,
            linkPackages: false,
        });
        assert.deepEqual(listTree(program.path), ["Pulumi.yaml", "package.json"]);
    });

    it("refuses a folder that is not a Pulumi program, and leaves nothing behind", async () => {
        await assert.rejects(
            createProgramDirectory(root, { program: scratch, parent: scratch }),
            /is not a Pulumi program: it has no Pulumi\.yaml/,
        );
        assert.deepEqual(fs.readdirSync(scratch), []);
    });

    it("removes the directory without following its links", async () => {
        program = await createProgramDirectory(root, { parent: scratch });
        await program.remove();
        assert.equal(fs.existsSync(program.path), false);
        assert.ok(fs.existsSync(path.join(root, "package.json")));
    });
});
