import assert from "node:assert/strict";
import { accountStatuses } from "../../../provider/enablement/status-groups";
import { PartialFailure } from "../../../provider/dynamic/partial-failure";
import { diffEnablement } from "../../../provider/enablement/diff";
import type { EnablementOutputs } from "../../../provider/enablement/outputs";
import { createEnablement, updateEnablement } from "../../../provider/enablement/lifecycle";
import {
    accountsWith,
    ADMIN,
    enablementInputs,
    executed,
    liveStatuses,
    MEMBER_A,
    MEMBER_B,
    MEMBER_C,
    idOf,
    useEmulator,
} from "../emulator-fixture";
import { testContext } from "../../support/test-context";

type Inputs = ReturnType<typeof enablementInputs>;

describe("enablement update (against the emulator)", () => {
    const fixture = useEmulator();

    async function created(overrides: Record<string, unknown>): Promise<EnablementOutputs> {
        return (await createEnablement(enablementInputs(overrides), testContext())).outs;
    }

    async function updated(olds: EnablementOutputs, news: Inputs): Promise<EnablementOutputs> {
        const { outs } = await updateEnablement(idOf(olds), olds, news, testContext());
        assert.equal(diffEnablement(outs, { ...news }).changes, false, "the update left something to do");
        return outs;
    }

    /** `{ account: "ec2/ecr/lambda" }` as Inspector reports it now. */
    async function live(accountIds: string[]): Promise<Record<string, string>> {
        const statuses = await liveStatuses(accountIds);
        return Object.fromEntries(
            accountIds.map((id) => [id, `${statuses[id].ec2}/${statuses[id].ecr}/${statuses[id].lambda}`]),
        );
    }

    it("adds a type on every account", async () => {
        const olds = await created({ resourceTypes: ["EC2"], accountIds: [MEMBER_A, MEMBER_B] });
        const outs = await updated(
            olds,
            enablementInputs({ resourceTypes: ["EC2", "LAMBDA"], accountIds: [MEMBER_A, MEMBER_B] }),
        );
        assert.deepEqual(outs.managedResourceTypes, ["EC2", "LAMBDA"]);
        assert.deepEqual(await live([MEMBER_A, MEMBER_B]), {
            [MEMBER_A]: "ENABLED/DISABLED/ENABLED",
            [MEMBER_B]: "ENABLED/DISABLED/ENABLED",
        });
        assert.equal(outs.createdAt, olds.createdAt);
    });

    it("removes a type: disabled on the remaining accounts, the others untouched", async () => {
        const olds = await created({ resourceTypes: ["EC2", "ECR"], accountIds: [MEMBER_A, MEMBER_B] });
        const outs = await updated(
            olds,
            enablementInputs({ resourceTypes: ["EC2"], accountIds: [MEMBER_A, MEMBER_B] }),
        );
        assert.deepEqual(outs.managedResourceTypes, ["EC2"]);
        assert.deepEqual(await live([MEMBER_A, MEMBER_B]), {
            [MEMBER_A]: "ENABLED/DISABLED/DISABLED",
            [MEMBER_B]: "ENABLED/DISABLED/DISABLED",
        });
    });

    it("adds and removes accounts: every managed type is disabled on a removed account", async () => {
        const olds = await created({ resourceTypes: ["EC2", "ECR"], accountIds: [MEMBER_A, MEMBER_B] });
        const outs = await updated(
            olds,
            enablementInputs({ resourceTypes: ["EC2", "ECR"], accountIds: [MEMBER_B, MEMBER_C] }),
        );
        assert.deepEqual(outs.managedAccountIds, [MEMBER_C, MEMBER_B]);
        assert.deepEqual(await live([MEMBER_A, MEMBER_B, MEMBER_C]), {
            [MEMBER_A]: "DISABLED/DISABLED/DISABLED",
            [MEMBER_B]: "ENABLED/ENABLED/DISABLED",
            [MEMBER_C]: "ENABLED/ENABLED/DISABLED",
        });
    });

    it("switches from the calling account to a list that includes it", async () => {
        const olds = await created({ resourceTypes: ["EC2"] });
        const outs = await updated(
            olds,
            enablementInputs({ resourceTypes: ["EC2"], accountIds: [ADMIN, MEMBER_A] }),
        );
        assert.deepEqual(outs.managedAccountIds, [ADMIN, MEMBER_A]);
        assert.deepEqual(await live([ADMIN, MEMBER_A]), {
            [ADMIN]: "ENABLED/DISABLED/DISABLED",
            [MEMBER_A]: "ENABLED/DISABLED/DISABLED",
        });
    });

    it("records new wait settings and token without any call to Inspector", async () => {
        const olds = await created({ resourceTypes: ["EC2"], accountIds: [MEMBER_A] });
        const calls = fixture.emulator.admin.calls().length;
        const news = enablementInputs({
            resourceTypes: ["EC2"],
            accountIds: [MEMBER_A],
            clientToken: "release-2",
            waitTimeoutSeconds: 60,
            waitForEnabled: false,
        });
        assert.equal(diffEnablement(olds, { ...news }).changes, true);

        const outs = await updated(olds, news);
        assert.equal(fixture.emulator.admin.calls().length, calls);
        assert.equal(outs.clientToken, "release-2");
        assert.equal(outs.waitTimeoutSeconds, 60);
        assert.equal(outs.waitForEnabled, false);
        assert.deepEqual(accountStatuses(outs.statusGroups), accountStatuses(olds.statusGroups));
        assert.equal(outs.createdAt, olds.createdAt);
    });

    it("finishes a create that failed in part, doing only what is missing", async () => {
        fixture.emulator.admin.updateSettings({
            accounts: accountsWith({ [MEMBER_B]: { state: "isolated" } }),
        });
        const inputs = enablementInputs({ resourceTypes: ["EC2"], accountIds: [MEMBER_A, MEMBER_B] });
        let partial: EnablementOutputs | undefined;
        try {
            await createEnablement(inputs, testContext());
        } catch (error) {
            assert.ok(error instanceof PartialFailure);
            partial = error.properties as unknown as EnablementOutputs;
        }
        assert.ok(partial);
        assert.equal(diffEnablement(partial, { ...inputs }).changes, true);

        fixture.emulator.admin.updateSettings({ accounts: accountsWith({}) });
        const enables = executed(fixture.emulator, "Enable");
        const outs = await updated(partial, inputs);
        assert.equal(executed(fixture.emulator, "Enable") - enables, 1);
        assert.equal(outs.enabledAccountCount, 2);
    });

    it("keeps a removed account managed while its Disable fails, so a later update finishes it", async () => {
        const olds = await created({ resourceTypes: ["EC2"], accountIds: [MEMBER_A, MEMBER_B] });
        fixture.emulator.admin.updateSettings({
            accounts: accountsWith({
                [MEMBER_B]: { failures: [{ errorCode: "RESOURCE_SCAN_NOT_DISABLED", times: 1 }] },
            }),
        });
        const news = enablementInputs({ resourceTypes: ["EC2"], accountIds: [MEMBER_A] });
        let partial: EnablementOutputs | undefined;
        try {
            await updateEnablement(idOf(olds), olds, news, testContext());
        } catch (error) {
            assert.ok(error instanceof PartialFailure);
            assert.match(
                error.message,
                /^scanning: could not update Inspector on 1 of 2 accounts in us-east-1:/,
            );
            partial = error.properties as unknown as EnablementOutputs;
        }
        assert.ok(partial);
        assert.deepEqual(partial.managedAccountIds, [MEMBER_A, MEMBER_B]);
        assert.deepEqual(partial.accountIds, [MEMBER_A]);
        assert.equal(diffEnablement(partial, { ...news }).changes, true);

        const outs = await updated(partial, news);
        assert.deepEqual(outs.managedAccountIds, [MEMBER_A]);
        assert.deepEqual(await live([MEMBER_B]), { [MEMBER_B]: "DISABLED/DISABLED/DISABLED" });
    });

    it("does not wait for removals when waiting is off", async () => {
        const olds = await created({ resourceTypes: ["EC2", "ECR"], accountIds: [MEMBER_A] });
        fixture.emulator.admin.updateSettings({ delays: { disablingMs: 60_000 } });
        const outs = await updated(
            olds,
            enablementInputs({ resourceTypes: ["EC2"], accountIds: [MEMBER_A], waitForEnabled: false }),
        );
        assert.equal(accountStatuses(outs.statusGroups)[0].resourceStatus.ecr, "DISABLING");
        assert.deepEqual(outs.managedResourceTypes, ["EC2"]);
    });
});
