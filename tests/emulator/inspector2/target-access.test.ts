import assert from "node:assert/strict";
import { Organisation } from "../../../emulator/inspector2/organisation";
import { targetRefusal } from "../../../emulator/inspector2/target-access";
import type { AccountSettings } from "../../../emulator/settings/settings";

describe("inspector2 targetRefusal", () => {
    const accounts: AccountSettings[] = [
        { accountId: "111122223333", role: "administrator" },
        { accountId: "444455556666", role: "member" },
        { accountId: "777788889999", role: "member", state: "suspended" },
        { accountId: "123456789012", role: "member", state: "isolated" },
        { accountId: "999988887777", role: "standalone" },
    ];
    const organisation = Organisation.of(accounts);
    const notManageable = (caller: string, target: string) =>
        `Account ${caller} may not manage account ${target}: an account manages itself, and only the delegated ` +
        `administrator manages the member accounts of its organisation.`;

    const cases: { caller: string; target: string; expected: ReturnType<typeof targetRefusal> }[] = [
        { caller: "111122223333", target: "111122223333", expected: undefined },
        { caller: "111122223333", target: "444455556666", expected: undefined },
        { caller: "444455556666", target: "444455556666", expected: undefined },
        { caller: "999988887777", target: "999988887777", expected: undefined },
        {
            caller: "444455556666",
            target: "111122223333",
            expected: {
                kind: "not-manageable",
                errorCode: "ACCESS_DENIED",
                errorMessage: notManageable("444455556666", "111122223333"),
            },
        },
        {
            caller: "111122223333",
            target: "999988887777",
            expected: {
                kind: "not-manageable",
                errorCode: "ACCESS_DENIED",
                errorMessage: notManageable("111122223333", "999988887777"),
            },
        },
        {
            caller: "999988887777",
            target: "444455556666",
            expected: {
                kind: "not-manageable",
                errorCode: "ACCESS_DENIED",
                errorMessage: notManageable("999988887777", "444455556666"),
            },
        },
        {
            caller: "111122223333",
            target: "000000000000",
            expected: {
                kind: "not-manageable",
                errorCode: "ACCESS_DENIED",
                errorMessage:
                    "Account 000000000000 is not known to the emulator, so account 111122223333 may not manage it.",
            },
        },
        {
            caller: "111122223333",
            target: "777788889999",
            expected: {
                kind: "suspended",
                errorCode: "ACCESS_DENIED",
                errorMessage: "Account 777788889999 is suspended, so Inspector cannot act on it.",
            },
        },
        {
            caller: "111122223333",
            target: "123456789012",
            expected: {
                kind: "isolated",
                errorCode: "ACCOUNT_IS_ISOLATED",
                errorMessage: "Account 123456789012 is isolated, so Inspector cannot act on it.",
            },
        },
    ];
    for (const { caller, target, expected } of cases) {
        it(`${caller} on ${target}: ${expected?.kind ?? "allowed"}`, () => {
            assert.deepEqual(targetRefusal(organisation, caller, target), expected);
        });
    }

    it("follows a new account list at once (a member that left the organisation)", () => {
        const left = Organisation.of(
            accounts.map((account) =>
                account.accountId === "444455556666" ? { ...account, role: "standalone" as const } : account,
            ),
        );
        assert.equal(targetRefusal(left, "111122223333", "444455556666")?.kind, "not-manageable");
    });
});
