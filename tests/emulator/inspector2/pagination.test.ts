import assert from "node:assert/strict";
import { paginate } from "../../../emulator/inspector2/pagination";
import { ServiceError } from "../../../emulator/service-error";

describe("inspector2 paginate", () => {
    const items = ["a", "b", "c", "d", "e"];
    const key = (item: string) => item;

    it("walks every item once, page by page", () => {
        const seen: string[] = [];
        let token: string | undefined;
        let pages = 0;
        do {
            const page = paginate(items, key, 2, token);
            seen.push(...page.items);
            token = page.nextToken;
            pages++;
        } while (token);
        assert.deepEqual(seen, items);
        assert.equal(pages, 3);
    });

    it("returns no token when everything fits", () => {
        assert.deepEqual(paginate(items, key, 5, undefined), { items });
    });

    it("resumes after the last key even when that item has gone", () => {
        const first = paginate(items, key, 2, undefined);
        const next = paginate(["a", "c", "d", "e"], key, 2, first.nextToken);
        assert.deepEqual(next.items, ["c", "d"]);
    });

    it("treats an empty token as the first page", () => {
        assert.deepEqual(paginate(items, key, 1, "").items, ["a"]);
    });

    it("refuses a token it did not issue, naming the field and value", () => {
        assert.throws(
            () => paginate(items, key, 2, "bogus"),
            (error: unknown) => {
                assert.ok(error instanceof ServiceError);
                assert.equal(error.code, "ValidationException");
                assert.equal(error.statusCode, 400);
                const message =
                    "nextToken 'bogus' is not a token this listing returned; pass the nextToken of the previous page.";
                assert.equal(error.message, message);
                assert.deepEqual(error.members, {
                    reason: "FIELD_VALIDATION_FAILED",
                    fields: [{ name: "nextToken", message }],
                });
                return true;
            },
        );
    });
});
