import assert from "node:assert/strict";
import { UNKNOWN } from "../../provider/dynamic/check";
import { secretValue } from "../../provider/dynamic/secrets";
import { fromSetShape, toSetShape, withSetLists, withSetShapes } from "../../provider/dynamic/set-inputs";

const IMAGE = { repositoryName: "shop", imageDigest: `sha256:${"a".repeat(64)}` };
const IMAGE_KEY = `{"imageDigest":"sha256:${"a".repeat(64)}","repositoryName":"shop"}`;

describe("set-like list inputs", () => {
    it("keys string members by themselves, with true", () => {
        assert.deepEqual(toSetShape(["EC2", "ECR", "LAMBDA"]), { EC2: true, ECR: true, LAMBDA: true });
    });

    it("keys other members by their canonical JSON, with the member itself", () => {
        assert.deepEqual(toSetShape(["a-uri", IMAGE]), { "a-uri": true, [IMAGE_KEY]: IMAGE });
    });

    it("keeps a list that holds an unknown, or whose members would share a key, as it is", () => {
        const withUnknown = ["111122223333", UNKNOWN];
        assert.equal(toSetShape(withUnknown), withUnknown);
        const clash = [IMAGE_KEY, IMAGE];
        assert.equal(toSetShape(clash), clash);
        assert.equal(toSetShape(UNKNOWN), UNKNOWN);
        assert.equal(toSetShape("ECR"), "ECR");
    });

    it("turns a keyed object back into the list sorted as check sorts it (by canonical JSON)", () => {
        assert.deepEqual(fromSetShape({ LAMBDA_CODE: true, EC2: true, LAMBDA: true }), [
            "EC2",
            "LAMBDA",
            "LAMBDA_CODE",
        ]);
        assert.deepEqual(fromSetShape({ [IMAGE_KEY]: IMAGE, "b-uri": true, "a-uri": true }), [
            "a-uri",
            "b-uri",
            IMAGE,
        ]);
    });

    it("round-trips every sorted, duplicate-free list", () => {
        for (const list of [["111122223333", "444455556666"], ["ECR"], ["a-uri", IMAGE], []]) {
            assert.deepEqual(fromSetShape(toSetShape(list)), list);
        }
    });

    it("leaves lists of older state, unknowns, secrets and other objects alone", () => {
        const older = ["ECR", "EC2"];
        assert.equal(fromSetShape(older), older);
        assert.equal(fromSetShape(UNKNOWN), UNKNOWN);
        const secret = secretValue({ ECR: true });
        assert.equal(fromSetShape(secret), secret);
        const thresholds = { critical: 0, high: 5 };
        assert.equal(fromSetShape(thresholds), thresholds);
        const notKeyedByItself = { "a-key": IMAGE };
        assert.equal(fromSetShape(notKeyedByItself), notKeyedByItself);
    });

    it("shapes only the named properties, and leaves absent ones absent", () => {
        const props = { resourceTypes: ["ECR"], triggers: ["v1", "v2"], region: "us-east-1" };
        const shaped = withSetShapes(props, ["resourceTypes", "accountIds"]);
        assert.deepEqual(shaped, {
            resourceTypes: { ECR: true },
            triggers: ["v1", "v2"],
            region: "us-east-1",
        });
        assert.equal("accountIds" in shaped, false);
        assert.deepEqual(withSetLists(shaped, ["resourceTypes", "accountIds"]), props);
    });
});
