import assert from "node:assert/strict";
import {
    enablementImportId,
    parseEnablementImportId,
    parseFindingsGateImportId,
} from "../../provider/plugin/import-id";

describe("plugin import ID of an enablement", () => {
    it("reads the region, the types and the accounts", () => {
        assert.deepEqual(parseEnablementImportId("us-east-1/EC2,ecr/111122223333,444455556666"), {
            region: "us-east-1",
            resourceTypes: ["EC2", "ecr"],
            accountIds: ["111122223333", "444455556666"],
        });
    });

    it("leaves the accounts out when the ID names none (the caller's account)", () => {
        assert.deepEqual(parseEnablementImportId("eu-west-1/LAMBDA"), {
            region: "eu-west-1",
            resourceTypes: ["LAMBDA"],
        });
    });

    it("refuses an ID without types, or with too many parts, naming the format", () => {
        for (const id of ["us-east-1", "us-east-1/", "a/b/c/d", "/EC2"]) {
            assert.throws(
                () => parseEnablementImportId(id),
                /<region>\/<resource types>\[\/<account IDs>\]/,
                id,
            );
        }
    });

    it("writes the ID back", () => {
        const id = "us-east-1/EC2,ECR/111122223333";
        assert.equal(enablementImportId(parseEnablementImportId(id)), id);
        assert.equal(enablementImportId({ region: "us-east-1", resourceTypes: ["EC2"] }), "us-east-1/EC2");
    });
});

describe("plugin import ID of a findings gate", () => {
    it("is the gate's inputs as a JSON object", () => {
        assert.deepEqual(
            parseFindingsGateImportId('{"accountIds":["111122223333"],"failOnSeverity":"HIGH"}'),
            {
                accountIds: ["111122223333"],
                failOnSeverity: "HIGH",
            },
        );
    });

    it("refuses anything else, naming the format", () => {
        for (const id of ["gate", "[]", "null", '"x"']) {
            assert.throws(() => parseFindingsGateImportId(id), /the gate's inputs as a JSON object/, id);
        }
    });
});
