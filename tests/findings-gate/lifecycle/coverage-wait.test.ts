import assert from "node:assert/strict";
import { EnableCommand } from "@aws-sdk/client-inspector2";
import { inspector2Client } from "../../../provider/aws/clients";
import { PartialFailure } from "../../../provider/dynamic/partial-failure";
import { createGate } from "../../../provider/findings-gate/lifecycle";
import type { ScanResourceSettings } from "../../../emulator/settings/settings";
import {
    ACCOUNT,
    DIGEST,
    enableScanning,
    GATE_RESOURCES,
    gateInputs,
    IMAGE_ARN,
    IMAGE_URI,
    recordingContext,
    REGION,
    SCAN_MS,
    type SentRequest,
    useGateEmulator,
} from "../emulator-fixture";

const IMAGE = GATE_RESOURCES[0];
/** Passes over the image's CRITICAL finding, counting it: a count of 1 shows it was read once the image was scanned. */
const LENIENT = { thresholds: { critical: 5 } } as const;

const equals = (value: string) => ({ comparison: "EQUALS", value });

function inputsOf(requests: readonly SentRequest[], operation: string): Record<string, unknown>[] {
    return requests.filter((request) => request.operation === operation).map((request) => request.input);
}

/** The image, pushed `ms` from now by the emulator's clock (the real one). */
function pushedIn(ms: number): ScanResourceSettings {
    return { ...IMAGE, pushedAt: new Date(Date.now() + ms).toISOString() };
}

/** Runs a create with a recording Inspector client; returns its outcome (outputs or failure) and the requests. */
async function create(args: Record<string, unknown>, during?: (requests: SentRequest[]) => Promise<void>) {
    const { context, requests, close } = recordingContext();
    try {
        const running = createGate(gateInputs(args), context).then(
            ({ outs }) => ({ outs, failure: undefined }),
            (failure: unknown) => ({ outs: undefined, failure }),
        );
        await during?.(requests);
        return { ...(await running), context, requests };
    } finally {
        close();
    }
}

describe("FindingsGate waiting for resources not in Inspector's coverage yet, against the emulator", () => {
    const fixture = useGateEmulator();

    it("waits for an image pushed after the wait began while ECR scanning is ENABLED, then judges it", async () => {
        await enableScanning(["ECR"]);
        const appearsIn = 300;
        fixture.emulator.admin.updateSettings({ scanResources: [pushedIn(appearsIn)] });
        const started = Date.now();
        const { outs, failure, context, requests } = await create({ images: [IMAGE_URI], ...LENIENT });
        assert.equal(failure, undefined);
        assert.ok(
            Date.now() - started >= appearsIn + SCAN_MS,
            "the gate waited until it appeared and was scanned",
        );
        assert.equal(outs?.passed, true);
        assert.deepEqual(outs?.findingCounts, { critical: 1 });
        assert.deepEqual(
            outs?.resources.map((resource) => [resource.resourceId, resource.status, resource.reason]),
            [[IMAGE_ARN, "SCANNED", "SUCCESSFUL"]],
        );
        assert.deepEqual(context.logs.slice(0, 2), [
            "release-gate: waiting for Inspector to scan 1 of 1 resource: " +
                `${IMAGE_ARN} (not in Inspector's coverage yet (ECR scanning is ENABLED for account ${ACCOUNT} in ` +
                `${REGION}))`,
            `release-gate: waiting for Inspector to scan 1 of 1 resource: ${IMAGE_ARN} (PENDING_INITIAL_SCAN)`,
        ]);
        // The first read, polls while it was missing, polls while it was pending, the read that found it scanned:
        // every one asks about the image only. Its account's status was read once, when it was first missing.
        const coverage = inputsOf(requests, "ListCoverage");
        assert.ok(coverage.length >= 4, `${coverage.length} ListCoverage calls: the wait polled`);
        for (const input of coverage) {
            assert.deepEqual(input.filterCriteria, { resourceId: [equals(IMAGE_ARN)] });
        }
        assert.deepEqual(inputsOf(requests, "BatchGetAccountStatus"), [{ accountIds: [ACCOUNT] }]);
        assert.deepEqual(context.warnings, []);
    });

    it("waits for an image added to Inspector's coverage mid-wait (settings changed while polling)", async () => {
        await enableScanning(["ECR"]);
        fixture.emulator.admin.updateSettings({ scanResources: [] });
        let missingPolls = 0;
        const { outs, failure, requests } = await create(
            { images: [IMAGE_URI], ...LENIENT },
            async (sent) => {
                const giveUp = Date.now() + 5_000;
                while (inputsOf(sent, "ListCoverage").length < 3 && Date.now() < giveUp) {
                    await new Promise((resolve) => setTimeout(resolve, 5));
                }
                missingPolls = inputsOf(sent, "ListCoverage").length;
                fixture.emulator.admin.updateSettings({ scanResources: [IMAGE] });
            },
        );
        assert.equal(failure, undefined);
        assert.equal(outs?.passed, true);
        assert.deepEqual(outs?.findingCounts, { critical: 1 });
        assert.equal(outs?.resources[0].status, "SCANNED");
        const coverage = inputsOf(requests, "ListCoverage").length;
        assert.ok(missingPolls >= 3, `${missingPolls} ListCoverage calls while the image was missing`);
        assert.ok(
            coverage > missingPolls,
            `${coverage - missingPolls} ListCoverage calls after it was added`,
        );
        assert.equal(inputsOf(requests, "BatchGetAccountStatus").length, 1);
        assert.equal(inputsOf(requests, "ListFindings").length, 1, "findings are read once, after the wait");
    });

    it("waits while ECR scanning is ENABLING (enabled in the same up), until the image is covered and scanned", async () => {
        fixture.emulator.admin.updateSettings({ delays: { enablingMs: 200 } });
        await inspector2Client(REGION).send(
            new EnableCommand({ accountIds: [ACCOUNT], resourceTypes: ["ECR"] }),
        );
        const { outs, failure, context, requests } = await create({ images: [IMAGE_URI], ...LENIENT });
        assert.equal(failure, undefined);
        assert.equal(outs?.passed, true);
        assert.equal(outs?.resources[0].status, "SCANNED");
        assert.equal(
            context.logs[0],
            "release-gate: waiting for Inspector to scan 1 of 1 resource: " +
                `${IMAGE_ARN} (not in Inspector's coverage yet (ECR scanning is ENABLING for account ${ACCOUNT} in ` +
                `${REGION}))`,
        );
        assert.ok(inputsOf(requests, "ListCoverage").length >= 3);
        assert.equal(inputsOf(requests, "BatchGetAccountStatus").length, 1);
    });

    it("reports an image whose type is DISABLED for its account NOT_COVERED at once, saying so, and does not wait", async () => {
        await enableScanning(["LAMBDA"]);
        const { outs, failure, context, requests } = await create({ images: [IMAGE_URI], ...LENIENT });
        assert.equal(failure, undefined);
        const reason =
            `ECR scanning is not enabled for account ${ACCOUNT} in ${REGION}: enable it (InspectorEnablement) or ` +
            "remove the image from images";
        assert.deepEqual(outs?.resources, [
            { resourceId: IMAGE_ARN, resourceType: "AWS_ECR_CONTAINER_IMAGE", status: "NOT_COVERED", reason },
        ]);
        assert.deepEqual(
            requests.map((request) => request.operation),
            ["ListCoverage", "BatchGetAccountStatus", "ListFindings"],
        );
        assert.deepEqual(inputsOf(requests, "BatchGetAccountStatus"), [{ accountIds: [ACCOUNT] }]);
        assert.deepEqual(context.warnings, [
            "release-gate: Inspector does not scan 1 of the gated resources, so they have no findings: " +
                `${IMAGE_ARN} (NOT_COVERED: ${reason})`,
        ]);
        assert.ok(!context.logs.some((line) => line.includes("waiting for Inspector")));
    });

    it("asks once about the named accounts and the caller's, for subjects with and without an account", async () => {
        await enableScanning(["ECR"]);
        fixture.emulator.admin.updateSettings({ scanResources: [] });
        const other = "999988887777";
        const otherImage = `${other}.dkr.ecr.${REGION}.amazonaws.com/shop@${DIGEST}`;
        const { outs, requests } = await create({
            images: [otherImage],
            lambdaFunctions: ["checkout"],
            ...LENIENT,
        });
        assert.deepEqual(inputsOf(requests, "BatchGetAccountStatus"), [{ accountIds: [ACCOUNT, other] }]);
        assert.deepEqual(
            outs?.resources.map((resource) => [resource.status, resource.reason]),
            [
                [
                    "NOT_COVERED",
                    "not in Inspector's coverage, and Inspector reported no status for account 999988887777 in " +
                        `${REGION} (ACCESS_DENIED: Account ${ACCOUNT} may not manage account ${other}: an account ` +
                        "manages itself, and only the delegated administrator manages the member accounts of its " +
                        "organisation.), so whether ECR scanning is enabled there is not known: enable it " +
                        "(InspectorEnablement) or remove the image from images",
                ],
                [
                    "NOT_COVERED",
                    `LAMBDA scanning is not enabled for account ${ACCOUNT} in ${REGION}: enable it ` +
                        "(InspectorEnablement) or remove the function from lambdaFunctions",
                ],
            ],
        );
        const sts = fixture.emulator.admin.calls().filter((call) => call.service === "sts");
        assert.deepEqual(
            sts.map((call) => call.operation),
            ["GetCallerIdentity"],
        );
    });

    it("fails when waiting runs out with an enabled type's image still missing, saying it never appeared", async () => {
        await enableScanning(["ECR"]);
        fixture.emulator.admin.updateSettings({ scanResources: [pushedIn(3_600_000)] });
        const { failure, requests } = await create({
            images: [IMAGE_URI],
            ...LENIENT,
            waitTimeoutSeconds: 1,
        });
        assert.ok(failure instanceof PartialFailure);
        const reason =
            `never appeared in Inspector's coverage, although ECR scanning is ENABLED for account ${ACCOUNT} in ` +
            REGION;
        assert.equal(
            failure.message.split("\n")[0],
            'FindingsGate "release-gate" in us-east-1 failed over 1 image: Inspector had not finished scanning 1 of ' +
                `1 resource after waitTimeoutSeconds (1 s): ${IMAGE_ARN} (PENDING: ${reason})`,
        );
        assert.match(
            failure.message,
            /\nThe next pulumi up waits for the scans again; raise waitTimeoutSeconds/,
        );
        assert.equal(failure.properties.passed, false);
        assert.deepEqual(failure.properties.resources, [
            { resourceId: IMAGE_ARN, resourceType: "AWS_ECR_CONTAINER_IMAGE", status: "PENDING", reason },
        ]);
        assert.ok(inputsOf(requests, "ListCoverage").length > 2, "the wait polled");
        assert.equal(inputsOf(requests, "BatchGetAccountStatus").length, 1);
    });
});
