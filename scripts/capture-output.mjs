// Captures the README's example output from real runs: the getting-started example with the real Pulumi CLI
// against a fresh emulator (tests/docs/capture/capture-output.ts), normalised, written into README.md's
// `<!-- captured:NAME -->` blocks. `npm run docs:capture` builds first; tests/docs/captured-output.test.ts fails
// when the blocks are stale. `--print` writes the captures to stdout instead of README.md.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, URL } from "node:url";

const require = createRequire(import.meta.url);
const { captureOutputs, replaceBlocks } = require("../dist/tests/docs/capture/capture-output.js");

const readme = fileURLToPath(new URL("../README.md", import.meta.url));
const captures = await captureOutputs();
if (process.argv.includes("--print")) {
    for (const capture of captures)
        console.log(`--- ${capture.name}\n$ ${capture.command}\n${capture.output}\n`);
} else {
    const before = readFileSync(readme, "utf8");
    const after = replaceBlocks(before, captures);
    writeFileSync(readme, after);
    console.log(
        after === before
            ? `README.md: ${captures.length} captured blocks already up to date`
            : `README.md: ${captures.length} captured blocks written (${captures.map((c) => c.name).join(", ")})`,
    );
}
