import assert from "node:assert/strict";
import { createEnablement } from "../../provider/enablement/create";
import { deleteEnablement } from "../../provider/enablement/delete";
import {
    ADMIN,
    called,
    enablementInputs,
    executed,
    liveStatuses,
    organisationOf,
    Recorder,
    testUrn,
    useEmulator,
} from "./emulator-fixture";

const ORGANISATION = organisationOf(1000);

describe("enablement at scale (against the emulator)", () => {
    const fixture = useEmulator({ accounts: ORGANISATION.accounts });

    it("enables and disables 1,000 accounts in one resource, 100 per call, showing progress", async () => {
        const recorder = new Recorder();
        const inputs = enablementInputs({
            resourceTypes: ["EC2", "ECR"],
            accountIds: ORGANISATION.memberIds,
        });
        const { outs } = await createEnablement(inputs, recorder.report);

        assert.equal(outs.enabledAccountCount, 1000);
        assert.equal(outs.accounts.length, 1000);
        assert.deepEqual(
            outs.accounts.map((account) => account.accountId),
            ORGANISATION.memberIds,
        );
        // Inspector refuses more than 100 accounts per call, so success alone shows the chunking; the count
        // shows nothing was sent twice.
        assert.equal(executed(fixture.emulator, "Enable"), 10);
        assert.equal(recorder.messages[0], "scanning: enabling EC2, ECR on 1000 accounts in us-east-1");
        assert.equal(recorder.messages[1], "scanning: 0/1000 accounts enabled in us-east-1");
        assert.equal(recorder.messages.at(-1), "scanning: 1000/1000 accounts enabled in us-east-1");
        for (const message of recorder.messages.slice(1)) {
            assert.match(message, /^scanning: \d+\/1000 accounts enabled in us-east-1$/);
        }

        const reads = called(fixture.emulator, "BatchGetAccountStatus");
        const deletion = new Recorder();
        await deleteEnablement(outs, deletion.report, deletion.warn);
        assert.equal(executed(fixture.emulator, "Disable"), 10);
        assert.equal(deletion.messages.at(-1), "scanning: 1000/1000 accounts disabled in us-east-1");
        // One read of the calling account, then ten reads of 100 accounts per round.
        assert.equal((called(fixture.emulator, "BatchGetAccountStatus") - reads - 1) % 10, 0);
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
                    new Recorder().report,
                ),
                createEnablement(
                    enablementInputs({
                        resourceTypes: ["ECR", "LAMBDA"],
                        accountIds: members,
                        region,
                        resourceUrn: testUrn(`members-${region}`),
                    }),
                    new Recorder().report,
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
