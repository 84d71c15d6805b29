import assert from "node:assert/strict";
import type { CoveredResource } from "@aws-sdk/client-inspector2";
import { reportResource, scanStatusOf, type ScanStatus } from "../../provider/findings-gate/scan";
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
