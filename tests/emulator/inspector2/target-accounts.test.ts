import assert from "node:assert/strict";
import { targetAccountIds } from "../../../emulator/inspector2/target-accounts";

describe("inspector2 targetAccountIds", () => {
    const cases: { accountIds: string[] | undefined; expected: string[] }[] = [
        { accountIds: undefined, expected: ["111122223333"] },
        { accountIds: [], expected: ["111122223333"] },
        { accountIds: ["444455556666"], expected: ["444455556666"] },
        {
            accountIds: ["777788889999", "444455556666", "777788889999"],
            expected: ["777788889999", "444455556666"],
        },
    ];
    for (const { accountIds, expected } of cases) {
        it(`${JSON.stringify(accountIds)} -> ${expected.join(",")}`, () => {
            assert.deepEqual(targetAccountIds(accountIds, "111122223333"), expected);
        });
    }
});
