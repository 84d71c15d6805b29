import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULT_SETTINGS, startEmulator, type RunningEmulator } from "../../emulator";
import { packageVersion } from "../../provider/plugin/server";
import { repoRoot } from "../architecture/repo-root";
import { FAST_WAIT_POLICY } from "../e2e/support/pulumi-stack";
import { HostError } from "../support/dynamic-provider-host";
import { pluginUrn, secret, startPlugin, type PluginHost, type Properties } from "./plugin-host";

const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const ENABLEMENT = pluginUrn("InspectorEnablement", "scanning");
const REFUSING_ACCOUNT = "123456789012";

describe("the provider plugin over gRPC, against the emulator", function () {
    this.timeout(120_000);
    let emulator: RunningEmulator;
    let plugin: PluginHost;

    before(async () => {
        // One member refuses every call, for the partial failure.
        const accounts = DEFAULT_SETTINGS.accounts.map((account) =>
            account.accountId === REFUSING_ACCOUNT
                ? { ...account, failures: [{ errorCode: "ACCESS_DENIED", times: 1_000 }] }
                : account,
        );
        emulator = await startEmulator({ settings: { accounts } });
        plugin = await startPlugin({ ...emulator.env, PULUMI_INSPECTOR_WAIT_POLICY: FAST_WAIT_POLICY });
        await plugin.configure({ region: "us-east-1" });
    });
    after(async () => {
        await plugin?.close();
        await emulator?.close();
    });

    it("serves schema.json and the package's version", async () => {
        const served = await plugin.schema();
        const file = fs.readFileSync(path.join(repoRoot(), "provider/plugin/schema.json"), "utf8");
        assert.deepEqual(JSON.parse(served), JSON.parse(file));
        assert.equal(await plugin.version(), packageVersion());
    });

    it("checks the provider config by the aws:* rules, naming the plugin's keys", async () => {
        const failures = await plugin.checkConfig({
            secretKey: secret("wJalrXUtnFEMI"),
            region: "us-east-1",
        });
        assert.deepEqual(
            failures.map((failure) => failure.property),
            ["inspector:accessKey"],
        );
        assert.doesNotMatch(JSON.stringify(failures), /wJalrXUtnFEMI/);
        assert.deepEqual(await plugin.checkConfig({ region: "us-east-1" }), []);
    });

    it("diffs the provider config as an update, never a replacement of the provider", async () => {
        const moved = await plugin.diffConfig(
            { region: "us-east-1", secretKey: secret("a") },
            { region: "eu-west-1", secretKey: secret("b") },
        );
        assert.deepEqual(moved, { changes: true, replaces: [], diffs: ["region", "secretKey"] });
        const same = await plugin.diffConfig({ region: "us-east-1" }, { region: "us-east-1" });
        assert.equal(same.changes, false);
    });

    it("checks inputs: the URN set by the plugin, defaults filled in, failures naming the property", async () => {
        const good = await plugin.check(ENABLEMENT, {}, { resourceTypes: ["ecr", "EC2", "EC2"] });
        assert.deepEqual(good.failures, []);
        assert.deepEqual(good.inputs.resourceTypes, ["EC2", "ECR"]);
        assert.equal(good.inputs.resourceUrn, ENABLEMENT);
        assert.equal(good.inputs.region, "us-east-1");
        // The provider configuration's region, not the environment's (us-east-1), is the default.
        await plugin.configure({ region: "eu-west-2" });
        const configured = await plugin.check(ENABLEMENT, {}, { resourceTypes: ["EC2"] });
        assert.equal(configured.inputs.region, "eu-west-2");
        await plugin.configure({ region: "us-east-1" });
        const bad = await plugin.check(ENABLEMENT, {}, { resourceTypes: ["EC3"] });
        assert.equal(bad.failures.length, 1);
        assert.equal(bad.failures[0].property, "resourceTypes");
        assert.match(bad.failures[0].reason, /EC3/);
    });

    it("creates, diffs sets by member, updates, refreshes and deletes an enablement; messages attached to it", async () => {
        const news = { resourceTypes: ["EC2", "ECR"], accountIds: ["111122223333", "444455556666"] };
        const checked = await plugin.check(ENABLEMENT, {}, news);
        const created = await plugin.create(ENABLEMENT, checked.inputs);
        assert.match(created.id, /^inspector2:us-east-1:/);
        assert.equal(created.outs.enabledAccountCount, 2);
        const attached = plugin.messages.filter((message) => message.urn === ENABLEMENT);
        assert.ok(
            attached.some((message) => /2 of 2 accounts enabled/.test(message.message)),
            JSON.stringify(plugin.messages),
        );
        assert.deepEqual(
            plugin.messages.filter((message) => message.urn === ""),
            [],
        );

        const same = await plugin.diff(created.id, ENABLEMENT, created.outs, checked.inputs);
        assert.equal(same.changes, "none");

        const changed = await plugin.check(ENABLEMENT, checked.inputs, {
            resourceTypes: ["EC2", "LAMBDA"],
            accountIds: ["444455556666", "777788889999"],
        });
        const diff = await plugin.diff(created.id, ENABLEMENT, created.outs, changed.inputs);
        assert.equal(diff.changes, "some");
        assert.equal(diff.hasDetailedDiff, true);
        assert.deepEqual(diff.detailed, {
            "accountIds[0]": "delete",
            "accountIds[1]": "add",
            "resourceTypes[1]": "update",
        });
        assert.deepEqual(diff.diffs.sort(), ["accountIds", "resourceTypes"]);
        assert.deepEqual(diff.replaces, []);

        const updated = await plugin.update(created.id, ENABLEMENT, created.outs, changed.inputs);
        assert.deepEqual(updated.outs.managedAccountIds, ["444455556666", "777788889999"]);
        assert.deepEqual(updated.outs.managedResourceTypes, ["EC2", "LAMBDA"]);

        const refreshed = await plugin.read(created.id, ENABLEMENT, updated.outs, changed.inputs);
        assert.equal(refreshed.id, created.id);
        assert.equal(refreshed.props.enabledAccountCount, 2);
        assert.deepEqual(refreshed.inputs?.accountIds, ["444455556666", "777788889999"]);

        const regionChange = await plugin.diff(created.id, ENABLEMENT, updated.outs, {
            ...changed.inputs,
            region: "eu-west-1",
        });
        assert.deepEqual(regionChange.replaces, ["region"]);
        assert.equal(regionChange.detailed.region, "update-replace");

        await plugin.delete(created.id, ENABLEMENT, refreshed.props);
        const afterDelete = await plugin.read(created.id, ENABLEMENT, refreshed.props);
        assert.equal(afterDelete.props.enabledAccountCount, 0);
    });

    it("imports an enablement from <region>/<types>/<accounts>, recording only the inputs the ID gives", async () => {
        const urn = pluginUrn("InspectorEnablement", "adopted");
        const checked = await plugin.check(urn, {}, { resourceTypes: ["ECR"], accountIds: ["777788889999"] });
        await plugin.create(urn, checked.inputs);

        const imported = await plugin.read("us-east-1/ecr/777788889999", urn, {});
        assert.equal(imported.id, "us-east-1/ecr/777788889999");
        assert.deepEqual(imported.inputs, {
            region: "us-east-1",
            resourceTypes: ["ECR"],
            accountIds: ["777788889999"],
        });
        assert.equal(imported.props.enabledAccountCount, 1);
        // The program that then declares it sees no change.
        const declared = await plugin.check(urn, imported.inputs!, imported.inputs!);
        const diff = await plugin.diff(imported.id, urn, imported.props, declared.inputs);
        assert.equal(diff.changes, "none");

        await assert.rejects(
            plugin.read("us-east-1", urn, {}),
            /<region>\/<resource types>\[\/<account IDs>\]/,
        );
        await assert.rejects(
            plugin.read("us-east-1/EC3", urn, {}),
            /does not describe a valid resource.*EC3/,
        );
        await assert.rejects(
            plugin.read("run", pluginUrn("AssessmentRun", "run"), {}),
            /inspector:index:AssessmentRun cannot be imported/,
        );
        await plugin.delete(imported.id, urn, imported.props);
    });

    it("imports a findings gate from its inputs as JSON, evaluating it as a refresh does", async () => {
        const urn = pluginUrn("FindingsGate", "gate");
        const id = JSON.stringify({ accountIds: ["111122223333"], failOnSeverity: "critical" });
        const imported = await plugin.read(id, urn, {});
        assert.equal(imported.id, id);
        assert.deepEqual(imported.inputs, { accountIds: ["111122223333"], failOnSeverity: "CRITICAL" });
        assert.equal(typeof imported.props.passed, "boolean");
        assert.equal(typeof imported.props.verdict, "string");
        const declared = await plugin.check(urn, imported.inputs!, imported.inputs!);
        assert.equal((await plugin.diff(imported.id, urn, imported.props, declared.inputs)).changes, "none");
        await assert.rejects(
            plugin.read("gate", urn, {}),
            /is not a FindingsGate's: give the gate's inputs as a JSON object/,
        );
    });

    it("keeps secret inputs secret, and the outputs that reveal them, in results and messages", async () => {
        const urn = pluginUrn("InspectorEnablement", "hidden");
        const checked = await plugin.check(
            urn,
            {},
            { resourceTypes: ["EC2"], accountIds: secret(["444455556666"]) },
        );
        assert.equal(
            (checked.inputs.accountIds as Properties)[SECRET_SIG],
            "1b47061264138c4ac30d75fd1eb44270",
        );
        const before = plugin.messages.length;
        const created = await plugin.create(urn, checked.inputs);
        for (const key of ["accountIds", "statusGroups", "managedAccountIds", "notEnabledAccountIds"]) {
            assert.ok(SECRET_SIG in (created.outs[key] as Properties), `${key} is not secret`);
        }
        assert.equal(created.outs.enabledAccountCount, 1);
        const said = plugin.messages.slice(before).map((message) => message.message);
        assert.ok(said.length > 0);
        assert.doesNotMatch(said.join("\n"), /444455556666/);
        await plugin.delete(created.id, urn, created.outs);
    });

    it("records what was done when some accounts fail (ErrorResourceInitFailed with the ID and state)", async () => {
        const urn = pluginUrn("InspectorEnablement", "partly");
        const checked = await plugin.check(
            urn,
            {},
            { resourceTypes: ["EC2"], accountIds: ["123456789012", "444455556666"] },
        );
        const error = await plugin.create(urn, checked.inputs).then(
            () => assert.fail("create succeeded"),
            (caught: unknown) => caught,
        );
        assert.ok(error instanceof HostError, String(error));
        assert.match(error.message, /123456789012/);
        assert.match(error.initFailure?.id ?? "", /^inspector2:us-east-1:/);
        assert.deepEqual(error.initFailure?.properties.managedAccountIds, ["123456789012", "444455556666"]);
        assert.equal(error.initFailure?.properties.enabledAccountCount, 1);
        await plugin.delete(error.initFailure!.id, urn, error.initFailure!.properties);
    });

    it("refuses a resource type it does not serve", async () => {
        await assert.rejects(
            plugin.check(pluginUrn("Nothing", "x"), {}, {}),
            /inspector:index:Nothing is not a resource of this plugin/,
        );
    });
});
