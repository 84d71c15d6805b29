import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BatchGetAccountStatusCommand } from "@aws-sdk/client-inspector2";
import type { RunningEmulator } from "../../emulator";
import {
    ADMINISTRATOR,
    inspector2Client,
    STANDALONE,
    type Credentials,
} from "../emulator/support/sdk-clients";
import { describeResult, type PulumiStack } from "./support/pulumi-stack";
import { examplePath, SCENARIO_TIMEOUT_MS, useScenario } from "./support/scenario";
import { ENABLEMENT_TYPE, resourcesOfType, type StackDeployment } from "./support/stack-state";

/**
 * Credentials as `@pulumi/aws` users set them, with the real CLI and the multi-account example, against the
 * emulator's STS and its two keyed accounts. The environment always holds the delegated administrator's keys
 * (the emulator's banner), so each scenario also shows that explicit settings beat the environment. After every
 * `pulumi up`, neither the state (`pulumi stack export --show-secrets`) nor any serialised provider holds a key,
 * a secret or a session token.
 */

const ADMINISTRATOR_ACCOUNT = "111122223333";
const STANDALONE_ACCOUNT = "999988887777";
const STANDALONE_ROLE = `arn:aws:iam::${STANDALONE_ACCOUNT}:role/InspectorDeployer`;
const REGION = "us-east-1";

/** Every key the emulator knows, and anything shaped like an AWS access key, long-term or temporary. */
const KEYS = [ADMINISTRATOR, STANDALONE].flatMap((keys) => [keys.accessKeyId, keys.secretAccessKey]);
const ACCESS_KEY_SHAPE = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;

/** EC2 scanning's status of one account, asked with that account's own keys. */
async function ec2Status(emulator: RunningEmulator, accountId: string, keys: Credentials): Promise<string> {
    const client = inspector2Client(emulator, { credentials: keys, region: REGION });
    try {
        const answer = await client.send(new BatchGetAccountStatusCommand({ accountIds: [accountId] }));
        return answer.accounts?.[0]?.resourceState?.ec2?.status ?? "UNKNOWN";
    } finally {
        client.destroy();
    }
}

const standaloneEc2 = (emulator: RunningEmulator) => ec2Status(emulator, STANDALONE_ACCOUNT, STANDALONE);
const administratorEc2 = (emulator: RunningEmulator) =>
    ec2Status(emulator, ADMINISTRATOR_ACCOUNT, ADMINISTRATOR);

/** `pulumi up`, which must succeed, then the calling account of each enablement, as the program exports them. */
async function upAndAccounts(stack: PulumiStack): Promise<string[]> {
    const result = await stack.up();
    assert.equal(result.code, 0, describeResult(result));
    return (await stack.outputs()).callerAccountIds as string[];
}

async function destroy(stack: PulumiStack): Promise<void> {
    const result = await stack.destroy();
    assert.equal(result.code, 0, describeResult(result));
}

/** The engine's default provider of dynamic resources, which it records with the stack's whole config. */
const DEFAULT_PROVIDER_TYPE = "pulumi:providers:pulumi-nodejs";

/** The signature key of a secret value in Pulumi's state and wire format. */
const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";

/**
 * Neither the state nor any serialised provider holds a key, a secret or a session token: the whole of
 * `pulumi stack export --show-secrets` is searched, and each resource's `__provider` on its own.
 *
 * The one exception is not this package's: the engine records the stack's config as the inputs of its default
 * `pulumi-nodejs` provider (as it does for `@pulumi/aws`'s default provider), so keys set with
 * `pulumi config set --secret` are kept there, as secrets, encrypted. `stackSecrets` names those keys: they must be
 * secret there, absent everywhere else, and absent from the plain `pulumi stack export`.
 */
async function assertNoCredentialIn(stack: PulumiStack, stackSecrets: readonly string[] = []): Promise<void> {
    const plain = (await stack.succeed(["stack", "export"])).stdout;
    for (const secret of KEYS) assert.ok(!plain.includes(secret), `pulumi stack export shows ${secret}`);
    assert.doesNotMatch(plain, ACCESS_KEY_SHAPE);

    const { stdout } = await stack.succeed(["stack", "export", "--show-secrets"]);
    const resources = (JSON.parse(stdout) as StackDeployment).deployment.resources ?? [];
    for (const resource of resources) {
        let text = JSON.stringify(resource);
        if (resource.type === DEFAULT_PROVIDER_TYPE) {
            for (const side of [resource.inputs ?? {}, resource.outputs ?? {}]) {
                const rest = { ...side };
                for (const key of stackSecrets) {
                    const value = rest[key] as Record<string, unknown> | undefined;
                    assert.ok(
                        value && SECRET_SIGNATURE in value,
                        `${key} is not kept as a secret: ${JSON.stringify(value)}`,
                    );
                    delete rest[key];
                }
                assert.ok(
                    !JSON.stringify(rest).match(ACCESS_KEY_SHAPE),
                    `the default provider holds a key elsewhere`,
                );
            }
            text = JSON.stringify({ ...resource, inputs: {}, outputs: {} });
        }
        for (const secret of KEYS) assert.ok(!text.includes(secret), `${resource.urn} holds ${secret}`);
        assert.doesNotMatch(text, ACCESS_KEY_SHAPE);
        assert.doesNotMatch(text, /sessionToken|secretAccessKey|aws_secret_access_key/i);
    }
    const enablements = resourcesOfType(JSON.parse(stdout) as StackDeployment, ENABLEMENT_TYPE);
    assert.ok(enablements.length > 0, "no InspectorEnablement in the state");
    for (const resource of enablements) {
        for (const provider of [resource.inputs?.__provider, resource.outputs?.__provider]) {
            assert.equal(typeof provider, "string", `${resource.urn} has no __provider`);
            for (const secret of KEYS) assert.ok(!(provider as string).includes(secret));
            assert.doesNotMatch(provider as string, ACCESS_KEY_SHAPE);
        }
    }
}

describe("e2e: credentials from aws:profile, with two profiles in a shared credentials file", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-inspector-e2e-profiles-"));
    const file = path.join(folder, "credentials");
    fs.writeFileSync(
        file,
        [
            "[administrator]",
            `aws_access_key_id = ${ADMINISTRATOR.accessKeyId}`,
            `aws_secret_access_key = ${ADMINISTRATOR.secretAccessKey}`,
            "[standalone]",
            `aws_access_key_id = ${STANDALONE.accessKeyId}`,
            `aws_secret_access_key = ${STANDALONE.secretAccessKey}`,
            "",
        ].join("\n"),
    );
    const scenario = useScenario({
        program: examplePath("multi-account"),
        config: () => ({ "aws:profile": "standalone", "aws:sharedCredentialsFiles": [file] }),
    });
    after(() => fs.rmSync(folder, { recursive: true, force: true }));

    it("scans the standalone profile's account, not the environment's", async () => {
        assert.deepEqual(await upAndAccounts(scenario.stack), [STANDALONE_ACCOUNT]);
        assert.equal(await standaloneEc2(scenario.emulator), "ENABLED");
        assert.equal(await administratorEc2(scenario.emulator), "DISABLED");
        await assertNoCredentialIn(scenario.stack);
        await destroy(scenario.stack);
        assert.equal(await standaloneEc2(scenario.emulator), "DISABLED");
    });

    it("scans the administrator profile's account once aws:profile names it", async () => {
        await scenario.stack.setConfig({ "aws:profile": "administrator" });
        assert.deepEqual(await upAndAccounts(scenario.stack), [ADMINISTRATOR_ACCOUNT]);
        assert.equal(await administratorEc2(scenario.emulator), "ENABLED");
        assert.equal(await standaloneEc2(scenario.emulator), "DISABLED");
        await assertNoCredentialIn(scenario.stack);
        await destroy(scenario.stack);
    });
});

describe("e2e: credentials from static keys set as stack secrets", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const scenario = useScenario({ program: examplePath("multi-account") });

    it("scans the keys' account, keeps them encrypted in the stack's settings and out of the state", async () => {
        await scenario.stack.succeed(["config", "set", "--secret", "aws:accessKey", STANDALONE.accessKeyId]);
        await scenario.stack.succeed([
            "config",
            "set",
            "--secret",
            "aws:secretKey",
            STANDALONE.secretAccessKey,
        ]);
        const settings = fs.readFileSync(
            path.join(scenario.stack.program.path, `Pulumi.${scenario.stack.stackName}.yaml`),
            "utf8",
        );
        assert.ok(!settings.includes(STANDALONE.secretAccessKey));
        assert.match(settings, /aws:secretKey:\s+secure:/);

        assert.deepEqual(await upAndAccounts(scenario.stack), [STANDALONE_ACCOUNT]);
        assert.equal(await standaloneEc2(scenario.emulator), "ENABLED");
        assert.equal(await administratorEc2(scenario.emulator), "DISABLED");
        await assertNoCredentialIn(scenario.stack, ["aws:accessKey", "aws:secretKey"]);
        await destroy(scenario.stack);
        assert.equal(await standaloneEc2(scenario.emulator), "DISABLED");
    });
});

describe("e2e: credentials from the stack's aws:assumeRole", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const scenario = useScenario({ program: examplePath("multi-account") });

    it("assumes the role with the environment's keys and scans the role's account", async () => {
        await scenario.stack.succeed(["config", "set", "--path", "aws:assumeRole.roleArn", STANDALONE_ROLE]);
        await scenario.stack.succeed(["config", "set", "--path", "aws:assumeRole.sessionName", "e2e"]);
        assert.deepEqual(await upAndAccounts(scenario.stack), [STANDALONE_ACCOUNT]);
        assert.equal(await standaloneEc2(scenario.emulator), "ENABLED");
        assert.equal(await administratorEc2(scenario.emulator), "DISABLED");
        const assumed = scenario.emulator.admin.calls().filter((call) => call.operation === "AssumeRole");
        assert.ok(assumed.length >= 1, "AssumeRole was never called");
        await assertNoCredentialIn(scenario.stack);
        await destroy(scenario.stack);
        assert.equal(await standaloneEc2(scenario.emulator), "DISABLED");
    });
});

describe("e2e: a resource's own assumeRole", function () {
    this.timeout(SCENARIO_TIMEOUT_MS);
    const scenario = useScenario({
        program: examplePath("multi-account"),
        config: () => ({ roleArns: [STANDALONE_ROLE] }),
    });

    it("scans the environment's account and the role's account from one program", async () => {
        assert.deepEqual(await upAndAccounts(scenario.stack), [ADMINISTRATOR_ACCOUNT, STANDALONE_ACCOUNT]);
        assert.equal(await administratorEc2(scenario.emulator), "ENABLED");
        assert.equal(await standaloneEc2(scenario.emulator), "ENABLED");
        await assertNoCredentialIn(scenario.stack);

        const { deployment } = await scenario.stack.exportState();
        // The checkpoint lists the two enablements in an order that varies: one without a role, one with it.
        const roles = resourcesOfType(deployment, ENABLEMENT_TYPE).map(
            (resource) => resource.outputs?.assumeRole,
        );
        assert.deepEqual(
            [roles.filter((role) => role === undefined), roles.filter((role) => role !== undefined)],
            [[undefined], [{ roleArn: STANDALONE_ROLE, sessionName: "pulumi-inspector" }]],
        );

        const preview = await scenario.stack.preview("--expect-no-changes");
        assert.equal(preview.code, 0, describeResult(preview));

        await destroy(scenario.stack);
        assert.equal(await administratorEc2(scenario.emulator), "DISABLED");
        assert.equal(await standaloneEc2(scenario.emulator), "DISABLED");
    });
});
