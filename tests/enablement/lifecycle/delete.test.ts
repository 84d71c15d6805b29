import assert from "node:assert/strict";
import { createEnablement, deleteEnablement } from "../../../provider/enablement/lifecycle";
import type { EnablementOutputs } from "../../../provider/enablement/outputs";
import {
    accountsWith,
    ADMIN,
    called,
    DEFAULT_ACCOUNTS,
    disableOutside,
    enablementInputs,
    enableOutside,
    idOf,
    liveStatuses,
    MEMBER_A,
    MEMBER_B,
    MEMBER_C,
    MEMBERS,
    settle,
    useEmulator,
} from "../emulator-fixture";
import { testContext } from "../../support/test-context";

describe("enablement delete (against the emulator)", () => {
    const fixture = useEmulator();

    async function created(overrides: Record<string, unknown>): Promise<EnablementOutputs> {
        return (await createEnablement(enablementInputs(overrides), testContext())).outs;
    }

    it("disables only its own types on its own accounts, and waits until DISABLED", async () => {
        await enableOutside([MEMBER_A, MEMBER_C], ["LAMBDA"]);
        const outs = await created({
            resourceTypes: ["EC2", "ECR"],
            accountIds: [ADMIN, MEMBER_A, MEMBER_B],
        });
        const context = testContext();
        await deleteEnablement(idOf(outs), outs, context);

        const live = await liveStatuses([ADMIN, ...MEMBERS]);
        for (const accountId of [ADMIN, MEMBER_A, MEMBER_B]) {
            assert.deepEqual([live[accountId].ec2, live[accountId].ecr], ["DISABLED", "DISABLED"], accountId);
        }
        assert.equal(live[MEMBER_A].lambda, "ENABLED");
        assert.equal(live[MEMBER_C].lambda, "ENABLED");
        assert.deepEqual(context.warnings, []);
        assert.equal(context.logs[0], "scanning: disabling EC2, ECR on 3 accounts in us-east-1");
        assert.equal(context.logs.at(-1), "scanning: 3 of 3 accounts disabled in us-east-1");
    });

    it("turns off the calling account when accountIds was left out", async () => {
        const outs = await created({ resourceTypes: ["EC2"] });
        await deleteEnablement(idOf(outs), outs, testContext());
        assert.equal((await liveStatuses([ADMIN]))[ADMIN].ec2, "DISABLED");
    });

    it("sends nothing for accounts already disabled", async () => {
        const outs = await created({ resourceTypes: ["EC2"], accountIds: [MEMBER_A, MEMBER_B] });
        await disableOutside([MEMBER_A, MEMBER_B], ["EC2"]);
        await settle();
        const disables = called(fixture.emulator, "Disable");
        await deleteEnablement(idOf(outs), outs, testContext());
        assert.equal(called(fixture.emulator, "Disable"), disables);
    });

    it("leaves accounts that are gone or suspended alone, with a warning, and still disables the rest", async () => {
        const outs = await created({ resourceTypes: ["EC2"], accountIds: [ADMIN, ...MEMBERS] });
        fixture.emulator.admin.updateSettings({
            accounts: accountsWith({
                [MEMBER_B]: { state: "suspended" },
                [MEMBER_C]: { state: "isolated" },
            }).filter((account) => account.accountId !== MEMBER_A),
        });
        const context = testContext();
        await deleteEnablement(idOf(outs), outs, context);

        assert.equal((await liveStatuses([ADMIN]))[ADMIN].ec2, "DISABLED");
        assert.equal(context.warnings.length, 2);
        assert.match(
            context.warnings[0],
            /^scanning: left account 123456789012 alone, out of reach: ACCOUNT_IS_ISOLATED: /,
        );
        assert.match(
            context.warnings[1],
            /^scanning: left account 444455556666 alone, out of reach: ACCESS_DENIED: /,
        );
    });

    it("fails at the timeout naming the accounts still disabling, so the resource stays in state", async () => {
        const outs = await created({ resourceTypes: ["EC2"], accountIds: [MEMBER_A], waitTimeoutSeconds: 1 });
        fixture.emulator.admin.updateSettings({ delays: { disablingMs: 60_000 } });
        await assert.rejects(deleteEnablement(idOf(outs), outs, testContext()), {
            message: [
                "scanning: did not finish disabling Inspector in us-east-1:",
                `  - 1 of 1 account was still disabling when waitTimeoutSeconds (1) ran out: ${MEMBER_A}; run ` +
                    "pulumi up again to continue, or raise waitTimeoutSeconds",
                "The resource stays in the stack's state; run pulumi destroy (or up) again to finish.",
            ].join("\n"),
        });
    });

    // An Organizations policy's refusal (BLOCKED_BY_ORGANIZATION_POLICY) is no longer one: it is left alone with a
    // warning (organization-policies.test.ts).
    it("fails on a permanent refusal, naming the account and what to do", async () => {
        const outs = await created({ resourceTypes: ["EC2"], accountIds: [MEMBER_A, MEMBER_B] });
        fixture.emulator.admin.updateSettings({
            accounts: DEFAULT_ACCOUNTS.map((account) =>
                account.accountId === MEMBER_B
                    ? { ...account, failures: [{ errorCode: "RESOURCE_SCAN_NOT_DISABLED", times: 1 }] }
                    : account,
            ),
        });
        await assert.rejects(deleteEnablement(idOf(outs), outs, testContext()), (error: Error) => {
            assert.match(
                error.message,
                /^scanning: could not disable Inspector on 1 of 2 accounts in us-east-1:\n/,
            );
            assert.match(
                error.message,
                / {2}- 777788889999: RESOURCE_SCAN_NOT_DISABLED: .*\(a scan that must be off first/,
            );
            return true;
        });
        assert.equal((await liveStatuses([MEMBER_A]))[MEMBER_A].ec2, "DISABLED");
    });
});
