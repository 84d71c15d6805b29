import assert from "node:assert/strict";
import { plural } from "../../provider/core/plural";

describe("plural", () => {
    it("says one thing in the singular, and any other count in the plural", () => {
        assert.equal(plural(1, "account"), "1 account");
        assert.equal(plural(2, "account"), "2 accounts");
        assert.equal(plural(0, "finding"), "0 findings");
        assert.equal(plural(1, "code repository", "code repositories"), "1 code repository");
        assert.equal(plural(3, "code repository", "code repositories"), "3 code repositories");
    });
});
