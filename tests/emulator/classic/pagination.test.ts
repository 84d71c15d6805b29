import assert from "node:assert/strict";
import { ServiceError } from "../../../emulator/service-error";
import { decodeToken, encodeToken, paginate } from "../../../emulator/classic/pagination";

const items = Array.from({ length: 25 }, (_, index) => ({ seq: index + 1 }));

function invalidInputWith(errorCode: string, message: string) {
    return (error: unknown) => {
        assert.ok(error instanceof ServiceError);
        assert.equal(error.code, "InvalidInputException");
        assert.equal(error.statusCode, 400);
        assert.deepEqual(error.members, { errorCode, canRetry: false });
        assert.equal(error.message, message);
        return true;
    };
}

describe("Classic pagination", () => {
    it("answers 10 items by default, then continues after the last one", () => {
        const first = paginate(items, undefined, undefined);
        assert.deepEqual(
            first.items.map((item) => item.seq),
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        );
        assert.ok(first.nextToken);
        const second = paginate(items, first.nextToken, 10);
        assert.deepEqual(second.items[0], { seq: 11 });
        const third = paginate(items, second.nextToken, 10);
        assert.deepEqual(
            third.items.map((item) => item.seq),
            [21, 22, 23, 24, 25],
        );
        assert.equal(third.nextToken, undefined);
    });

    it("gives no token when the page holds the rest exactly", () => {
        assert.equal(paginate(items, undefined, 25).nextToken, undefined);
        assert.equal(paginate([], undefined, 5).items.length, 0);
    });

    it("neither repeats nor skips items when earlier ones are deleted between pages", () => {
        const first = paginate(items, undefined, 5);
        const remaining = items.filter((item) => item.seq > 2);
        assert.deepEqual(paginate(remaining, first.nextToken, 2).items, [{ seq: 6 }, { seq: 7 }]);
    });

    it("round-trips tokens", () => {
        assert.equal(decodeToken(encodeToken(17)), 17);
    });

    const badTokens = ["garbage", Buffer.from("classic-after:x").toString("base64url"), encodeToken(-5)];
    for (const token of badTokens) {
        it(`refuses the token ${JSON.stringify(token)}`, () => {
            assert.throws(
                () => paginate(items, token, 10),
                invalidInputWith(
                    "INVALID_PAGINATION_TOKEN",
                    `nextToken "${token}" is not valid: pass the nextToken of the previous page unchanged`,
                ),
            );
        });
    }

    for (const maxResults of [0, -1, 501, 2.5]) {
        it(`refuses maxResults ${maxResults}`, () => {
            assert.throws(
                () => paginate(items, undefined, maxResults),
                invalidInputWith(
                    "INVALID_MAX_RESULTS",
                    `maxResults ${maxResults} is out of range: it must be an integer from 1 to 500`,
                ),
            );
        });
    }

    it("accepts maxResults 1 and 500", () => {
        assert.equal(paginate(items, undefined, 1).items.length, 1);
        assert.equal(paginate(items, undefined, 500).items.length, 25);
    });
});
