import assert from "node:assert/strict";
import { accountStatus } from "../../../emulator/inspector2/account-status";
import type { Status } from "../../../emulator/inspector2/status";

describe("inspector2 accountStatus", () => {
    const cases: { types: Status[]; expected: Status }[] = [
        { types: ["DISABLED", "DISABLED", "DISABLED", "DISABLED", "DISABLED"], expected: "DISABLED" },
        { types: ["ENABLING", "DISABLED", "DISABLED", "DISABLED", "DISABLED"], expected: "ENABLING" },
        { types: ["ENABLED", "ENABLING", "DISABLED", "DISABLED", "DISABLED"], expected: "ENABLED" },
        { types: ["ENABLED", "DISABLING", "DISABLED", "DISABLED", "DISABLED"], expected: "ENABLED" },
        { types: ["DISABLING", "ENABLING", "DISABLED", "DISABLED", "DISABLED"], expected: "ENABLING" },
        { types: ["DISABLING", "DISABLED", "DISABLING", "DISABLED", "DISABLED"], expected: "DISABLING" },
        { types: ["SUSPENDED", "SUSPENDED", "SUSPENDED", "SUSPENDED", "SUSPENDED"], expected: "SUSPENDED" },
    ];
    for (const { types, expected } of cases) {
        it(`${types.join(",")} -> ${expected}`, () => assert.equal(accountStatus(types), expected));
    }
});
