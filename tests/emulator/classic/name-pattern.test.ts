import assert from "node:assert/strict";
import { matchesNamePattern } from "../../../emulator/classic/name-pattern";

describe("Classic namePattern matching", () => {
    const cases: readonly [pattern: string, name: string, matches: boolean][] = [
        ["nightly", "nightly", true],
        ["nightly", "nightly-2", false],
        ["nightly", "Nightly", false],
        ["nightly*", "nightly-2", true],
        ["nightly*", "nightly", true],
        ["*-prod", "web-prod", true],
        ["*-prod", "web-prod-2", false],
        ["web*prod", "web-eu-prod", true],
        ["web*prod", "web-prodx", false],
        ["*", "", true],
        ["*", "anything at all", true],
        ["a*b*c", "aXXbYYc", true],
        ["a*b*c", "acb", false],
        ["run.1", "run.1", true],
        ["run.1", "runX1", false],
        ["(x)+[y]", "(x)+[y]", true],
        ["a?", "ab", false],
        ["line*end", "line\nend", true],
    ];
    for (const [pattern, name, matches] of cases) {
        it(`${JSON.stringify(pattern)} ${matches ? "matches" : "does not match"} ${JSON.stringify(name)}`, () => {
            assert.equal(matchesNamePattern(pattern, name), matches);
        });
    }
});
