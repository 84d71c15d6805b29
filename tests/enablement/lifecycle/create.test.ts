import assert from "node:assert/strict";
import { accountStatuses } from "../../../provider/enablement/status-groups";
import { EnableCommand } from "@aws-sdk/client-inspector2";
import { inspector2Client, resetClients } from "../../../provider/aws/clients";
import { PartialFailure } from "../../../provider/dynamic/partial-failure";
import { createEnablement } from "../../../provider/enablement/lifecycle";
import type { EnablementOutputs } from "../../../provider/enablement/outputs";
import { chunkToken, enablementId, operationToken } from "../../../provider/enablement/token";
import {
    accountsWith,
    ADMIN,
    called,
    disableOutside,
    enablementInputs,
    enableOutside,
    executed,
    liveStatuses,
    MEMBER_A,
    MEMBER_B,
    MEMBER_C,
    MEMBERS,
    REGION,
    settle,
    testUrn,
    useEmulator,
} from "../emulator-fixture";
import { testContext } from "../../support/test-context";

const ENABLED_BOTH = { status: "ENABLED", resourceStatus: { ec2: "ENABLED", ecr: "ENABLED" } };

/** The per-account statuses of outputs, for short assertions. */
function typeStatuses(outs: EnablementOutputs): Record<string, string> {
    return Object.fromEntries(
        accountStatuses(outs.statusGroups).map((account) => [
            account.accountId,
            `${account.resourceStatus.ec2}/${account.resourceStatus.ecr}`,
        ]),
    );
}

/** Runs create and returns the PartialFailure it must throw. */
async function createFailing(inputs: ReturnType<typeof enablementInputs>) {
    try {
        await createEnablement(inputs, testContext());
    } catch (error) {
        assert.ok(error instanceof PartialFailure, `expected a PartialFailure, got ${String(error)}`);
        return error;
    }
    assert.fail("create succeeded but should have failed in part");
}

describe("enablement create (against the emulator)", () => {
    const fixture = useEmulator();

    it("enables the calling account when accountIds is left out, and waits until ENABLED", async () => {
        const context = testContext();
        const inputs = enablementInputs({ resourceTypes: ["ECR", "EC2"] });
        const { id, outs } = await createEnablement(inputs, context);

        assert.equal(id, enablementId(REGION, testUrn("scanning")));
        assert.equal(outs.callerAccountId, ADMIN);
        assert.deepEqual(outs.managedAccountIds, [ADMIN]);
        assert.deepEqual(outs.managedResourceTypes, ["EC2", "ECR"]);
        assert.equal(outs.accountIds, undefined);
        assert.deepEqual(accountStatuses(outs.statusGroups), [
            {
                accountId: ADMIN,
                status: "ENABLED",
                resourceStatus: {
                    ec2: "ENABLED",
                    ecr: "ENABLED",
                    lambda: "DISABLED",
                    lambdaCode: "DISABLED",
                    codeRepository: "DISABLED",
                },
            },
        ]);
        assert.deepEqual(outs.failedAccounts, []);
        assert.equal(outs.enabledAccountCount, 1);
        assert.equal(outs.region, REGION);
        assert.equal(outs.clientToken, inputs.clientToken);
        assert.ok(Date.parse(outs.createdAt) <= Date.parse(outs.updatedAt));
        assert.equal(executed(fixture.emulator, "Enable"), 1);
        assert.deepEqual(context.logs[0], "scanning: enabling EC2, ECR on 1 account in us-east-1");
        assert.equal(context.logs.at(-1), "scanning: 1 of 1 account enabled in us-east-1");
    });

    it("mixes the administrator with its members: the administrator in a call of its own, first", async () => {
        const inputs = enablementInputs({
            resourceTypes: ["EC2", "ECR"],
            accountIds: [MEMBER_B, ADMIN, ...MEMBERS],
        });
        const { outs } = await createEnablement(inputs, testContext());

        assert.deepEqual(outs.managedAccountIds, [ADMIN, MEMBER_C, MEMBER_A, MEMBER_B]);
        assert.deepEqual(
            accountStatuses(outs.statusGroups).map((account) => account.accountId),
            [ADMIN, MEMBER_C, MEMBER_A, MEMBER_B],
        );
        for (const account of accountStatuses(outs.statusGroups)) {
            assert.deepEqual(
                { status: account.status, ec2: account.resourceStatus.ec2, ecr: account.resourceStatus.ecr },
                {
                    status: ENABLED_BOTH.status,
                    ...ENABLED_BOTH.resourceStatus,
                },
            );
        }
        assert.equal(outs.enabledAccountCount, 4);
        assert.equal(executed(fixture.emulator, "Enable"), 2);
    });

    it("adopts an existing enablement without an Enable call", async () => {
        await enableOutside([ADMIN, MEMBER_A], ["EC2", "ECR"]);
        await settle();
        const before = executed(fixture.emulator, "Enable");

        const { outs } = await createEnablement(
            enablementInputs({ resourceTypes: ["EC2", "ECR"], accountIds: [ADMIN, MEMBER_A] }),
            testContext(),
        );

        assert.equal(executed(fixture.emulator, "Enable"), before);
        assert.deepEqual(typeStatuses(outs), { [ADMIN]: "ENABLED/ENABLED", [MEMBER_A]: "ENABLED/ENABLED" });
    });

    it("adopts in part: only the accounts and types still missing are enabled", async () => {
        await enableOutside([MEMBER_A], ["EC2", "ECR"]);
        await enableOutside([MEMBER_B], ["EC2"]);
        await settle();
        const before = executed(fixture.emulator, "Enable");

        await createEnablement(
            enablementInputs({ resourceTypes: ["EC2", "ECR"], accountIds: [MEMBER_A, MEMBER_B, MEMBER_C] }),
            testContext(),
        );

        // One call for MEMBER_B (ECR only) and one for MEMBER_C (both types); none for MEMBER_A.
        assert.equal(executed(fixture.emulator, "Enable") - before, 2);
        assert.deepEqual(await liveStatuses([MEMBER_A, MEMBER_B, MEMBER_C]), {
            [MEMBER_A]: expectedTypes("ENABLED", "ENABLED"),
            [MEMBER_B]: expectedTypes("ENABLED", "ENABLED"),
            [MEMBER_C]: expectedTypes("ENABLED", "ENABLED"),
        });
    });

    it("sends the same token when run again, and re-sends with a fresh one when the answer was a replay", async () => {
        const inputs = enablementInputs({ resourceTypes: ["EC2"], accountIds: [MEMBER_A] });
        await createEnablement(inputs, testContext());
        assert.equal(executed(fixture.emulator, "Enable"), 1);

        // Destroyed outside Pulumi, then created again with the same inputs: the first Enable repeats the token
        // of the first create, so Inspector replays its old answer; the provider sees no effect and re-sends.
        await disableOutside([MEMBER_A], ["EC2"]);
        await settle();
        const enableCalls = called(fixture.emulator, "Enable");
        const { outs } = await createEnablement(inputs, testContext());

        assert.equal(called(fixture.emulator, "Enable") - enableCalls, 2);
        assert.equal(executed(fixture.emulator, "Enable"), 2);
        assert.deepEqual(typeStatuses(outs), { [MEMBER_A]: "ENABLED/DISABLED" });
    });

    it("retries temporary account failures with back-off and succeeds", async () => {
        fixture.emulator.admin.updateSettings({
            accounts: accountsWith({
                [MEMBER_A]: { failures: [{ errorCode: "SSM_THROTTLED", times: 2 }] },
                [MEMBER_B]: {
                    failures: [
                        { errorCode: "EVENTBRIDGE_UNAVAILABLE", times: 1 },
                        { errorCode: "INTERNAL_ERROR", times: 1 },
                    ],
                },
                [MEMBER_C]: { failures: [{ errorCode: "ACCESS_DENIED", times: 1 }] },
            }),
        });
        const { outs } = await createEnablement(
            enablementInputs({ resourceTypes: ["EC2", "ECR"], accountIds: MEMBERS }),
            testContext(),
        );

        assert.deepEqual(outs.failedAccounts, []);
        assert.equal(outs.enabledAccountCount, 3);
    });

    it("records a permanent failure as a partial state with what succeeded, and says why", async () => {
        fixture.emulator.admin.updateSettings({
            accounts: accountsWith({
                [MEMBER_B]: { state: "isolated" },
                [MEMBER_C]: { failures: [{ errorCode: "BLOCKED_BY_ORGANIZATION_POLICY", times: 1 }] },
            }),
        });
        const inputs = enablementInputs({ resourceTypes: ["EC2"], accountIds: [ADMIN, ...MEMBERS] });
        const failure = await createFailing(inputs);

        assert.equal(failure.id, enablementId(REGION, testUrn("scanning")));
        const outs = failure.properties as unknown as EnablementOutputs;
        assert.deepEqual(outs.managedAccountIds, [ADMIN, MEMBER_C, MEMBER_A, MEMBER_B]);
        assert.deepEqual(
            outs.failedAccounts.map((account) => [account.accountId, account.errorCode]),
            [
                [MEMBER_C, "BLOCKED_BY_ORGANIZATION_POLICY"],
                [MEMBER_B, "ACCOUNT_IS_ISOLATED"],
            ],
        );
        assert.equal(outs.enabledAccountCount, 2);
        assert.deepEqual(failure.reasons, [
            `${MEMBER_C}: BLOCKED_BY_ORGANIZATION_POLICY: Injected failure BLOCKED_BY_ORGANIZATION_POLICY for account ` +
                `${MEMBER_C} (attempt 1 of 1 planned failures). (an AWS Organizations Inspector policy manages this ` +
                "scan type for the account, so Inspector refuses to change it; change the policy in AWS Organizations, " +
                "or remove the type or the account from this resource)",
            `${MEMBER_B}: ACCOUNT_IS_ISOLATED: Account ${MEMBER_B} is isolated, so Inspector cannot act on it. (AWS has ` +
                "isolated this account; resolve it with AWS Support or remove it from accountIds)",
        ]);
        assert.equal(
            failure.message,
            [
                "scanning: could not enable Inspector on 2 of 4 accounts in us-east-1:",
                ...failure.reasons.map((reason) => `  - ${reason}`),
                "What succeeded is recorded in the stack's state; the next pulumi up does only what is missing.",
            ].join("\n"),
        );
    });

    it("gives up on ACCESS_DENIED after a few retries (an account outside the organisation)", async () => {
        const failure = await createFailing(
            enablementInputs({ resourceTypes: ["EC2"], accountIds: [MEMBER_A, "999988887777"] }),
        );
        const outs = failure.properties as unknown as EnablementOutputs;
        assert.deepEqual(
            outs.failedAccounts.map((account) => [account.accountId, account.errorCode]),
            [["999988887777", "ACCESS_DENIED"]],
        );
        assert.deepEqual(typeStatuses(outs), { [MEMBER_A]: "ENABLED/DISABLED" });
    });

    it("reports a suspended member at once, without retrying", async () => {
        fixture.emulator.admin.updateSettings({
            accounts: accountsWith({ [MEMBER_A]: { state: "suspended" } }),
        });
        const enableCalls = called(fixture.emulator, "Enable");
        const failure = await createFailing(
            enablementInputs({ resourceTypes: ["EC2"], accountIds: [MEMBER_A] }),
        );

        assert.equal(called(fixture.emulator, "Enable") - enableCalls, 1);
        assert.match(
            failure.reasons[0],
            /^444455556666: ACCESS_DENIED: .*\(the account is suspended; remove it from accountIds\)$/,
        );
    });

    it("stops at the timeout with a partial state of what Inspector reports, not a guess", async () => {
        fixture.emulator.admin.updateSettings({
            delays: { overrides: [{ resourceType: "ECR", enablingMs: 60_000 }] },
        });
        const failure = await createFailing(
            enablementInputs({
                resourceTypes: ["EC2", "ECR"],
                accountIds: [MEMBER_A, MEMBER_B],
                waitTimeoutSeconds: 1,
            }),
        );
        const outs = failure.properties as unknown as EnablementOutputs;
        assert.deepEqual(typeStatuses(outs), {
            [MEMBER_A]: "ENABLED/ENABLING",
            [MEMBER_B]: "ENABLED/ENABLING",
        });
        assert.deepEqual(outs.failedAccounts, []);
        assert.equal(outs.enabledAccountCount, 0);
        assert.deepEqual(failure.reasons, [
            `2 of 2 accounts were still enabling when waitTimeoutSeconds (1) ran out: ${MEMBER_A}, ${MEMBER_B}; run ` +
                "pulumi up again to continue, or raise waitTimeoutSeconds",
        ]);
    });

    it("does not wait when waitForEnabled is false", async () => {
        fixture.emulator.admin.updateSettings({ delays: { enablingMs: 60_000 } });
        const { outs } = await createEnablement(
            enablementInputs({ resourceTypes: ["EC2"], accountIds: [MEMBER_A], waitForEnabled: false }),
            testContext(),
        );
        assert.deepEqual(typeStatuses(outs), { [MEMBER_A]: "ENABLING/DISABLED" });
        assert.equal(outs.enabledAccountCount, 0);
    });

    it("fails with the reason and creates nothing when the credentials are refused", async () => {
        const saved = process.env.AWS_ACCESS_KEY_ID;
        process.env.AWS_ACCESS_KEY_ID = "AKIDUNKNOWNEXAMPLE00";
        resetClients();
        try {
            await assert.rejects(
                createEnablement(enablementInputs({ resourceTypes: ["EC2"] }), testContext()),
                (error: Error) => {
                    assert.ok(!(error instanceof PartialFailure));
                    assert.match(
                        error.message,
                        /^STS GetCallerIdentity failed in us-east-1: InvalidClientTokenId: .* \(the AWS credentials from the default credential chain .* were missing or refused: set the stack's aws:profile, or aws:accessKey and aws:secretKey \(as secrets\), or configure the default credential chain/,
                    );
                    return true;
                },
            );
        } finally {
            process.env.AWS_ACCESS_KEY_ID = saved;
            resetClients();
        }
        assert.equal(called(fixture.emulator, "Enable"), 0);
    });

    it("keeps what succeeded when a call then fails as a whole", async () => {
        // Someone used the token of the members' Enable for another request: Inspector refuses the members' call
        // (a ValidationException, not worth retrying) after the administrator's own call went through.
        const inputs = enablementInputs({ resourceTypes: ["EC2"], accountIds: [ADMIN, ...MEMBERS] });
        const operation = operationToken(inputs.clientToken, {
            kind: "create",
            region: REGION,
            to: { accountIds: [ADMIN, ...MEMBERS], resourceTypes: ["EC2"] },
        });
        const membersToken = chunkToken(operation, { accountIds: MEMBERS, resourceTypes: ["EC2"] }, 1);
        await inspector2Client(REGION).send(
            new EnableCommand({ accountIds: [MEMBER_A], resourceTypes: ["ECR"], clientToken: membersToken }),
        );
        await settle();

        const failure = await createFailing(inputs);
        const outs = failure.properties as unknown as EnablementOutputs;
        // The administrator's status as Inspector answered its Enable; the members' as last read.
        assert.deepEqual(typeStatuses(outs), {
            [ADMIN]: "ENABLING/DISABLED",
            [MEMBER_C]: "DISABLED/DISABLED",
            [MEMBER_A]: "DISABLED/ENABLED",
            [MEMBER_B]: "DISABLED/DISABLED",
        });
        assert.equal(failure.reasons.length, 1);
        assert.match(
            failure.reasons[0],
            /^stopped early: Inspector Enable failed in us-east-1: ValidationException: clientToken 'pulumi-[0-9a-f]{40}' was already used/,
        );
        assert.match(failure.message, /^scanning: did not finish enabling Inspector in us-east-1:\n/);
    });

    it("acts in the region asked for only", async () => {
        await createEnablement(
            enablementInputs({ resourceTypes: ["LAMBDA"], accountIds: [MEMBER_A], region: "eu-west-1" }),
            testContext(),
        );
        assert.equal((await liveStatuses([MEMBER_A], "eu-west-1"))[MEMBER_A].lambda, "ENABLED");
        assert.equal((await liveStatuses([MEMBER_A]))[MEMBER_A].lambda, "DISABLED");
    });
});

function expectedTypes(ec2: string, ecr: string): Record<string, string> {
    return { ec2, ecr, lambda: "DISABLED", lambdaCode: "DISABLED", codeRepository: "DISABLED" };
}
