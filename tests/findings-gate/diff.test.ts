import assert from "node:assert/strict";
import { UNKNOWN } from "../../provider/dynamic/check";
import { diffFindingsGate } from "../../provider/findings-gate/diff";
import type { FindingsGateOutputs } from "../../provider/findings-gate/outputs";

const INPUTS = {
    images: [`111122223333.dkr.ecr.us-east-1.amazonaws.com/shop@sha256:${"a".repeat(64)}`],
    failOnSeverity: "HIGH",
    onlyFixAvailable: false,
    onlyExploitAvailable: false,
    waitForScan: true,
    waitTimeoutSeconds: 900,
    region: "us-east-1",
    resourceUrn: "urn:pulumi:prod::shop::pulumi-nodejs:dynamic/inspector:FindingsGate::release-gate",
};
const PASSED = {
    ...INPUTS,
    findingCounts: { critical: 0, high: 0 },
    worstFindings: [],
    resources: [],
    ignoredFindings: [],
    passed: true,
    verdict: "passed",
    evaluatedAt: "2026-03-15T12:00:00.000Z",
} as unknown as FindingsGateOutputs;

describe("FindingsGate diff", () => {
    const cases: {
        title: string;
        olds: Partial<FindingsGateOutputs>;
        news: Record<string, unknown>;
        changes: boolean;
    }[] = [
        { title: "same inputs, recorded gate passed: no change", olds: PASSED, news: INPUTS, changes: false },
        {
            title: "same inputs, recorded gate failed: evaluate again",
            olds: { ...PASSED, passed: false },
            news: INPUTS,
            changes: true,
        },
        {
            title: "no evaluation recorded (an interrupted create): evaluate again",
            olds: { ...INPUTS } as Partial<FindingsGateOutputs>,
            news: INPUTS,
            changes: true,
        },
        {
            title: "a new image digest",
            olds: PASSED,
            news: {
                ...INPUTS,
                images: [`111122223333.dkr.ecr.us-east-1.amazonaws.com/shop@sha256:${"b".repeat(64)}`],
            },
            changes: true,
        },
        {
            title: "a rule changed",
            olds: PASSED,
            news: { ...INPUTS, failOnSeverity: "MEDIUM" },
            changes: true,
        },
        { title: "a trigger added", olds: PASSED, news: { ...INPUTS, triggers: ["v2"] }, changes: true },
        {
            title: "an ignore entry added",
            olds: PASSED,
            news: { ...INPUTS, ignore: [{ vulnerabilityId: "CVE-A", reason: "r", expiresOn: "2026-12-31" }] },
            changes: true,
        },
        { title: "a value not known yet", olds: PASSED, news: { ...INPUTS, images: UNKNOWN }, changes: true },
        { title: "a wait setting", olds: PASSED, news: { ...INPUTS, waitTimeoutSeconds: 60 }, changes: true },
    ];
    for (const { title, olds, news, changes } of cases) {
        it(title, () => {
            assert.deepEqual(diffFindingsGate(olds, news), {
                changes,
                replaces: [],
                deleteBeforeReplace: false,
            });
        });
    }
});
