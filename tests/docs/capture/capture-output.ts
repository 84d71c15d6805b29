import * as path from "node:path";
import { startEmulator, type PartialSettings, type RunningEmulator } from "../../../emulator";
import { packageRoot } from "../../support/program-directory";
import type { CommandResult } from "../../e2e/support/process-tree";
import { PulumiStack } from "../../e2e/support/pulumi-stack";

/** The program the README's quickstart shows and its captured output comes from. */
export const CAPTURED_PROGRAM = path.join(packageRoot(), "examples", "getting-started");

/** The emulator's seeded function (one HIGH finding: passes the quickstart's gate) and image (one CRITICAL). */
export const SEEDED_FUNCTION = "checkout";
export const SEEDED_IMAGE =
    "111122223333.dkr.ecr.us-east-1.amazonaws.com/shop@sha256:efd83a05b027ea2c46739a9fc2a4188ef9be83d1a35812a5be4655d7de8df468";

/**
 * Status changes and scans at once: each command then sees everything settled at its first status read, so the
 * number of progress lines never depends on how fast the machine is. Every transition still happens.
 */
const CAPTURE_SETTINGS: PartialSettings = { delays: { enablingMs: 0, disablingMs: 0, scanMs: 0 } };

/** One captured command: its block's name in the README, the command as shown, and its normalised output. */
export interface Capture {
    readonly name: string;
    readonly command: string;
    readonly output: string;
}

/** What a capture's text may not hold as is: the run's own folders, ports and times. */
interface Volatile {
    readonly root: string;
    readonly emulatorUrl: string;
}

/**
 * Output with what changes from run to run replaced: temporary folders, the emulator's port, times, durations,
 * trailing blanks. What remains is what a user reads.
 */
export function normalise(output: string, volatile: Volatile): string {
    const port = new URL(volatile.emulatorUrl).port;
    return (
        output
            .split(volatile.root)
            .join("<tmp>")
            .replace(new RegExp(`(127\\.0\\.0\\.1|localhost):${port}\\b`, "g"), "$1:<port>")
            .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "<time>")
            .replace(/\b(Duration: )(\d+m)?\d+s\b/g, "$1<duration>")
            .replace(/\(\d+(\.\d+)?m?s\)/g, "(<duration>)")
            .split("\n")
            .map((line) => line.trimEnd())
            .join("\n")
            // Blank lines at the ends, and runs of blank lines, as the CLI's pacing leaves them.
            .replace(/\n{3,}/g, "\n\n")
            .trim()
    );
}

/**
 * The streaming part of an update (before its summary) without what depends on timing: the progress line, the stack's own lines,
 * which interleave with the resources' as the engine's events arrive and repeat in the summary's diagnostics, and a
 * resource's line repeated while it waits. The resources' steps stay, in their (dependency) order.
 */
export function withoutInterleaving(output: string): string {
    const lines = output.split("\n");
    const summary = lines.findIndex((line) => /^(Diagnostics|Outputs|Resources):$/.test(line));
    const streaming = (summary < 0 ? lines : lines.slice(0, summary))
        .filter(
            (line) =>
                !/^ {1,4}[-+~]? *pulumi:pulumi:Stack /.test(line) &&
                // "@ updating...." comes again every second, with a dot more.
                !/^@ [a-z ]+\.*$/.test(line),
        )
        .filter((line, index, kept) => line !== kept[index - 1]);
    return [...streaming, ...(summary < 0 ? [] : lines.slice(summary))].join("\n");
}

/**
 * The summary's diagnostics with their groups (one per resource, `  <type> (<name>):`) in a fixed order: the CLI
 * prints them in the order the engine's events arrived, which differs from run to run.
 */
export function diagnosticsInOrder(output: string): string {
    const lines = output.split("\n");
    const start = lines.indexOf("Diagnostics:");
    if (start < 0) return output;
    let end = lines.findIndex((line, index) => index > start && /^(Outputs|Resources):$/.test(line));
    if (end < 0) end = lines.length;
    const groups: string[][] = [];
    for (const line of lines.slice(start + 1, end)) {
        if (/^ {2}\S.*\):$/.test(line) || groups.length === 0) groups.push([]);
        groups[groups.length - 1].push(line);
    }
    const sorted = groups
        .map((group) => group.join("\n").trimEnd())
        .filter((group) => group !== "")
        .sort();
    return [...lines.slice(0, start + 1), sorted.join("\n\n"), "", ...lines.slice(end)].join("\n");
}

/** The command line a reader would type, and its output as the README shows it. */
function captured(name: string, command: string, result: CommandResult, volatile: Volatile): Capture {
    const output = diagnosticsInOrder(
        withoutInterleaving(normalise(`${result.stdout}\n${result.stderr}`, volatile)),
    );
    return { name, command, output };
}

/**
 * Runs the quickstart program with the real Pulumi CLI against a fresh emulator, as a reader would against AWS:
 * `pulumi preview` of the new stack, `pulumi up` gating the seeded function (passes), then a change that adds the
 * seeded image, as `pulumi preview --diff` shows it and as the `pulumi up` the gate fails shows it.
 */
export async function captureOutputs(): Promise<Capture[]> {
    return (await captureRun()).captures;
}

/** The captures, and every AWS operation the emulator answered during them (`inspector2:Enable`…), sorted. */
export async function captureRun(): Promise<{ captures: Capture[]; operations: string[] }> {
    const emulator: RunningEmulator = await startEmulator({ settings: CAPTURE_SETTINGS });
    let stack: PulumiStack | undefined;
    try {
        stack = await PulumiStack.create({
            program: CAPTURED_PROGRAM,
            awsEnv: emulator.env,
            stackName: "dev",
            config: {
                "aws:region": emulator.env.AWS_REGION,
                "getting-started:lambdaFunction": SEEDED_FUNCTION,
            },
        });
        const volatile = { root: stack.root, emulatorUrl: emulator.url };
        const captures: Capture[] = [];
        const step = async (name: string, command: string, args: string[], expectSuccess: boolean) => {
            const result = await stack!.run(args);
            if ((result.code === 0) !== expectSuccess) {
                throw new Error(
                    `${command} ${expectSuccess ? "failed" : "passed"} where the README shows otherwise:\n` +
                        `${result.stdout}\n${result.stderr}`,
                );
            }
            captures.push(captured(name, command, result, volatile));
        };
        await step("preview", "pulumi preview", ["preview"], true);
        await step("up", "pulumi up", ["up", "--yes", "--skip-preview"], true);
        await stack.setConfig({ "getting-started:image": SEEDED_IMAGE });
        await step("preview-diff", "pulumi preview --diff", ["preview", "--diff"], true);
        await step("up-failing", "pulumi up", ["up", "--yes", "--skip-preview"], false);
        const operations = new Set(emulator.admin.calls().map((call) => `${call.service}:${call.operation}`));
        return { captures, operations: [...operations].sort() };
    } finally {
        await stack?.remove();
        await emulator.close();
    }
}

/** A marked block: `<!-- captured:<name> -->`, a text block, `<!-- /captured -->`. */
const BLOCK = /<!-- captured:([a-z-]+) -->\n([\s\S]*?)<!-- \/captured -->/g;

function block(capture: Capture): string {
    // Blank lines around the text block, as Prettier lays markdown out.
    return `<!-- captured:${capture.name} -->\n\n\`\`\`text\n$ ${capture.command}\n${capture.output}\n\`\`\`\n\n<!-- /captured -->`;
}

/** The marked blocks of a document, by name, as their text is. */
export function readBlocks(markdown: string): Map<string, string> {
    return new Map([...markdown.matchAll(BLOCK)].map((match) => [match[1], match[0]]));
}

/** The document with each capture's marked block replaced; a capture whose block is missing is an error. */
export function replaceBlocks(markdown: string, captures: readonly Capture[]): string {
    const present = readBlocks(markdown);
    const missing = captures.filter((capture) => !present.has(capture.name)).map((capture) => capture.name);
    if (missing.length > 0) {
        throw new Error(`no <!-- captured:NAME --> … <!-- /captured --> block for ${missing.join(", ")}`);
    }
    const byName = new Map(captures.map((capture) => [capture.name, capture]));
    return markdown.replace(BLOCK, (whole: string, name: string) => {
        const capture = byName.get(name);
        return capture ? block(capture) : whole;
    });
}

/** The block a capture writes, for comparison with a document's. */
export function expectedBlock(capture: Capture): string {
    return block(capture);
}
