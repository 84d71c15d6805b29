import assert from "node:assert/strict";
import { arnKind } from "../../../emulator/classic/arns";
import { rulesPackagesFor } from "../../../emulator/classic/rules-packages";

describe("Classic rules packages", () => {
    it("are AWS's real ARNs in us-east-1", () => {
        assert.deepEqual(
            rulesPackagesFor("us-east-1").map((rulesPackage) => rulesPackage.arn),
            [
                "arn:aws:inspector:us-east-1:316112463485:rulespackage/0-gEjTy7T7",
                "arn:aws:inspector:us-east-1:316112463485:rulespackage/0-rExsr2X8",
                "arn:aws:inspector:us-east-1:316112463485:rulespackage/0-PmNV0Tcd",
                "arn:aws:inspector:us-east-1:316112463485:rulespackage/0-R01qwB5Q",
            ],
        );
    });

    it("differ between regions and name their region", () => {
        const west = rulesPackagesFor("us-west-2");
        assert.equal(west.length, 4);
        for (const rulesPackage of west)
            assert.match(rulesPackage.arn, /^arn:aws:inspector:us-west-2:758058086616:/);
    });

    it("are generated, stable and well-formed for other regions", () => {
        const first = rulesPackagesFor("ap-southeast-3");
        assert.deepEqual(first, rulesPackagesFor("ap-southeast-3"));
        assert.equal(new Set(first.map((rulesPackage) => rulesPackage.arn)).size, 4);
        for (const rulesPackage of first) {
            assert.equal(arnKind(rulesPackage.arn), "rulespackage");
            assert.match(rulesPackage.arn, /^arn:aws:inspector:ap-southeast-3:\d{12}:rulespackage\/0-/);
        }
        const accountAndId = (arn: string) => arn.split(":").slice(4).join(":");
        assert.notDeepEqual(
            first.map((rulesPackage) => accountAndId(rulesPackage.arn)),
            rulesPackagesFor("ap-southeast-4").map((rulesPackage) => accountAndId(rulesPackage.arn)),
        );
    });

    it("describe themselves with a name, version and provider", () => {
        for (const rulesPackage of rulesPackagesFor("eu-west-1")) {
            assert.ok(rulesPackage.name.length > 0);
            assert.equal(rulesPackage.version, "1.1");
            assert.equal(rulesPackage.provider, "Amazon Web Services, Inc.");
        }
    });
});
