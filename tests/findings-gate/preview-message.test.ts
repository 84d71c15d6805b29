import assert from "node:assert/strict";
import { UNKNOWN } from "../../provider/dynamic/check";
import { describeGateChange } from "../../provider/findings-gate/diff";
import type { FindingsGateOutputs } from "../../provider/findings-gate/outputs";

const URN = "urn:pulumi:prod::shop::pulumi-nodejs:dynamic/inspector:FindingsGate::release-gate";
const IMAGE_A = `111122223333.dkr.ecr.us-east-1.amazonaws.com/shop@sha256:${"a".repeat(64)}`;
const IMAGE_B = `111122223333.dkr.ecr.us-east-1.amazonaws.com/shop@sha256:${"b".repeat(64)}`;
const INPUTS = {
    images: [IMAGE_A],
    failOnSeverity: "HIGH",
    onlyFixAvailable: false,
    onlyExploitAvailable: false,
    waitForScan: true,
    waitTimeoutSeconds: 900,
    region: "us-east-1",
    resourceUrn: URN,
};
const RECORDED = { ...INPUTS, passed: true } as unknown as FindingsGateOutputs;

describe("FindingsGate's preview message", () => {
    it("for a new gate: what up would evaluate", () => {
        assert.equal(
            describeGateChange({}, { ...INPUTS, accountIds: ["111122223333"] }),
            "release-gate: up would evaluate the gate over 1 image and 1 account",
        );
    });

    it("names the subjects added and removed, and the rules that changed", () => {
        assert.equal(
            describeGateChange(RECORDED, {
                ...INPUTS,
                images: [IMAGE_B],
                lambdaFunctions: ["checkout", "payments"],
                failOnSeverity: "CRITICAL",
                thresholds: { high: 5 },
            }),
            `release-gate: up would re-evaluate the gate over 1 image and 2 Lambda functions (1 new image: ` +
                `${IMAGE_B}; 1 image no longer gated: ${IMAGE_A}; 2 new Lambda functions: checkout, payments; ` +
                "failOnSeverity HIGH → CRITICAL; thresholds none → { high 5 })",
        );
    });

    it("names at most five members, then how many more", () => {
        const accounts = Array.from({ length: 7 }, (_, index) => `10000000000${index}`);
        assert.match(
            describeGateChange(RECORDED, { ...INPUTS, accountIds: accounts }),
            /\(7 new accounts: 100000000000, 100000000001, 100000000002, 100000000003, 100000000004 and 2 more\)$/,
        );
    });

    it("says why the same inputs are evaluated again, and what is not known yet", () => {
        assert.equal(
            describeGateChange({ ...RECORDED, passed: false }, INPUTS),
            "release-gate: up would re-evaluate the gate over 1 image (the last evaluation failed)",
        );
        assert.equal(
            describeGateChange(RECORDED, { ...INPUTS, images: [UNKNOWN] }),
            "release-gate: up would re-evaluate the gate over its subjects (images not known until up runs)",
        );
    });
});
