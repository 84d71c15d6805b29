import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../architecture/repo-root";

/**
 * `npm run docs` (typedoc.json): the API reference of both entry points, with every exported symbol documented.
 * typedoc.json treats every warning (an undocumented export, a type a public signature uses that is not
 * exported, a broken link) as an error, so a new export without TSDoc fails here, in CI.
 */
describe("the API reference (npm run docs)", function () {
    this.timeout(180_000);
    let out: string;
    let run: ReturnType<typeof spawnSync>;

    before(() => {
        out = mkdtempSync(join(tmpdir(), "api-reference-"));
        run = spawnSync(
            process.execPath,
            [join(repoRoot(), "node_modules", "typedoc", "bin", "typedoc"), "--out", out],
            { cwd: repoRoot(), encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } },
        );
    });
    after(() => rmSync(out, { recursive: true, force: true }));

    it("builds without a warning", () => {
        const output = `${String(run.stdout)}${String(run.stderr)}`;
        const warnings = output.split("\n").filter((line) => /\[(warning|error)\]/.test(line));
        assert.deepEqual(warnings, [], output);
        assert.equal(run.status, 0, output);
    });

    it("documents both entry points, the resources and the types their outputs use", () => {
        assert.ok(existsSync(join(out, "index.html")));
        const pages = readdirSync(out, { recursive: true }).map(String);
        for (const name of [
            "InspectorEnablement",
            "FindingsGate",
            "AssessmentRun",
            "FindingCounts",
            "WorstFinding",
            "startEmulator",
            "EmulatorOptions",
        ]) {
            assert.ok(
                pages.some((page) => page.includes(`.${name}.html`)),
                `no page for ${name} among ${pages.length}`,
            );
        }
    });
});
