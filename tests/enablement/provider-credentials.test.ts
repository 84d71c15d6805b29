import assert from "node:assert/strict";
import { BatchGetAccountStatusCommand } from "@aws-sdk/client-inspector2";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { WAIT_POLICY_VARIABLE } from "../../provider/core/context";
import { ENABLEMENT_TYPE_TOKEN, enablementProvider } from "../../provider/enablement/resource";
import { inspector2Client, STANDALONE } from "../emulator/support/sdk-clients";
import {
    HostError,
    resourceUrn,
    serializeDynamicProvider,
    startDynamicProviderHost,
    withProvider,
    type DynamicProviderHost,
    type Properties,
} from "../support/dynamic-provider-host";
import { TEST_DELAYS } from "./emulator-fixture";

const ADMINISTRATOR = "111122223333";
const STANDALONE_ACCOUNT = "999988887777";
const ROLE_STANDALONE = `arn:aws:iam::${STANDALONE_ACCOUNT}:role/InspectorDeployer`;
const ROLE_ADMINISTRATOR = `arn:aws:iam::${ADMINISTRATOR}:role/InspectorDeployer`;
const REGION = "us-east-1";

/**
 * A resource's own `assumeRole`, as the engine runs the provider: the host's environment holds the delegated
 * administrator's keys, the resource assumes a role of the standalone account, and everything it does lands
 * there. Create and update use the new inputs' credentials, refresh and delete the recorded state's.
 */
describe("InspectorEnablement with its own credentials, through the provider host (emulator STS)", function () {
    this.timeout(60_000);
    let emulator: RunningEmulator;
    let host: DynamicProviderHost;
    let provider: string;
    const urn = resourceUrn("standalone-scanning", ENABLEMENT_TYPE_TOKEN);

    before(async () => {
        emulator = await startEmulator({ settings: { delays: TEST_DELAYS } });
        host = await startDynamicProviderHost({
            env: {
                ...emulator.env,
                [WAIT_POLICY_VARIABLE]: JSON.stringify({
                    initialPollMs: 10,
                    maxPollMs: 100,
                    retryDelayMs: 10,
                }),
            },
        });
        provider = await serializeDynamicProvider(enablementProvider);
        await host.configure({ "aws:region": REGION });
    });
    after(async () => {
        await host?.close();
        await emulator?.close();
    });

    const program = (props: Properties) =>
        withProvider(provider, { resourceTypes: ["EC2"], resourceUrn: urn, ...props });

    async function checked(props: Properties): Promise<Properties> {
        const { inputs, failures } = await host.check(urn, {}, program(props));
        assert.deepEqual(failures, []);
        return inputs;
    }

    /** The standalone account's EC2 scanning status, read with its own keys. */
    async function standaloneEc2(): Promise<string | undefined> {
        const client = inspector2Client(emulator, { credentials: STANDALONE });
        try {
            const answer = await client.send(
                new BatchGetAccountStatusCommand({ accountIds: [STANDALONE_ACCOUNT] }),
            );
            return answer.accounts?.[0]?.resourceState?.ec2?.status;
        } finally {
            client.destroy();
        }
    }

    const mutations = () => emulator.admin.mutations().map((mutation) => mutation.operation);
    const operations = (since: number) =>
        emulator.admin
            .calls()
            .slice(since)
            .map((call) => call.operation);

    it("creates, updates, refuses another account, refreshes and deletes as the role, keeping no secret", async () => {
        const role = { roleArn: ROLE_STANDALONE, sessionName: "scanner" };
        const inputs = await checked({ assumeRole: role });
        const { id, outs } = await host.create(urn, inputs);

        // The calling account is the role's, and scanning landed there.
        assert.equal(outs.callerAccountId, STANDALONE_ACCOUNT);
        assert.deepEqual(outs.managedAccountIds, [STANDALONE_ACCOUNT]);
        assert.deepEqual(outs.assumeRole, role);
        assert.equal(await standaloneEc2(), "ENABLED");
        const state = JSON.stringify(outs);
        for (const secret of [
            emulator.env.AWS_ACCESS_KEY_ID,
            emulator.env.AWS_SECRET_ACCESS_KEY,
            STANDALONE.accessKeyId,
            STANDALONE.secretAccessKey,
        ]) {
            assert.ok(!state.includes(secret), `the state holds ${secret}`);
        }
        assert.doesNotMatch(state, /ASIA[A-Z0-9]{16}|sessionToken|secretAccessKey/i);

        // Another session of the same role: an update in place that asks STS once and changes nothing else.
        const renamed = await checked({ assumeRole: { ...role, sessionName: "renamed" } });
        const diff = await host.diff(id, urn, outs, renamed);
        assert.deepEqual([diff.changes, diff.replaces], ["some", []]);
        assert.ok(!diff.stables.includes("callerAccountId"));
        let mark = emulator.admin.calls().length;
        const mutationMark = mutations().length;
        const updated = await host.update(id, urn, outs, renamed);
        assert.deepEqual(operations(mark), ["AssumeRole", "GetCallerIdentity"]);
        assert.deepEqual(mutations().slice(mutationMark), []);
        assert.deepEqual(updated.outs.assumeRole, { ...role, sessionName: "renamed" });
        assert.equal(updated.outs.callerAccountId, STANDALONE_ACCOUNT);

        // A role of another account, with the calling account meant: refused, and nothing done in Inspector.
        const elsewhere = await checked({ assumeRole: { roleArn: ROLE_ADMINISTRATOR } });
        mark = emulator.admin.calls().length;
        const refusal = await host.update(id, urn, updated.outs, elsewhere).then(
            () => assert.fail("the update should have been refused"),
            (error: unknown) => error,
        );
        assert.ok(refusal instanceof HostError);
        assert.ok(
            refusal.message.includes(
                `standalone-scanning: the credentials now belong to account ${ADMINISTRATOR} (the default ` +
                    "credential chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, the shared files, " +
                    `SSO, the container's or the instance's role), then role ${ROLE_ADMINISTRATOR} (the resource's ` +
                    `assumeRole)), but this InspectorEnablement scans the calling account ${STANDALONE_ACCOUNT}, the ` +
                    "one it was created from; nothing was changed.",
            ),
            refusal.message,
        );
        assert.deepEqual(operations(mark), ["AssumeRole", "GetCallerIdentity"]);
        assert.deepEqual(mutations().slice(mutationMark), []);

        // Refresh and delete use the recorded role: the standalone account is read and disabled.
        const refreshed = await host.read(id, urn, updated.outs, renamed);
        assert.equal(refreshed.props.enabledAccountCount, 1);
        await host.delete(id, urn, refreshed.props);
        assert.equal(await standaloneEc2(), "DISABLED");
    });
});
