import assert from "node:assert/strict";
import { UNKNOWN, canonicalJson, containsUnknown, describeValue } from "../../provider/assessment-run/values";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";

describe("AssessmentRun value helpers", () => {
    it("uses the engine's own unknown placeholder", () => assert.equal(UNKNOWN, unknownValue));

    describe("containsUnknown", () => {
        const cases: [unknown, boolean][] = [
            [UNKNOWN, true],
            [["a", UNKNOWN], true],
            [{ a: [{ b: UNKNOWN }] }, true],
            [["a", { b: 1 }], false],
            [undefined, false],
            [null, false],
        ];
        for (const [value, expected] of cases) {
            it(`${JSON.stringify(value)} -> ${expected}`, () =>
                assert.equal(containsUnknown(value), expected));
        }
    });

    describe("describeValue", () => {
        const cases: [unknown, string][] = [
            ["abc", '"abc"'],
            [42, "42"],
            [false, "false"],
            [null, "null"],
            [undefined, "undefined"],
            [["a", 1], '["a",1] (list)'],
            [{ b: 1, a: 2 }, '{"a":2,"b":1} (object)'],
            ["x".repeat(120), `"${"x".repeat(97)}..."`],
        ];
        for (const [value, expected] of cases) {
            it(expected, () => assert.equal(describeValue(value), expected));
        }
    });

    it("canonicalJson sorts keys at every depth", () => {
        assert.equal(canonicalJson([{ b: { d: 1, c: 2 }, a: null }]), '[{"a":null,"b":{"c":2,"d":1}}]');
        assert.equal(canonicalJson(undefined), "null");
    });
});
