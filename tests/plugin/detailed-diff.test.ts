import assert from "node:assert/strict";
import { detailedDiff, setChanges } from "../../provider/plugin/detailed-diff";

const OPTIONS = {
    keys: ["resourceTypes", "accountIds", "region", "waitForEnabled"],
    sets: ["resourceTypes", "accountIds"],
    replaces: [],
};

describe("plugin detailed diff", () => {
    it("shows a set's members added and removed, by their index in the new and the old list", () => {
        const diff = detailedDiff(
            { resourceTypes: ["EC2", "ECR"], accountIds: ["111122223333", "444455556666"] },
            { resourceTypes: ["EC2", "ECR", "LAMBDA"], accountIds: ["444455556666"] },
            OPTIONS,
        );
        assert.deepEqual(diff, {
            "resourceTypes[2]": { change: "add", replace: false },
            "accountIds[0]": { change: "delete", replace: false },
        });
    });

    it("reads a member removed where another is added as an update of that index (the engine shows one per index)", () => {
        const diff = detailedDiff(
            { resourceTypes: ["EC2", "ECR"] },
            { resourceTypes: ["EC2", "LAMBDA_CODE"] },
            OPTIONS,
        );
        assert.deepEqual(diff, { "resourceTypes[1]": { change: "update", replace: false } });
    });

    it("shows nothing for a set whose members only changed order or repeat", () => {
        const diff = detailedDiff(
            { resourceTypes: ["ECR", "EC2"] },
            { resourceTypes: ["EC2", "ECR", "EC2"] },
            OPTIONS,
        );
        assert.deepEqual(diff, {});
    });

    it("shows other properties whole, added, deleted or updated, and marks the replacing ones", () => {
        const diff = detailedDiff(
            { region: "us-east-1", waitForEnabled: true },
            { region: "eu-west-1", accountIds: ["111122223333"] },
            { ...OPTIONS, replaces: ["region"] },
        );
        assert.deepEqual(diff, {
            accountIds: { change: "add", replace: false },
            region: { change: "update", replace: true },
            waitForEnabled: { change: "delete", replace: false },
        });
    });

    it("compares structured members by their canonical JSON", () => {
        const before = [{ repositoryName: "app", imageDigest: "sha256:1" }];
        const after = [
            { imageDigest: "sha256:1", repositoryName: "app" },
            { repositoryName: "web", imageDigest: "sha256:2" },
        ];
        assert.deepEqual(setChanges(before, after), { removed: [], added: [1] });
    });
});
