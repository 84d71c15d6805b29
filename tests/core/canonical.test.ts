import assert from "node:assert/strict";
import { canonicalJson, digest } from "../../provider/core/canonical";

describe("canonical JSON and digests", () => {
    it("sorts keys at every depth", () => {
        assert.equal(canonicalJson([{ b: { d: 1, c: 2 }, a: null }]), '[{"a":null,"b":{"c":2,"d":1}}]');
        assert.equal(canonicalJson(undefined), "null");
    });

    it("hashes equal values equally whatever their key order, and different values differently", () => {
        assert.equal(digest({ a: 1, b: [1, 2] }), digest({ b: [1, 2], a: 1 }));
        assert.notEqual(digest({ a: 1, b: [1, 2] }), digest({ a: 1, b: [2, 1] }));
        assert.match(digest("x"), /^[0-9a-f]{64}$/);
    });
});
