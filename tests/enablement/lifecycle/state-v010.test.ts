import assert from "node:assert/strict";
import { diffEnablement } from "../../../provider/enablement/diff";
import {
    createEnablement,
    deleteEnablement,
    readEnablement,
    updateEnablement,
} from "../../../provider/enablement/lifecycle";
import type { AccountStatus } from "../../../provider/enablement/account-status";
import type { EnablementOutputs } from "../../../provider/enablement/outputs";
import { accountStatuses } from "../../../provider/enablement/status-groups";
import {
    ADMIN,
    called,
    disableOutside,
    enablementInputs,
    executed,
    idOf,
    liveStatuses,
    MEMBER_A,
    MEMBER_B,
    settle,
    useEmulator,
} from "../emulator-fixture";
import { testContext } from "../../support/test-context";

/**
 * State as version 0.1.0 wrote it, from the current outputs: a status record per account in `accounts`, no
 * `statusGroups` or `notEnabledAccountIds`.
 */
function asV010(outs: EnablementOutputs): EnablementOutputs {
    const stored: Record<string, unknown> = { ...outs, accounts: accountStatuses(outs.statusGroups) };
    delete stored.statusGroups;
    delete stored.notEnabledAccountIds;
    return stored as unknown as EnablementOutputs;
}

describe("enablement state written by 0.1.0 (against the emulator)", () => {
    const fixture = useEmulator();
    const inputs = enablementInputs({
        resourceTypes: ["EC2", "ECR"],
        accountIds: [ADMIN, MEMBER_A, MEMBER_B],
    });

    async function storedV010(): Promise<{ id: string; outs: EnablementOutputs; stored: EnablementOutputs }> {
        const { id, outs } = await createEnablement(inputs, testContext());
        return { id, outs, stored: asV010(outs) };
    }

    it("refreshes into status groups", async () => {
        const { id, outs, stored } = await storedV010();
        const refreshed = await readEnablement(id, stored, testContext());
        assert.equal("accounts" in refreshed.outs, false);
        assert.deepEqual(refreshed.outs.statusGroups, outs.statusGroups);
        assert.deepEqual(refreshed.outs.notEnabledAccountIds, []);
        assert.equal(refreshed.outs.enabledAccountCount, 3);
        assert.equal(diffEnablement(refreshed.outs, { ...inputs }).changes, false);
    });

    it("diffs as an update that rewrites it without calling Inspector", async () => {
        const { id, outs, stored } = await storedV010();
        assert.equal(diffEnablement(stored, { ...inputs }).changes, true);

        const calls = fixture.emulator.admin.calls().length;
        const { outs: rewritten } = await updateEnablement(id, stored, inputs, testContext());
        assert.equal(fixture.emulator.admin.calls().length, calls);
        assert.equal("accounts" in rewritten, false);
        assert.deepEqual(rewritten.statusGroups, outs.statusGroups);
        assert.equal(rewritten.enabledAccountCount, 3);
        assert.equal(diffEnablement(rewritten, { ...inputs }).changes, false);
    });

    it("shows drift its records show, and the update repairs just that", async () => {
        const { id, stored } = await storedV010();
        await disableOutside([MEMBER_B], ["ECR"]);
        await settle();
        // As a refresh by 0.1.0 recorded it.
        const { accounts } = stored as unknown as { accounts: AccountStatus[] };
        const drifted = {
            ...stored,
            accounts: accounts.map((account) =>
                account.accountId === MEMBER_B
                    ? { ...account, resourceStatus: { ...account.resourceStatus, ecr: "DISABLED" } }
                    : account,
            ),
        } as unknown as EnablementOutputs;
        assert.equal(diffEnablement(drifted, { ...inputs }).changes, true);

        const enables = executed(fixture.emulator, "Enable");
        const { outs } = await updateEnablement(id, drifted, inputs, testContext());
        assert.equal(executed(fixture.emulator, "Enable") - enables, 1);
        assert.deepEqual(outs.notEnabledAccountIds, []);
        assert.equal((await liveStatuses([MEMBER_B]))[MEMBER_B].ecr, "ENABLED");
    });

    it("updates to other accounts and destroys", async () => {
        const { stored } = await storedV010();
        const news = enablementInputs({ resourceTypes: ["EC2"], accountIds: [ADMIN, MEMBER_A] });
        const { outs } = await updateEnablement(idOf(stored), stored, news, testContext());
        assert.deepEqual(outs.managedAccountIds, [ADMIN, MEMBER_A]);
        assert.equal((await liveStatuses([MEMBER_B]))[MEMBER_B].ec2, "DISABLED");

        const disables = called(fixture.emulator, "Disable");
        await deleteEnablement(idOf(outs), asV010(outs), testContext());
        assert.ok(called(fixture.emulator, "Disable") > disables);
        const live = await liveStatuses([ADMIN, MEMBER_A]);
        assert.deepEqual([live[ADMIN].ec2, live[MEMBER_A].ec2], ["DISABLED", "DISABLED"]);
    });
});
