import assert from "node:assert/strict";
import { isUrn, parseUrn, typeToken } from "../../provider/dynamic/urn";

describe("type tokens and URNs", () => {
    it("names types as pulumi.dynamic.Resource registers them", () => {
        assert.equal(typeToken("AssessmentRun"), "pulumi-nodejs:dynamic/inspector:AssessmentRun");
    });

    it("reads the stack, project and resource name of a URN, also under a parent", () => {
        assert.deepEqual(parseUrn("urn:pulumi:dev::shop::pulumi-nodejs:dynamic/inspector:X::scan"), {
            stack: "dev",
            project: "shop",
            name: "scan",
        });
        assert.deepEqual(
            parseUrn("urn:pulumi:prod::shop::my:Component$pulumi-nodejs:dynamic/inspector:X::scan"),
            {
                stack: "prod",
                project: "shop",
                name: "scan",
            },
        );
    });

    it("tells URNs from other strings", () => {
        assert.ok(isUrn("urn:pulumi:dev::shop::pulumi-nodejs:dynamic/inspector:X::scan"));
        assert.ok(!isUrn("urn:pulumi:dev"));
        assert.ok(!isUrn(42));
    });
});
