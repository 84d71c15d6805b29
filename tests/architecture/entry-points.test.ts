import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./repo-root";

/** The package's two entry points: the resources (`pulumi-inspector`) and the emulator (`pulumi-inspector/emulator`). */
describe("the package's entry points", function () {
    this.timeout(60_000);
    const root = repoRoot();

    /** Runs `code` in a fresh Node (the one running the tests) in the repository root; returns what it printed. */
    function node(code: string): string {
        return execFileSync(process.execPath, ["-e", code], { cwd: root, encoding: "utf8" });
    }

    it("pulumi-inspector/emulator resolves through package.json exports and gives startEmulator", async () => {
        // The package refers to itself by name: Node resolves this through `exports`, as an installed package would.
        const resolved = require.resolve("pulumi-inspector/emulator");
        assert.equal(resolved, join(root, "dist", "emulator", "index.js"));
        const emulatorEntry = require("pulumi-inspector/emulator") as typeof import("../../emulator");
        assert.equal(typeof emulatorEntry.startEmulator, "function");
        assert.equal(typeof emulatorEntry.DEFAULT_SETTINGS, "object");
        const emulator = await emulatorEntry.startEmulator();
        try {
            assert.match(emulator.url, /^http:\/\/127\.0\.0\.1:\d+$/);
        } finally {
            await emulator.close();
        }
    });

    it("the main entry pulumi-inspector neither exports nor loads the emulator", () => {
        const loaded = JSON.parse(
            node(
                'const entry = require("pulumi-inspector");' +
                    "console.log(JSON.stringify({ resolved: require.resolve('pulumi-inspector')," +
                    " exports: Object.keys(entry), modules: Object.keys(require.cache) }));",
            ),
        ) as { resolved: string; exports: string[]; modules: string[] };
        assert.equal(loaded.resolved, join(root, "dist", "provider", "index.js"));
        assert.ok(loaded.exports.includes("InspectorEnablement"), loaded.exports.join(", "));
        assert.ok(loaded.modules.includes(loaded.resolved));
        for (const name of ["startEmulator", "DEFAULT_SETTINGS"])
            assert.ok(!loaded.exports.includes(name), name);
        const emulatorModules = loaded.modules.filter((module) =>
            module.startsWith(join(root, "dist", "emulator") + "/"),
        );
        assert.deepEqual(emulatorModules, []);
    });

    it("package.json declares the emulator's entry point, types, bin and files", () => {
        const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
        assert.deepEqual(manifest.exports["./emulator"], {
            types: "./dist/emulator/index.d.ts",
            default: "./dist/emulator/index.js",
        });
        assert.deepEqual(manifest.typesVersions["*"].emulator, ["dist/emulator/index.d.ts"]);
        assert.equal(manifest.bin["inspector-emulator"], "dist/emulator/cli.js");
        for (const path of ["dist/emulator", "emulator/models"])
            assert.ok(manifest.files.includes(path), path);
    });
});
