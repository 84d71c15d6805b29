import assert from "node:assert/strict";
import { accountStatuses } from "../../provider/enablement/status-groups";
import { createEnablement, deleteEnablement } from "../../provider/enablement/lifecycle";
import { testContext } from "../support/test-context";
import {
    ADMIN,
    called,
    enablementInputs,
    executed,
    idOf,
    liveStatuses,
    MEMBERS,
    organisationOf,
    testUrn,
    useEmulator,
} from "./emulator-fixture";

// Converging many accounts, and through throttling and server errors: the converge loop end to end.

/** Throttling answers without a Retry-After pause, so storms cost retries, not seconds. */
function storm(kind: "throttle" | "internal" | "unavailable" | "drop", probability: number) {
    return { operation: "*", kind, probability, value: 0 } as const;
}

describe("enablement under throttling and server errors (against the emulator)", () => {
    const fixture = useEmulator({ seed: 7 });

    it("finishes through throttling", async () => {
        // One throttled Enable is enough to see it through: after a throttle the shared clients' adaptive rate
        // limiter slows every call down for a while (as it should in production), which costs seconds here.
        fixture.emulator.admin.updateSettings({
            faults: [{ operation: "Enable", kind: "throttle", count: 1, value: 0 }],
        });
        const { outs } = await createEnablement(
            enablementInputs({ resourceTypes: ["EC2", "ECR"], accountIds: [ADMIN, ...MEMBERS] }),
            testContext(),
        );
        assert.equal(outs.enabledAccountCount, 4);
        const throttled = fixture.emulator.admin
            .calls()
            .filter((call) => call.errorCode === "ThrottlingException");
        assert.equal(throttled.length, 1);
    });

    it("finishes through 5xx answers and dropped connections", async () => {
        fixture.emulator.admin.updateSettings({
            faults: [storm("internal", 0.25), storm("unavailable", 0.15), storm("drop", 0.1)],
        });
        const { outs } = await createEnablement(
            enablementInputs({ resourceTypes: ["LAMBDA"], accountIds: MEMBERS }),
            testContext(),
        );
        assert.equal(outs.enabledAccountCount, 3);
        const statuses = fixture.emulator.admin.calls().map((call) => call.status);
        assert.ok(statuses.filter((status) => status >= 500).length >= 2, "the storm hit nothing");
    });

    it("never acts twice on a retried Enable: the SDK repeats the call's token", async () => {
        // Every Enable is dropped once before Inspector sees it, then retried by the SDK with the same token.
        fixture.emulator.admin.updateSettings({ faults: [{ operation: "Enable", kind: "drop", count: 1 }] });
        await createEnablement(
            enablementInputs({ resourceTypes: ["EC2"], accountIds: MEMBERS }),
            testContext(),
        );
        assert.equal(executed(fixture.emulator, "Enable"), 1);
    });
});

const ORGANISATION = organisationOf(1000);

describe("enablement at scale (against the emulator)", () => {
    const fixture = useEmulator({ accounts: ORGANISATION.accounts });

    it("enables and disables 1,000 accounts in one resource, 100 per call, showing progress", async () => {
        const context = testContext();
        const inputs = enablementInputs({
            resourceTypes: ["EC2", "ECR"],
            accountIds: ORGANISATION.memberIds,
        });
        const { outs } = await createEnablement(inputs, context);

        assert.equal(outs.enabledAccountCount, 1000);
        assert.equal(accountStatuses(outs.statusGroups).length, 1000);
        assert.deepEqual(
            accountStatuses(outs.statusGroups).map((account) => account.accountId),
            ORGANISATION.memberIds,
        );
        // Inspector refuses more than 100 accounts per call, so success alone shows the chunking; the count
        // shows nothing was sent twice.
        assert.equal(executed(fixture.emulator, "Enable"), 10);
        assert.equal(context.logs[0], "scanning: enabling EC2, ECR on 1000 accounts in us-east-1");
        assert.equal(context.logs[1], "scanning: 0/1000 accounts enabled in us-east-1");
        assert.equal(context.logs.at(-1), "scanning: 1000/1000 accounts enabled in us-east-1");
        for (const message of context.logs.slice(1)) {
            assert.match(message, /^scanning: \d+\/1000 accounts enabled in us-east-1$/);
        }

        const reads = called(fixture.emulator, "BatchGetAccountStatus");
        const identities = called(fixture.emulator, "GetCallerIdentity");
        const deletion = testContext();
        await deleteEnablement(idOf(outs), outs, deletion);
        assert.equal(executed(fixture.emulator, "Disable"), 10);
        assert.equal(deletion.logs.at(-1), "scanning: 1000/1000 accounts disabled in us-east-1");
        // The calling account from STS, then ten reads of 100 accounts per round.
        assert.equal(called(fixture.emulator, "GetCallerIdentity") - identities, 1);
        assert.equal((called(fixture.emulator, "BatchGetAccountStatus") - reads) % 10, 0);
        const sample = await liveStatuses(ORGANISATION.memberIds.slice(0, 100));
        assert.ok(
            Object.values(sample).every((status) => status.ec2 === "DISABLED" && status.ecr === "DISABLED"),
        );
    });

    it("runs 20 enablements at once across regions and account sets, through throttling", async () => {
        const regions = [
            "us-east-1",
            "us-east-2",
            "us-west-1",
            "us-west-2",
            "eu-west-1",
            "eu-west-2",
            "eu-central-1",
            "ap-southeast-1",
            "ap-northeast-1",
            "ca-central-1",
        ];
        // A burst of throttling at the start, as twenty resources starting together would meet.
        fixture.emulator.admin.updateSettings({
            faults: [{ operation: "*", kind: "throttle", count: 3, value: 0 }],
        });
        const members = ORGANISATION.memberIds.slice(0, 150);
        const results = await Promise.all(
            regions.flatMap((region) => [
                createEnablement(
                    enablementInputs({
                        resourceTypes: ["EC2"],
                        region,
                        resourceUrn: testUrn(`admin-${region}`),
                    }),
                    testContext(),
                ),
                createEnablement(
                    enablementInputs({
                        resourceTypes: ["ECR", "LAMBDA"],
                        accountIds: members,
                        region,
                        resourceUrn: testUrn(`members-${region}`),
                    }),
                    testContext(),
                ),
            ]),
        );

        assert.equal(results.length, 20);
        assert.deepEqual(
            results.map(({ outs }) => outs.enabledAccountCount),
            regions.flatMap(() => [1, 150]),
        );
        assert.equal(
            fixture.emulator.admin.calls().filter((call) => call.errorCode === "ThrottlingException").length,
            3,
        );
        for (const region of ["us-west-2", "ca-central-1"]) {
            const live = await liveStatuses([ADMIN, members[149]], region);
            assert.equal(live[ADMIN].ec2, "ENABLED");
            assert.equal(live[members[149]].lambda, "ENABLED");
        }
    });
});
