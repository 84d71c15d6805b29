import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DEFAULT_SETTINGS } from "../../emulator";
import { scanStatuses } from "./support/emulator-view";
import { describeResult } from "./support/pulumi-stack";
import { SCENARIO_TIMEOUT_MS, useScenario } from "./support/scenario";
import { ENABLEMENT_TYPE, onlyResourceOfType } from "./support/stack-state";

/**
 * `accountIds: pulumi.secret([...])` with the real CLI: every output derived from the secret accounts
 * (`statusGroups`, `notEnabledAccountIds`, `managedAccountIds`, `failedAccounts`, and `accountIds` itself) is
 * stored encrypted (`pulumi stack export`), `pulumi stack output` does not print them, and the CLI's own output
 * (the failure of a partly failed `up` included) shows `[secret]` where the account IDs would be. The program is
 * JavaScript, as a user's may be, written by the test.
 */

const ADMINISTRATOR = "111122223333";
const MEMBER = "444455556666";
const REFUSED = "777788889999";
const REGION = "us-east-1";
/** A failure code the provider does not retry: Inspector refuses this member for good. */
const REFUSAL = "EC2_SSM_ASSOCIATION_VERSION_LIMIT_EXCEEDED";
/** The engine's marker of a secret value in a state file. */
const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";
const DERIVED = ["accountIds", "statusGroups", "notEnabledAccountIds", "failedAccounts", "managedAccountIds"];

const PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const { InspectorEnablement } = require("pulumi-inspector");

const scanning = new InspectorEnablement("scanning", {
    resourceTypes: ["EC2"],
    accountIds: pulumi.secret(["${ADMINISTRATOR}", "${MEMBER}", "${REFUSED}"]),
});

exports.statusGroups = scanning.statusGroups;
exports.notEnabledAccountIds = scanning.notEnabledAccountIds;
exports.managedAccountIds = scanning.managedAccountIds;
exports.failedAccounts = scanning.failedAccounts;
exports.enabledAccountCount = scanning.enabledAccountCount;
`;

/** The member IDs appear nowhere in this text (the administrator is the caller, a plain output). */
function assertNoMemberId(text: string, what: string): void {
    for (const accountId of [MEMBER, REFUSED]) {
        assert.ok(!text.includes(accountId), `${accountId} is in ${what} in plain text:\n${text}`);
    }
}

/** The state's outputs of the enablement: each derived one in the engine's secret form. */
function assertSecretOutputs(outputs: Record<string, unknown> | undefined): void {
    for (const name of DERIVED) {
        const value = outputs?.[name] as Record<string, unknown> | undefined;
        assert.ok(
            value && value[SECRET_SIGNATURE] !== undefined && "ciphertext" in value,
            `${name} is not secret`,
        );
    }
    // A count reveals no account: it stays plain.
    assert.equal(typeof outputs?.enabledAccountCount, "number");
}

describe("e2e: outputs derived from a secret accountIds stay secret", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const program = fs.mkdtempSync(path.join(os.tmpdir(), "secret-accounts-program-"));
    fs.writeFileSync(
        path.join(program, "Pulumi.yaml"),
        "name: secret-accounts\nruntime: nodejs\nmain: index.js\n",
    );
    fs.writeFileSync(path.join(program, "index.js"), PROGRAM);
    after(() => fs.rmSync(program, { recursive: true, force: true }));

    const scenario = useScenario({
        program,
        settings: {
            accounts: DEFAULT_SETTINGS.accounts.map((account) =>
                account.accountId === REFUSED
                    ? { ...account, failures: [{ errorCode: REFUSAL, times: 1 }] }
                    : account,
            ),
        },
    });

    it("a partly failed pulumi up records the derived outputs as secrets and prints no account ID", async () => {
        const result = await scenario.stack.up();
        assert.notEqual(result.code, 0, describeResult(result));
        assert.ok(result.stdout.includes(`[secret]: ${REFUSAL}`), describeResult(result));
        assertNoMemberId(result.stdout + result.stderr, "the output of pulumi up");

        const { text, deployment } = await scenario.stack.exportState();
        const enablement = onlyResourceOfType(deployment, ENABLEMENT_TYPE);
        assertSecretOutputs(enablement.outputs);
        assertNoMemberId(text, "pulumi stack export");
        // What is stored beside them names the secret input, never its value.
        assert.deepEqual(enablement.outputs?.__secretInputs, ["accountIds"]);
    });

    it("the next pulumi up finishes; pulumi stack output shows [secret] and the state stays encrypted", async () => {
        const result = await scenario.stack.up();
        assert.equal(result.code, 0, describeResult(result));
        assertNoMemberId(result.stdout + result.stderr, "the output of pulumi up");
        const statuses = await scanStatuses(scenario.emulator, [ADMINISTRATOR, MEMBER, REFUSED], REGION);
        assert.deepEqual(
            [ADMINISTRATOR, MEMBER, REFUSED].map((id) => statuses[id].ec2),
            ["ENABLED", "ENABLED", "ENABLED"],
        );

        const outputs = await scenario.stack.outputs();
        assert.deepEqual(
            {
                statusGroups: outputs.statusGroups,
                notEnabledAccountIds: outputs.notEnabledAccountIds,
                managedAccountIds: outputs.managedAccountIds,
                failedAccounts: outputs.failedAccounts,
            },
            {
                statusGroups: "[secret]",
                notEnabledAccountIds: "[secret]",
                managedAccountIds: "[secret]",
                failedAccounts: "[secret]",
            },
        );
        assert.equal(outputs.enabledAccountCount, 3);
        const plain = await scenario.stack.succeed(["stack", "output"]);
        assertNoMemberId(plain.stdout, "pulumi stack output");
        // The secrets are the real values, for whoever holds the passphrase.
        const shown = await scenario.stack.succeed([
            "stack",
            "output",
            "managedAccountIds",
            "--show-secrets",
            "--json",
        ]);
        assert.deepEqual(JSON.parse(shown.stdout), [ADMINISTRATOR, REFUSED, MEMBER].sort());

        const { text, deployment } = await scenario.stack.exportState();
        assertSecretOutputs(onlyResourceOfType(deployment, ENABLEMENT_TYPE).outputs);
        assertNoMemberId(text, "pulumi stack export");
    });

    it("pulumi refresh keeps them secret", async () => {
        const result = await scenario.stack.refresh();
        assert.equal(result.code, 0, describeResult(result));
        const { text, deployment } = await scenario.stack.exportState();
        assertSecretOutputs(onlyResourceOfType(deployment, ENABLEMENT_TYPE).outputs);
        assertNoMemberId(text, "pulumi stack export");
        const settled = await scenario.stack.preview("--expect-no-changes");
        assert.equal(settled.code, 0, describeResult(settled));
    });

    it("pulumi destroy turns scanning off", async () => {
        const result = await scenario.stack.destroy();
        assert.equal(result.code, 0, describeResult(result));
        assertNoMemberId(result.stdout + result.stderr, "the output of pulumi destroy");
        const statuses = await scanStatuses(scenario.emulator, [MEMBER, REFUSED], REGION);
        assert.deepEqual([statuses[MEMBER].ec2, statuses[REFUSED].ec2], ["DISABLED", "DISABLED"]);
    });
});
