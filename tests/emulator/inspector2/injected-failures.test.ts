import assert from "node:assert/strict";
import { InjectedFailures } from "../../../emulator/inspector2/injected-failures";
import type { AccountSettings } from "../../../emulator/settings/settings";

describe("inspector2 InjectedFailures", () => {
    const account: AccountSettings = {
        accountId: "444455556666",
        role: "member",
        failures: [
            { errorCode: "SSM_THROTTLED", times: 1 },
            { errorCode: "EVENTBRIDGE_UNAVAILABLE", times: 2 },
        ],
    };

    it("fails the first attempts in plan order, then lets the account through", () => {
        const failures = new InjectedFailures();
        const attempts = [1, 2, 3, 4, 5].map(() => failures.attempt(account));
        assert.deepEqual(attempts, [
            { errorCode: "SSM_THROTTLED", attempt: 1, planned: 3 },
            { errorCode: "EVENTBRIDGE_UNAVAILABLE", attempt: 2, planned: 3 },
            { errorCode: "EVENTBRIDGE_UNAVAILABLE", attempt: 3, planned: 3 },
            undefined,
            undefined,
        ]);
    });

    it("never fails an account without a plan", () => {
        const failures = new InjectedFailures();
        assert.equal(failures.attempt({ accountId: "111122223333", role: "administrator" }), undefined);
    });

    it("starts counting again when the plan in the settings changes", () => {
        const failures = new InjectedFailures();
        failures.attempt(account);
        failures.attempt(account);
        failures.attempt(account);
        const replanned = { ...account, failures: [{ errorCode: "INTERNAL_ERROR", times: 1 }] };
        assert.deepEqual(failures.attempt(replanned), {
            errorCode: "INTERNAL_ERROR",
            attempt: 1,
            planned: 1,
        });
        assert.equal(failures.attempt(replanned), undefined);
    });

    it("keeps the count through snapshot and restore, and forgets it on reset", () => {
        const failures = new InjectedFailures();
        failures.attempt(account);
        const restored = new InjectedFailures();
        restored.restore(JSON.parse(JSON.stringify(failures.snapshot())));
        assert.equal(restored.attempt(account)?.attempt, 2);
        restored.reset();
        assert.equal(restored.attempt(account)?.attempt, 1);
    });
});
