import assert from "node:assert/strict";
import { compareKeys, sortedPage, type SortKey } from "../../../../emulator/inspector2/scans/sorted-pages";
import { ServiceError } from "../../../../emulator/service-error";

type Item = { readonly id: string; readonly score: number | null };
const items: Item[] = [
    { id: "a", score: 2 },
    { id: "b", score: 5 },
    { id: "c", score: null },
    { id: "d", score: 5 },
    { id: "e", score: 1 },
];
const keyOf = (item: Item): SortKey => [item.score, item.id];

function walk(
    list: readonly Item[],
    descending: boolean,
    maxResults: number,
): { ids: string[]; pages: number } {
    const ids: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
        const page = sortedPage(list, keyOf, { descending, listing: "test", maxResults, nextToken: token });
        ids.push(...page.items.map((item) => item.id));
        token = page.nextToken;
        pages++;
    } while (token);
    return { ids, pages };
}

describe("inspector2 sorted pages", () => {
    it("sorts ascending with absent values first and ties by the next key", () => {
        assert.deepEqual(walk(items, false, 2), { ids: ["c", "e", "a", "b", "d"], pages: 3 });
    });

    it("sorts descending on the first key only: ties stay ascending", () => {
        assert.deepEqual(walk(items, true, 10), { ids: ["b", "d", "a", "e", "c"], pages: 1 });
    });

    it("resumes after the last key even when items appear or go between pages", () => {
        const first = sortedPage(items, keyOf, {
            descending: true,
            listing: "test",
            maxResults: 2,
            nextToken: undefined,
        });
        assert.deepEqual(
            first.items.map((item) => item.id),
            ["b", "d"],
        );
        const changed = [...items.filter((item) => item.id !== "d"), { id: "f", score: 9 }];
        const next = sortedPage(changed, keyOf, {
            descending: true,
            listing: "test",
            maxResults: 10,
            nextToken: first.nextToken,
        });
        assert.deepEqual(
            next.items.map((item) => item.id),
            ["a", "e", "c"],
        );
    });

    for (const [title, token, listing] of [
        ["text that is no token", "nonsense", "test"],
        ["a token of another listing", undefined, "other"],
        ["a token that was altered", "x", "test"],
    ] as const) {
        it(`refuses ${title}`, () => {
            const handedOut = sortedPage(items, keyOf, {
                descending: false,
                listing: "test",
                maxResults: 1,
                nextToken: undefined,
            }).nextToken!;
            const nextToken =
                token === undefined ? handedOut : token === "x" ? handedOut.slice(0, -2) : token;
            assert.throws(
                () => sortedPage(items, keyOf, { descending: false, listing, maxResults: 1, nextToken }),
                (error) => error instanceof ServiceError && error.code === "ValidationException",
            );
        });
    }

    it("compares numbers as numbers and text as text", () => {
        assert.ok(compareKeys([10], [9], false) > 0);
        assert.ok(compareKeys(["10"], ["9"], false) < 0);
        assert.equal(compareKeys([1, "a"], [1, "a"], true), 0);
    });
});
