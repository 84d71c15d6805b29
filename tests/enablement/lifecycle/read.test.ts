import assert from "node:assert/strict";
import { accountStatuses } from "../../../provider/enablement/status-groups";
import { diffEnablement } from "../../../provider/enablement/diff";
import { pickInputs } from "../../../provider/enablement/inputs";
import { createEnablement, readEnablement, updateEnablement } from "../../../provider/enablement/lifecycle";
import {
    accountsWith,
    ADMIN,
    called,
    DEFAULT_ACCOUNTS,
    disableOutside,
    enablementInputs,
    liveStatuses,
    MEMBER_A,
    MEMBER_B,
    MEMBER_C,
    MEMBERS,
    settle,
    useEmulator,
} from "../emulator-fixture";
import { testContext } from "../../support/test-context";

describe("enablement refresh and drift (against the emulator)", () => {
    const fixture = useEmulator();
    const inputs = enablementInputs({ resourceTypes: ["EC2", "ECR"], accountIds: [ADMIN, ...MEMBERS] });

    async function created() {
        return createEnablement(inputs, testContext());
    }

    it("finds nothing to do right after create, and after a refresh without drift", async () => {
        const { id, outs } = await created();
        assert.equal(diffEnablement(outs, { ...inputs }).changes, false);

        const calls = fixture.emulator.admin.calls().length;
        const refreshed = await readEnablement(id, outs, testContext());
        assert.equal(refreshed.id, id);
        assert.deepEqual(accountStatuses(refreshed.outs.statusGroups), accountStatuses(outs.statusGroups));
        assert.deepEqual(refreshed.inputs, pickInputs(outs));
        assert.equal(diffEnablement(refreshed.outs, { ...inputs }).changes, false);
        // Refresh reads only: one status call for four accounts, nothing else.
        assert.deepEqual(
            fixture.emulator.admin
                .calls()
                .slice(calls)
                .map((call) => call.operation),
            ["BatchGetAccountStatus"],
        );
    });

    it("shows a type disabled outside Pulumi, and the update enables just that again", async () => {
        const { id, outs } = await created();
        await disableOutside([MEMBER_B], ["ECR"]);
        await settle();

        const refreshed = await readEnablement(id, outs, testContext());
        const memberB = accountStatuses(refreshed.outs.statusGroups).find(
            (account) => account.accountId === MEMBER_B,
        );
        assert.equal(memberB?.resourceStatus.ecr, "DISABLED");
        assert.equal(refreshed.outs.enabledAccountCount, 3);
        // The stored inputs are unchanged, so the program's inputs against the live status show the drift.
        assert.deepEqual(refreshed.inputs, pickInputs(outs));
        const diff = diffEnablement(refreshed.outs, { ...inputs });
        assert.equal(diff.changes, true);
        assert.deepEqual(diff.replaces, []);

        const enables = called(fixture.emulator, "Enable");
        const { outs: repaired } = await updateEnablement(id, refreshed.outs, inputs, testContext());
        assert.equal(called(fixture.emulator, "Enable") - enables, 1);
        assert.equal(repaired.enabledAccountCount, 4);
        assert.equal(diffEnablement(repaired, { ...inputs }).changes, false);
        assert.equal((await liveStatuses([MEMBER_B]))[MEMBER_B].ecr, "ENABLED");
    });

    it("reports an account that left the organisation instead of failing", async () => {
        const { id, outs } = await created();
        fixture.emulator.admin.updateSettings({
            accounts: DEFAULT_ACCOUNTS.filter((account) => account.accountId !== MEMBER_A),
        });

        const refreshed = await readEnablement(id, outs, testContext());
        assert.deepEqual(
            accountStatuses(refreshed.outs.statusGroups).map((account) => account.accountId),
            [ADMIN, MEMBER_C, MEMBER_B],
        );
        assert.deepEqual(
            refreshed.outs.failedAccounts.map((account) => [account.accountId, account.errorCode]),
            [[MEMBER_A, "ACCESS_DENIED"]],
        );
        assert.equal(diffEnablement(refreshed.outs, { ...inputs }).changes, true);
    });

    it("reports an isolated account with its status and error", async () => {
        const { id, outs } = await created();
        fixture.emulator.admin.updateSettings({
            accounts: accountsWith({ [MEMBER_C]: { state: "isolated" } }),
        });

        const refreshed = await readEnablement(id, outs, testContext());
        const [failure] = refreshed.outs.failedAccounts;
        assert.equal(failure.accountId, MEMBER_C);
        assert.equal(failure.errorCode, "ACCOUNT_IS_ISOLATED");
        assert.equal(failure.resourceStatus?.ec2, "ENABLED");
    });

    it("reads 100 accounts per call, sorted by account ID whatever order Inspector answers in", async () => {
        const { id, outs } = await created();
        const many = Array.from({ length: 150 }, (_, i) => String(900_000_000_000 - i));
        const before = called(fixture.emulator, "BatchGetAccountStatus");
        const enables = called(fixture.emulator, "Enable");
        const refreshed = await readEnablement(
            id,
            { ...outs, managedAccountIds: [...many, ...outs.managedAccountIds] },
            testContext(),
        );
        assert.equal(called(fixture.emulator, "BatchGetAccountStatus") - before, 2);
        const ids = refreshed.outs.failedAccounts.map((account) => account.accountId);
        assert.deepEqual(ids, [...many].sort());
        assert.equal(called(fixture.emulator, "Enable"), enables);
    });
});
