import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "./repo-root";

/** The files every resource folder has, each in the same role (README, "Layout"). */
const SKELETON = [
    "args.ts",
    "resource.ts",
    "inputs.ts",
    "outputs.ts",
    "validate.ts",
    "diff.ts",
    "lifecycle.ts",
    "operations.ts",
    "errors.ts",
];
const SHARED_LAYERS = ["core", "dynamic", "aws", "plugin"];
/** Beyond this a resource folder no longer reads as one resource. */
const MAX_RESOURCE_FILES = 15;

/** The paths the README's layout block names (`a/`, `a/b.ts`; `x/, y/` on one line names both). */
function layoutPaths(readme: string): string[] {
    const section = readme.slice(readme.indexOf("## Layout"));
    const block = /```text\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
    const paths: string[] = [];
    const parents: string[] = [];
    for (const line of block.split("\n")) {
        const indent = line.length - line.trimStart().length;
        // Deeper lines continue the description of the line above.
        if (!line.trim() || indent > 4) continue;
        const depth = indent / 2;
        const names = line
            .trim()
            .split(/\s{2,}/)[0]
            .split(/,\s*/);
        const parent = parents.slice(0, depth).join("");
        parents.length = depth;
        parents[depth] = names[0];
        for (const name of names) paths.push(`${parent}${name}`);
    }
    return paths;
}

function entries(folder: string, kind: "file" | "folder"): string[] {
    return fs
        .readdirSync(path.join(repoRoot(), folder), { withFileTypes: true })
        .filter((entry) => (kind === "file" ? entry.isFile() : entry.isDirectory()))
        .map((entry) => entry.name);
}

describe("the layout the README shows", () => {
    const named = layoutPaths(fs.readFileSync(path.join(repoRoot(), "README.md"), "utf8"));

    it("names only what exists", () => {
        assert.ok(named.length > 20, `the layout block names ${named.length} paths`);
        for (const name of named)
            assert.ok(fs.existsSync(path.join(repoRoot(), name)), `${name} does not exist`);
    });

    it("names every folder of provider/ and emulator/, and every file of the shared layers", () => {
        for (const part of ["provider", "emulator"]) {
            for (const folder of entries(part, "folder")) {
                assert.ok(
                    named.includes(`${part}/${folder}/`),
                    `${part}/${folder}/ is missing from the layout`,
                );
            }
        }
        for (const layer of SHARED_LAYERS) {
            for (const file of entries(`provider/${layer}`, "file")) {
                assert.ok(
                    named.includes(`provider/${layer}/${file}`),
                    `provider/${layer}/${file} is missing`,
                );
            }
        }
    });

    it("gives every resource folder the same skeleton, in a readable number of files", () => {
        const resources = entries("provider", "folder").filter((folder) => !SHARED_LAYERS.includes(folder));
        assert.ok(resources.length >= 2);
        for (const resource of resources) {
            const files = entries(`provider/${resource}`, "file");
            for (const role of SKELETON)
                assert.ok(files.includes(role), `provider/${resource}/${role} is missing`);
            assert.ok(files.length <= MAX_RESOURCE_FILES, `provider/${resource} has ${files.length} files`);
        }
    });
});
