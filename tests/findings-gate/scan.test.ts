import assert from "node:assert/strict";
import type { CoveredResource } from "@aws-sdk/client-inspector2";
import { type AwsClients, sharedClients } from "../../provider/aws/clients";
import { DEFAULT_WAIT_POLICY, SCAN_POLLING } from "../../provider/core/context";
import {
    reportResource,
    scanStatusOf,
    type ScanStatus,
    waitForScans,
} from "../../provider/findings-gate/scan";
import { fakeClock, type FakeClock } from "../support/fake-clock";
import type { ResourceSubject } from "../../provider/findings-gate/subjects";

const DIGEST = `sha256:${"a".repeat(64)}`;
const IMAGE_ARN = `arn:aws:ecr:us-east-1:111122223333:repository/shop/${DIGEST}`;
const SCANNED_AT = new Date("2026-03-15T11:00:00Z");

function covered(
    statusCode: string,
    reason: string,
    lastScannedAt?: Date,
    resourceId = IMAGE_ARN,
): CoveredResource {
    return {
        resourceType: "AWS_ECR_CONTAINER_IMAGE",
        resourceId,
        accountId: "111122223333",
        scanType: "PACKAGE",
        scanStatus: { statusCode, reason },
        ...(lastScannedAt ? { lastScannedAt } : {}),
    } as CoveredResource;
}

describe("FindingsGate scan status", () => {
    const cases: { record: CoveredResource; status: ScanStatus }[] = [
        { record: covered("ACTIVE", "SUCCESSFUL", SCANNED_AT), status: "SCANNED" },
        { record: covered("ACTIVE", "SCAN_FREQUENCY_SCAN_ON_PUSH", SCANNED_AT), status: "SCANNED" },
        { record: covered("ACTIVE", "PENDING_INITIAL_SCAN"), status: "PENDING" },
        { record: covered("ACTIVE", "SCAN_IN_PROGRESS", SCANNED_AT), status: "PENDING" },
        { record: covered("ACTIVE", "SUCCESSFUL"), status: "PENDING" },
        { record: covered("INACTIVE", "UNSUPPORTED_OS"), status: "UNSUPPORTED" },
        { record: covered("INACTIVE", "UNSUPPORTED_RUNTIME"), status: "UNSUPPORTED" },
        { record: covered("INACTIVE", "IMAGE_SIZE_EXCEEDED"), status: "UNSUPPORTED" },
        { record: covered("INACTIVE", "EXCLUDED_BY_TAG"), status: "NOT_COVERED" },
        { record: covered("INACTIVE", "SCAN_ELIGIBILITY_EXPIRED", SCANNED_AT), status: "NOT_COVERED" },
    ];
    for (const { record, status } of cases) {
        const scan = record.scanStatus!;
        it(`${scan.statusCode} ${scan.reason}${record.lastScannedAt ? " (scanned)" : ""}: ${status}`, () =>
            assert.equal(scanStatusOf(record), status));
    }

    const image: ResourceSubject = { kind: "image", repositoryName: "shop", imageDigest: DIGEST };

    it("reports the covered resource with Inspector's reason and the last scan", () => {
        assert.deepEqual(reportResource(image, [covered("ACTIVE", "SUCCESSFUL", SCANNED_AT)], "us-east-1"), {
            resourceId: IMAGE_ARN,
            resourceType: "AWS_ECR_CONTAINER_IMAGE",
            status: "SCANNED",
            reason: "SUCCESSFUL",
            lastScannedAt: "2026-03-15T11:00:00.000Z",
        });
    });

    it("reports a resource missing from the coverage as not covered, saying what to check", () => {
        assert.deepEqual(reportResource({ ...image, accountId: "111122223333" }, [], "us-east-1"), {
            resourceId: IMAGE_ARN,
            resourceType: "AWS_ECR_CONTAINER_IMAGE",
            status: "NOT_COVERED",
            reason:
                "not in Inspector's coverage: ECR scanning is not enabled for its account in us-east-1, or it " +
                "does not exist",
        });
        assert.equal(
            reportResource({ kind: "lambdaFunction", functionName: "checkout" }, [], "us-east-1").resourceId,
            "checkout",
        );
    });

    it("lets the least advanced record speak when several accounts hold the same image", () => {
        const other = IMAGE_ARN.replace("111122223333", "444455556666");
        const report = reportResource(
            image,
            [
                covered("ACTIVE", "SUCCESSFUL", SCANNED_AT),
                covered("ACTIVE", "PENDING_INITIAL_SCAN", undefined, other),
            ],
            "us-east-1",
        );
        assert.equal(report.status, "PENDING");
        assert.equal(report.resourceId, other);
    });
});

describe("FindingsGate scan wait on the poll schedule (fake clock)", () => {
    const image: ResourceSubject = { kind: "image", repositoryName: "shop", imageDigest: DIGEST };

    /** An Inspector client whose image is pending until the clock reaches `scannedAt`, then scanned. */
    function imageScannedAt(scannedAt: number) {
        const reads: number[] = [];
        const client = {
            send: async () => {
                reads.push(clock.now);
                const done = clock.now >= scannedAt;
                return {
                    coveredResources: [
                        done
                            ? covered("ACTIVE", "SUCCESSFUL", new Date(scannedAt))
                            : covered("ACTIVE", "PENDING_INITIAL_SCAN"),
                    ],
                };
            },
        };
        const clock: FakeClock = fakeClock({
            policy: DEFAULT_WAIT_POLICY,
            clients: { ...sharedClients, inspector2: () => client } as unknown as AwsClients,
        });
        return { clock, reads };
    }

    for (const scannedAt of [2_000, 20_000, 120_000]) {
        it(`notices a scan finished ${scannedAt / 1000} s into the wait within max(2 s, 15 %)`, async () => {
            const { clock, reads } = imageScannedAt(scannedAt);
            const wait = await waitForScans({ context: clock.context, region: "us-east-1" }, [image], "gate");
            assert.equal(wait.timedOut, false);
            assert.equal(wait.resources[0].status, "SCANNED");
            const reaction = reads.at(-1)! - scannedAt;
            const bound = Math.max(SCAN_POLLING.floorMs, SCAN_POLLING.fraction * scannedAt);
            assert.ok(reaction >= 0 && reaction <= bound, `noticed ${reaction} ms after the scan`);
            assert.ok(reads.slice(0, -1).every((at) => at < scannedAt));
        });
    }
});
