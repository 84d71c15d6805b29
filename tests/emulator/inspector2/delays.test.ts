import assert from "node:assert/strict";
import { transitionDelayMs } from "../../../emulator/inspector2/delays";
import type { DelaySettings } from "../../../emulator/settings/settings";

describe("inspector2 transitionDelayMs", () => {
    const delays: DelaySettings = {
        enablingMs: 200,
        disablingMs: 300,
        overrides: [
            { region: "eu-west-1", resourceType: "ECR", enablingMs: 7 },
            { resourceType: "ECR", enablingMs: 40, disablingMs: 41 },
            { region: "eu-west-1", enablingMs: 50 },
            { region: "ap-south-1", resourceType: "LAMBDA", disablingMs: 9 },
            { region: "ap-south-1", enablingMs: 60 },
            { resourceType: "LAMBDA", enablingMs: 70 },
        ],
    };
    const cases: {
        target: "ENABLED" | "DISABLED";
        type: "EC2" | "ECR" | "LAMBDA";
        region: string;
        expected: number;
    }[] = [
        { target: "ENABLED", type: "EC2", region: "us-east-1", expected: 200 },
        { target: "DISABLED", type: "EC2", region: "us-east-1", expected: 300 },
        { target: "ENABLED", type: "ECR", region: "us-east-1", expected: 40 },
        { target: "DISABLED", type: "ECR", region: "eu-west-1", expected: 41 },
        { target: "ENABLED", type: "ECR", region: "eu-west-1", expected: 7 },
        { target: "ENABLED", type: "EC2", region: "eu-west-1", expected: 50 },
        { target: "DISABLED", type: "EC2", region: "eu-west-1", expected: 300 },
        { target: "DISABLED", type: "LAMBDA", region: "ap-south-1", expected: 9 },
        // Both single-field overrides match: the later one in the list wins.
        { target: "ENABLED", type: "LAMBDA", region: "ap-south-1", expected: 70 },
    ];
    for (const { target, type, region, expected } of cases) {
        it(`${target} ${type} in ${region}: ${expected} ms`, () => {
            assert.equal(transitionDelayMs(delays, target, type, region), expected);
        });
    }

    it("uses the base delays when there are no overrides", () => {
        assert.equal(transitionDelayMs({ enablingMs: 5, disablingMs: 6 }, "DISABLED", "EC2", "us-east-1"), 6);
    });
});
