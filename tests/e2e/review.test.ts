import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { disableOutsidePulumi, nonReadCalls, operationsOf } from "./support/emulator-view";
import { type CommandResult } from "./support/process-tree";
import { describeResult, type PulumiStack } from "./support/pulumi-stack";
import { examplePath, SCENARIO_TIMEOUT_MS, type Scenario, useScenario } from "./support/scenario";

/**
 * What a reviewer reads in a pull request: `pulumi preview` and `pulumi preview --diff`, by the real CLI against
 * the emulator, of a change (ECR swapped for LAMBDA_CODE; an account added) and of drift (a type disabled outside
 * Pulumi, then refreshed). Set-like inputs read as members added and removed, never as renames by position, and
 * each resource says what `up` would do in a message attached to it, not to the stack.
 */

const ADMINISTRATOR = "111122223333";
const MEMBER = "444455556666";
const NEW_MEMBER = "777788889999";
const REGION = "us-east-1";
const ENABLEMENT = "pulumi-nodejs:dynamic/inspector:InspectorEnablement (scanning)";
const GATE = "pulumi-nodejs:dynamic/inspector:FindingsGate (account-gate)";
const STACK = "pulumi:pulumi:Stack";

/** An enablement and a gate over accounts, their lists from the stack's config. */
const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { FindingsGate, InspectorEnablement, type ResourceType } from "pulumi-inspector";

const config = new pulumi.Config();
const scanning = new InspectorEnablement("scanning", {
    resourceTypes: config.requireObject<ResourceType[]>("resourceTypes"),
    accountIds: config.requireObject<string[]>("accountIds"),
});
new FindingsGate(
    "account-gate",
    { accountIds: config.requireObject<string[]>("gatedAccountIds"), thresholds: { critical: 100000 } },
    { dependsOn: scanning },
);

export const enabledAccountCount = scanning.enabledAccountCount;
`;

const DEPLOYED = {
    resourceTypes: ["EC2", "ECR", "LAMBDA"],
    accountIds: [ADMINISTRATOR, MEMBER],
    gatedAccountIds: [ADMINISTRATOR],
};

/** `pulumi preview` and `pulumi preview --diff` of the stack as it is configured, and the calls they made. */
interface Previews {
    readonly plain: CommandResult;
    readonly diff: CommandResult;
    /** Operations other than reads that reached the emulator during the previews. */
    readonly changes: string[];
}

async function previews(scenario: Scenario): Promise<Previews> {
    const before = scenario.emulator.admin.calls().length;
    const plain = await scenario.stack.preview();
    assert.equal(plain.code, 0, describeResult(plain));
    const diff = await scenario.stack.preview("--diff");
    assert.equal(diff.code, 0, describeResult(diff));
    const calls = scenario.emulator.admin.calls().slice(before);
    return { plain, diff, changes: operationsOf(nonReadCalls(calls)) };
}

/**
 * The messages of the preview's Diagnostics section, by the resource they are attached to (the header the CLI
 * prints for it, e.g. `pulumi:pulumi:Stack (quickstart-e2e)`).
 */
function diagnostics(stdout: string): Map<string, string[]> {
    const byResource = new Map<string, string[]>();
    const start = stdout.indexOf("\nDiagnostics:\n");
    if (start < 0) return byResource;
    let current: string[] | undefined;
    for (const line of stdout.slice(start + "\nDiagnostics:\n".length).split("\n")) {
        if (/^\S/.test(line)) break;
        const header = /^ {2}(\S.*):$/.exec(line);
        if (header) byResource.set(header[1], (current = []));
        else if (current && line.trim()) current.push(withoutSeverity(line.trim()));
    }
    return byResource;
}

/** The messages attached to the resource whose header starts with `resource`. */
function messagesOf(stdout: string, resource: string): string[] {
    const found = [...diagnostics(stdout)].filter(([header]) => header.startsWith(resource));
    return found.flatMap(([, lines]) => lines);
}

/** The property block `name: { … }` of the --diff output, from its first line to its closing brace. */
function propertyBlock(stdout: string, name: string): string {
    const match = new RegExp(`^ *[~+-]? *${name} *: \\{\\n[\\s\\S]*?^ *\\}`, "m").exec(stdout);
    assert.ok(match, `no ${name} block in:\n${stdout}`);
    return match[0];
}

/** The lines of a block that add or remove a member: `+ LAMBDA_CODE: true` → `+ LAMBDA_CODE`. */
function memberChanges(block: string): string[] {
    return block
        .split("\n")
        .map((line) => /^\s*([+-]) (\S+?)\s*: true$/.exec(line))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match) => `${match[1]} ${match[2]}`);
}

/**
 * The lines of `pulumi preview --diff`, which prints messages on their own, after the diff and without the
 * resource they are attached to (so they name it themselves).
 */
function diffLines(result: CommandResult): string[] {
    return `${result.stdout}\n${result.stderr}`.split("\n").map((line) => withoutSeverity(line.trim()));
}

/** A message without the `warning: ` the CLI puts before a warning. */
function withoutSeverity(line: string): string {
    return line.replace(/^(warning|error): /, "");
}

/** The one message matching `pattern` in each preview: the plain one's attached to `resource`, not to the stack. */
function assertSaidBy(seen: Previews, resource: string, pattern: RegExp): void {
    const attached = messagesOf(seen.plain.stdout, resource).filter((message) => pattern.test(message));
    assert.equal(attached.length, 1, `no message ${pattern} on ${resource}:\n${seen.plain.stdout}`);
    assert.deepEqual(messagesOf(seen.plain.stdout, STACK), [], seen.plain.stdout);
    const printed = diffLines(seen.diff).filter((line) => pattern.test(line));
    assert.equal(printed.length, 1, `no line ${pattern} in:\n${describeResult(seen.diff)}`);
}

async function writeProgram(stack: PulumiStack): Promise<void> {
    await fs.promises.writeFile(path.join(stack.program.path, "index.ts"), PROGRAM);
}

describe("e2e: what a reviewer reads in pulumi preview", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const scenario = useScenario({ program: examplePath("quickstart"), config: () => DEPLOYED });

    before(async () => {
        await writeProgram(scenario.stack);
        const up = await scenario.stack.up();
        assert.equal(up.code, 0, describeResult(up));
        // Progress of the update is attached to the resource too, and counts read right.
        assert.ok(messagesOf(up.stdout, ENABLEMENT).length > 0, describeResult(up));
        assert.deepEqual(messagesOf(up.stdout, STACK), [], describeResult(up));
    });

    describe("a change of types: ECR removed, LAMBDA_CODE added", () => {
        let seen: Previews;

        before(async () => {
            await scenario.stack.setConfig({ resourceTypes: ["EC2", "LAMBDA", "LAMBDA_CODE"] });
            seen = await previews(scenario);
        });

        it("preview --diff reads as a set: - ECR and + LAMBDA_CODE, nothing renamed by position", () => {
            const block = propertyBlock(seen.diff.stdout, "resourceTypes");
            assert.deepEqual(memberChanges(block), ["- ECR", "+ LAMBDA_CODE"], block);
            assert.match(block, /^\s*~ resourceTypes/);
            assert.doesNotMatch(seen.diff.stdout, /\[\d+\]:/, seen.diff.stdout);
            assert.deepEqual(memberChanges(propertyBlock(seen.diff.stdout, "accountIds")), []);
        });

        it("preview names the changed property on the enablement's line, and changes nothing", () => {
            assert.match(
                seen.plain.stdout,
                /~\s+\S+InspectorEnablement\s+scanning\s+update\s+\[diff: ~resourceTypes\]/,
            );
            assert.deepEqual(seen.changes, []);
        });

        // Needs the enablement's preview message (the enablement helper's branch), in the agreed format.
        it("the enablement says what up would do, attached to it", () => {
            assertSaidBy(
                seen,
                ENABLEMENT,
                new RegExp(
                    `^scanning: up would enable LAMBDA_CODE and disable ECR on 2 accounts in ${REGION}$`,
                ),
            );
        });
    });

    describe("a change of accounts: one added to the enablement and to the gate", () => {
        let seen: Previews;

        before(async () => {
            await scenario.stack.setConfig({
                resourceTypes: DEPLOYED.resourceTypes,
                accountIds: [ADMINISTRATOR, MEMBER, NEW_MEMBER],
                gatedAccountIds: [ADMINISTRATOR, MEMBER],
            });
            seen = await previews(scenario);
        });

        it("preview --diff reads as a set: + the new account, under each resource", () => {
            const enablementBlock = propertyBlock(seen.diff.stdout, "accountIds");
            assert.deepEqual(memberChanges(enablementBlock), [`+ ${NEW_MEMBER}`], enablementBlock);
            const gateStart = seen.diff.stdout.indexOf("FindingsGate: (update)");
            assert.ok(gateStart >= 0, seen.diff.stdout);
            const gateBlock = propertyBlock(seen.diff.stdout.slice(gateStart), "accountIds");
            assert.deepEqual(memberChanges(gateBlock), [`+ ${MEMBER}`], gateBlock);
            assert.doesNotMatch(seen.diff.stdout, /\[\d+\]:/, seen.diff.stdout);
            assert.deepEqual(seen.changes, []);
        });

        it("the gate says what up would do, attached to it, and whether it would pass", () => {
            assertSaidBy(
                seen,
                GATE,
                new RegExp(
                    `^account-gate: up would re-evaluate the gate over 2 accounts \\(1 new account: ${MEMBER}\\)$`,
                ),
            );
            assertSaidBy(
                seen,
                GATE,
                /^FindingsGate "account-gate" in us-east-1 passed over 2 accounts: .*\(read at preview\)$/,
            );
        });

        // Needs the enablement's preview message (the enablement helper's branch), in the agreed format.
        it("the enablement says what up would do, attached to it", () => {
            assertSaidBy(
                seen,
                ENABLEMENT,
                new RegExp(
                    `^scanning: up would enable EC2, ECR, LAMBDA on 1 new account \\(${NEW_MEMBER}\\) in ${REGION}$`,
                ),
            );
        });
    });

    describe("drift: ECR disabled on an account outside Pulumi, then refreshed", () => {
        let seen: Previews;

        before(async () => {
            await scenario.stack.setConfig(DEPLOYED);
            await disableOutsidePulumi(scenario.emulator, [MEMBER], ["ECR"], REGION);
            const refresh = await scenario.stack.refresh();
            assert.equal(refresh.code, 0, describeResult(refresh));
            seen = await previews(scenario);
        });

        it("preview plans an update of the enablement with no input changed, and changes nothing", () => {
            assert.match(seen.plain.stdout, /~\s+\S+InspectorEnablement\s+scanning\s+update/);
            assert.doesNotMatch(seen.diff.stdout, /^\s*[~+-] (resourceTypes|accountIds)/m, seen.diff.stdout);
            assert.deepEqual(seen.changes, []);
        });

        // Needs the enablement's drift message (the enablement helper's branch), in the agreed format.
        it("the enablement says what was found outside Pulumi and what up does, attached to it", () => {
            assertSaidBy(
                seen,
                ENABLEMENT,
                new RegExp(`^scanning: drift: ECR was found DISABLED on ${MEMBER}; up re-enables it$`),
            );
        });
    });
});
