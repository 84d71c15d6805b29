import assert from "node:assert/strict";
import { runOutputs } from "../../provider/assessment-run/outputs";

describe("AssessmentRun outputs from DescribeAssessmentRuns", () => {
    const base = {
        arn: "arn:aws:inspector:us-west-2:123456789012:target/0-a/template/0-b/run/0-c",
        name: "release-42",
        assessmentTemplateArn: "arn:aws:inspector:us-west-2:123456789012:target/0-a/template/0-b",
        state: "COMPLETED" as const,
        durationInSeconds: 3600,
        rulesPackageArns: ["arn:aws:inspector:us-west-2:758058086616:rulespackage/0-9hgA516p"],
        userAttributesForFindings: [],
        createdAt: new Date("2026-01-02T03:04:05.000Z"),
        startedAt: new Date("2026-01-02T03:04:06.000Z"),
        completedAt: new Date("2026-01-02T04:10:00.000Z"),
        stateChangedAt: new Date("2026-01-02T04:10:00.000Z"),
        dataCollected: true,
        stateChanges: [],
        notifications: [],
        findingCounts: { High: 1, Low: 2 },
    };

    it("keeps what users care about, timestamps as ISO text and every severity", () => {
        assert.deepEqual(runOutputs(base), {
            assessmentRunArn: base.arn,
            state: "COMPLETED",
            stateChangedAt: "2026-01-02T04:10:00.000Z",
            createdAt: "2026-01-02T03:04:05.000Z",
            startedAt: "2026-01-02T03:04:06.000Z",
            completedAt: "2026-01-02T04:10:00.000Z",
            dataCollected: true,
            durationInSeconds: 3600,
            rulesPackageArns: base.rulesPackageArns,
            findingCounts: { High: 1, Medium: 0, Low: 2, Informational: 0, Undefined: 0 },
        });
    });

    it("leaves out the timestamps a run in progress does not have (the wire has no undefined)", () => {
        const outputs = runOutputs({
            ...base,
            state: "COLLECTING_DATA",
            startedAt: undefined,
            completedAt: undefined,
        });
        assert.ok(!("startedAt" in outputs));
        assert.ok(!("completedAt" in outputs));
    });
});
