import assert from "node:assert/strict";
import { accountStatuses } from "../../../provider/enablement/status-groups";
import type { OrganizationPolicySettings } from "../../../emulator";
import { PartialFailure } from "../../../provider/dynamic/partial-failure";
import { createEnablement, deleteEnablement, updateEnablement } from "../../../provider/enablement/lifecycle";
import type { EnablementOutputs } from "../../../provider/enablement/outputs";
import {
    ADMIN,
    called,
    enablementInputs,
    idOf,
    liveStatuses,
    MEMBER_A,
    MEMBER_B,
    useEmulator,
} from "../emulator-fixture";
import { testContext } from "../../support/test-context";

/**
 * Scan types an AWS Organizations Inspector policy manages (the emulator's `organizationPolicies`): Inspector
 * answers BLOCKED_BY_ORGANIZATION_POLICY, naming the policy, for them, while the call's other types go through.
 * Enabling such a type fails at once (never retried) and says which policy manages it; disabling leaves it as the
 * policy has it, with a warning, and the rest of the delete or update goes on.
 */

const POLICY = "p-ec2policy01";

function policy(state: "ENABLED" | "DISABLED", accountIds = [MEMBER_A]): OrganizationPolicySettings {
    return { policyId: POLICY, accountIds, resourceTypes: ["EC2"], state };
}

const blockedMessage = (accountId: string) =>
    `EC2 scanning of account ${accountId} is managed by AWS Organizations Inspector policy ${POLICY}`;

describe("enablement and AWS Organizations Inspector policies (against the emulator)", () => {
    const fixture = useEmulator();
    const withPolicies = (policies: OrganizationPolicySettings[]) =>
        fixture.emulator.admin.updateSettings({ organizationPolicies: policies });
    // The fixture puts back its own settings before each test; the policies are this file's.
    afterEach(() => withPolicies([]));

    /** Each call's operation and accounts, in order, for the calls that change something. */
    const changes = () =>
        fixture.emulator.admin
            .calls()
            .filter((call) => call.operation === "Enable" || call.operation === "Disable")
            .map((call) => call.operation);

    async function createFailing(overrides: Record<string, unknown>): Promise<PartialFailure> {
        try {
            await createEnablement(enablementInputs(overrides), testContext());
        } catch (error) {
            assert.ok(error instanceof PartialFailure, `expected a PartialFailure, got ${String(error)}`);
            return error;
        }
        assert.fail("create succeeded but a policy keeps EC2 disabled");
    }

    it("create: a type a policy keeps disabled fails at once, naming the policy; the other types are enabled", async () => {
        withPolicies([policy("DISABLED")]);
        const error = await createFailing({
            resourceTypes: ["EC2", "ECR"],
            accountIds: [ADMIN, MEMBER_A, MEMBER_B],
        });

        // One Enable for the calling account, one for the members: the refusal is not retried.
        assert.deepEqual(changes(), ["Enable", "Enable"]);
        assert.ok(error.message.includes(`could not enable Inspector on 1 of 3 accounts`), error.message);
        assert.deepEqual(error.reasons, [
            `${MEMBER_A}: BLOCKED_BY_ORGANIZATION_POLICY: ${blockedMessage(MEMBER_A)} (AWS Organizations ` +
                `Inspector policy ${POLICY} manages this scan type for the account, so Inspector refuses to change ` +
                "it; change the policy in AWS Organizations, or remove the type or the account from this resource)",
        ]);
        const outs = error.properties as unknown as EnablementOutputs;
        assert.deepEqual(
            outs.failedAccounts.map(({ accountId, errorCode }) => ({ accountId, errorCode })),
            [{ accountId: MEMBER_A, errorCode: "BLOCKED_BY_ORGANIZATION_POLICY" }],
        );
        // The member's other type was waited for like every other account's.
        const live = await liveStatuses([ADMIN, MEMBER_A, MEMBER_B]);
        assert.deepEqual(
            [ADMIN, MEMBER_A, MEMBER_B].map((id) => `${live[id].ec2}/${live[id].ecr}`),
            ["ENABLED/ENABLED", "DISABLED/ENABLED", "ENABLED/ENABLED"],
        );
        const reported = accountStatuses(outs.statusGroups).find(
            (account) => account.accountId === MEMBER_A,
        )!;
        assert.deepEqual([reported.resourceStatus.ec2, reported.resourceStatus.ecr], ["DISABLED", "ENABLED"]);
        assert.equal(outs.enabledAccountCount, 2);
    });

    it("create: a type a policy keeps enabled needs no call and is not an error", async () => {
        withPolicies([policy("ENABLED")]);
        const { outs } = await createEnablement(
            enablementInputs({ resourceTypes: ["EC2"], accountIds: [MEMBER_A] }),
            testContext(),
        );
        assert.deepEqual(changes(), []);
        assert.deepEqual(outs.failedAccounts, []);
        assert.equal(outs.enabledAccountCount, 1);
    });

    it("delete: a type a policy keeps enabled is left as it is, with a warning; the rest is disabled", async () => {
        withPolicies([policy("ENABLED")]);
        const { outs } = await createEnablement(
            enablementInputs({ resourceTypes: ["EC2", "ECR"], accountIds: [ADMIN, MEMBER_A] }),
            testContext(),
        );
        const before = changes().length;

        const context = testContext();
        await deleteEnablement(idOf(outs), outs, context);

        // Members first, then the calling account; the member's Disable is not sent again.
        assert.deepEqual(changes().slice(before), ["Disable", "Disable"]);
        assert.deepEqual(context.warnings, [
            `scanning: left EC2 of account ${MEMBER_A} as it is: AWS Organizations Inspector policy ${POLICY} ` +
                "manages it, so Inspector refuses to turn it off (BLOCKED_BY_ORGANIZATION_POLICY: " +
                `${blockedMessage(MEMBER_A)}); change the policy in AWS Organizations to turn it off`,
        ]);
        const live = await liveStatuses([ADMIN, MEMBER_A]);
        assert.deepEqual(
            [ADMIN, MEMBER_A].map((id) => `${live[id].ec2}/${live[id].ecr}`),
            ["DISABLED/DISABLED", "ENABLED/DISABLED"],
        );
        assert.equal(context.logs.at(-1), "scanning: 2 of 2 accounts disabled in us-east-1");
    });

    it("update: removing a type a policy manages leaves it with a warning and stops managing it", async () => {
        const { outs } = await createEnablement(
            enablementInputs({ resourceTypes: ["EC2", "ECR"], accountIds: [MEMBER_A, MEMBER_B] }),
            testContext(),
        );
        // The organisation takes EC2 of the first member over after the enablement was made.
        withPolicies([policy("ENABLED")]);
        const context = testContext();
        const { outs: updated } = await updateEnablement(
            idOf(outs),
            outs,
            enablementInputs({ resourceTypes: ["ECR"], accountIds: [MEMBER_A, MEMBER_B] }),
            context,
        );
        assert.equal(context.warnings.length, 1);
        assert.ok(context.warnings[0].startsWith(`scanning: left EC2 of account ${MEMBER_A} as it is`));
        assert.deepEqual(updated.managedResourceTypes, ["ECR"]);
        assert.deepEqual(updated.failedAccounts, []);
        const live = await liveStatuses([MEMBER_A, MEMBER_B]);
        assert.deepEqual([live[MEMBER_A].ec2, live[MEMBER_B].ec2], ["ENABLED", "DISABLED"]);
        assert.equal(called(fixture.emulator, "Disable"), 1);
    });
});
