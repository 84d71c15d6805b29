import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
    EnableCommand,
    ListCoverageCommand,
    ListFindingAggregationsCommand,
    ListFindingsCommand,
} from "@aws-sdk/client-inspector2";
import { startEmulator, type RunningEmulator } from "../../../../emulator";
import { SEEDED_IMAGE_HASH } from "../../../../emulator/settings/default-scan-resources";
import { inspector2Client } from "../../support/sdk-clients";
import { ManualClock } from "../inspector2-harness";

const IMAGE = `arn:aws:ecr:us-east-1:111122223333:repository/shop/${SEEDED_IMAGE_HASH}`;
const FUNCTION = "arn:aws:lambda:us-east-1:111122223333:function:checkout";
/** The default ENABLING delay and scan delay. */
const SETTLED_MS = 200 + 500;

describe("the emulator's default scan resources", () => {
    let emulator: RunningEmulator | undefined;
    let directory: string | undefined;
    afterEach(async () => {
        await emulator?.close();
        if (directory) rmSync(directory, { recursive: true, force: true });
        emulator = directory = undefined;
    });

    async function enabledAndScanned(clock: ManualClock, stateFile?: string): Promise<RunningEmulator> {
        emulator = await startEmulator({ now: clock.now, stateFile });
        await inspector2Client(emulator).send(new EnableCommand({ resourceTypes: ["ECR", "LAMBDA", "EC2"] }));
        clock.advance(SETTLED_MS);
        return emulator;
    }

    it("answers the documented findings: one CRITICAL, three HIGH, one MEDIUM", async () => {
        const client = inspector2Client(await enabledAndScanned(new ManualClock()));
        const { findings } = await client.send(
            new ListFindingsCommand({ sortCriteria: { field: "SEVERITY", sortOrder: "DESC" } }),
        );
        assert.deepEqual(
            findings?.map((finding) => [
                finding.severity,
                finding.packageVulnerabilityDetails?.vulnerabilityId,
                finding.resources?.[0].id,
                finding.fixAvailable,
                finding.exploitAvailable,
            ]),
            [
                ["CRITICAL", "CVE-2023-38545", IMAGE, "YES", "YES"],
                ["HIGH", "CVE-2024-21538", FUNCTION, "YES", "NO"],
                ["HIGH", "CVE-2023-44487", IMAGE, "YES", "NO"],
                ["HIGH", "CVE-2023-4911", IMAGE, "YES", "NO"],
                ["MEDIUM", "CVE-2023-4039", IMAGE, "NO", "NO"],
            ],
        );
        const { responses } = await client.send(
            new ListFindingAggregationsCommand({ aggregationType: "ACCOUNT" }),
        );
        assert.deepEqual(responses?.[0].accountAggregation?.severityCounts, {
            all: 5,
            critical: 1,
            high: 3,
            medium: 1,
        });
    });

    it("covers the image and the function, and the instance as unsupported", async () => {
        const client = inspector2Client(await enabledAndScanned(new ManualClock()));
        const { coveredResources } = await client.send(new ListCoverageCommand({}));
        assert.deepEqual(
            coveredResources?.map((resource) => [resource.resourceId, resource.scanStatus?.reason]),
            [
                ["i-0abcd1234ef567890", "UNSUPPORTED_OS"],
                [IMAGE, "SUCCESSFUL"],
                [FUNCTION, "SUCCESSFUL"],
            ],
        );
    });

    it("keeps resources scanned across a restart from the state file", async () => {
        directory = mkdtempSync(join(tmpdir(), "inspector-emulator-scans-"));
        const stateFile = join(directory, "state.json");
        const clock = new ManualClock();
        const first = await enabledAndScanned(clock, stateFile);
        const before = await inspector2Client(first).send(new ListFindingsCommand({}));
        await first.close();
        clock.advance(60_000);
        emulator = await startEmulator({ now: clock.now, stateFile });
        const after = await inspector2Client(emulator).send(new ListFindingsCommand({}));
        assert.equal(after.findings?.length, 5);
        assert.deepEqual(
            after.findings?.map((finding) => [finding.findingArn, finding.firstObservedAt?.getTime()]),
            before.findings?.map((finding) => [finding.findingArn, finding.firstObservedAt?.getTime()]),
        );
    });
});
