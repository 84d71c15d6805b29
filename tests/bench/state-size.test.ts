import assert from "node:assert/strict";
import { compactBytes, PROVIDER_KEY, stateSize } from "../../bench/state-size";

describe("bench state size", () => {
    it("counts the compact JSON's UTF-8 bytes, without the serialised provider", () => {
        assert.equal(compactBytes({ a: 1 }), '{"a":1}'.length);
        assert.equal(compactBytes({ a: 1, [PROVIDER_KEY]: "x".repeat(1_000) }), '{"a":1}'.length);
        assert.equal(compactBytes({ name: "é" }), '{"name":"é"}'.length + 1);
    });

    it("adds inputs and outputs of any shape and divides by the accounts", () => {
        const inputs = { accountIds: ["111122223333", "444455556666"] };
        const outputs = { ...inputs, statuses: { ENABLED: ["111122223333", "444455556666"] } };
        const total = JSON.stringify(inputs).length + JSON.stringify(outputs).length;
        assert.deepEqual(stateSize(inputs, outputs, 2), { totalBytes: total, bytesPerAccount: total / 2 });
    });

    it("refuses fewer than one account", () => {
        assert.throws(() => stateSize({}, {}, 0), RangeError);
    });
});
