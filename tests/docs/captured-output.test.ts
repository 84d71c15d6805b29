import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../architecture/repo-root";
import { SCENARIO_TIMEOUT_MS } from "../e2e/support/scenario";
import {
    CAPTURED_PROGRAM,
    captureRun,
    diagnosticsInOrder,
    expectedBlock,
    readBlocks,
    replaceBlocks,
    withoutInterleaving,
    type Capture,
} from "./capture/capture-output";

const README = join(repoRoot(), "README.md");

describe("the README's captured output (npm run docs:capture)", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    let captures: Capture[];
    let operations: string[];

    before(async function () {
        ({ captures, operations } = await captureRun());
    });

    it("captures preview, up, a change's preview --diff and the failing up of the quickstart program", () => {
        assert.deepEqual(
            captures.map((capture) => capture.name),
            ["preview", "up", "preview-diff", "up-failing"],
        );
        const byName = Object.fromEntries(captures.map((capture) => [capture.name, capture.output]));
        assert.match(byName.preview, /\+ 3 to create/);
        assert.match(byName.up, /\+ 3 created/);
        assert.match(byName["preview-diff"], /\+ images/);
        assert.match(byName["up-failing"], /failed over 1 image and 1 Lambda function/);
        for (const capture of captures) {
            assert.doesNotMatch(capture.output, /\/tmp\/|\d{4}-\d\d-\d\dT\d\d:/, capture.name);
        }
    });

    it("matches README.md's marked blocks: run `npm run docs:capture` when this fails", () => {
        const readme = readFileSync(README, "utf8");
        const blocks = readBlocks(readme);
        for (const capture of captures) {
            assert.equal(
                blocks.get(capture.name),
                expectedBlock(capture),
                `README.md's block ${capture.name} is stale`,
            );
        }
        assert.equal(replaceBlocks(readme, captures), readme);
    });

    it("calls only what the IAM policies of its resources allow (docs/iam)", () => {
        const allowed = new Set(
            ["inspector-enablement.json", "findings-gate.json"].flatMap((file) =>
                (
                    JSON.parse(readFileSync(join(repoRoot(), "docs", "iam", file), "utf8")) as {
                        Statement: { Action: string | string[] }[];
                    }
                ).Statement.flatMap((statement) => statement.Action),
            ),
        );
        assert.ok(operations.includes("inspector2:Enable"), operations.join(", "));
        assert.deepEqual(
            operations.filter((operation) => !allowed.has(operation)),
            [],
        );
    });

    it("shows in the README's quickstart the program the output comes from", () => {
        const readme = readFileSync(README, "utf8");
        const program = readFileSync(join(CAPTURED_PROGRAM, "index.ts"), "utf8").trim();
        assert.ok(
            readme.includes(`\`\`\`ts\n${program}\n\`\`\``),
            "README.md does not show examples/getting-started/index.ts as it is",
        );
    });
});

describe("the capture's clean-up of what depends on timing", () => {
    it("drops the progress dots and the stack's interleaved lines, keeps the resources' steps and the summary", () => {
        const output = [
            "Updating (dev):",
            "@ updating....",
            " +  pulumi:pulumi:Stack p-dev creating (<duration>)",
            " +  a:b:C one creating (<duration>)",
            "@ updating.....",
            " +  a:b:C one creating (<duration>)",
            " +  pulumi:pulumi:Stack p-dev creating (<duration>) info: one",
            " +  a:b:C one created (<duration>)",
            "Diagnostics:",
            "  pulumi:pulumi:Stack (p-dev):",
            "    info: one",
        ].join("\n");
        assert.equal(
            withoutInterleaving(output),
            [
                "Updating (dev):",
                " +  a:b:C one creating (<duration>)",
                " +  a:b:C one created (<duration>)",
                "Diagnostics:",
                "  pulumi:pulumi:Stack (p-dev):",
                "    info: one",
            ].join("\n"),
        );
    });

    it("puts the diagnostics' groups in one order, whatever order the events arrived in", () => {
        const groupA = ["  a:b:C (one):", "    error: failed", "", "    more"];
        const groupB = ["  pulumi:pulumi:Stack (p-dev):", "    info: one"];
        const around = (first: string[], second: string[]) =>
            [
                "Updating (dev):",
                "Diagnostics:",
                ...first,
                "",
                ...second,
                "",
                "Resources:",
                "    1 errored",
            ].join("\n");
        assert.equal(diagnosticsInOrder(around(groupB, groupA)), around(groupA, groupB));
        assert.equal(diagnosticsInOrder(around(groupA, groupB)), around(groupA, groupB));
    });
});
