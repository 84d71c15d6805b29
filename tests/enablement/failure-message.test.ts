import assert from "node:assert/strict";
import { describeShortfall, type Shortfall } from "../../provider/enablement/failure-message";

const BASE: Shortfall = {
    label: "scanning",
    action: "enable",
    region: "eu-west-1",
    totalAccounts: 4,
    failures: [],
    unsettled: [],
    waitTimeoutSeconds: 900,
    closing: "closing words",
};

describe("enablement shortfall messages", () => {
    it("lists each failed account by ID with code, message and hint", () => {
        const { message, reasons } = describeShortfall({
            ...BASE,
            failures: [
                { accountId: "777788889999", errorCode: "ACCOUNT_IS_ISOLATED", errorMessage: "isolated" },
                { accountId: "123456789012", errorCode: "SSM_THROTTLED", errorMessage: "slow down" },
            ],
        });
        assert.deepEqual(reasons, [
            "123456789012: SSM_THROTTLED: slow down (a temporary Inspector failure outlasted the retries; run " +
                "pulumi up again)",
            "777788889999: ACCOUNT_IS_ISOLATED: isolated (AWS has isolated this account; resolve it with AWS " +
                "Support or remove it from accountIds)",
        ]);
        assert.equal(
            message,
            [
                "scanning: could not enable Inspector on 2 of 4 accounts in eu-west-1:",
                `  - ${reasons[0]}`,
                `  - ${reasons[1]}`,
                "closing words",
            ].join("\n"),
        );
    });

    it("says which accounts were still changing at the timeout, listing ten", () => {
        const unsettled = Array.from({ length: 12 }, (_, i) => String(100_000_000_000 + i));
        const { message, reasons } = describeShortfall({
            ...BASE,
            action: "disable",
            totalAccounts: 20,
            unsettled,
        });
        const listed = unsettled.slice(0, 10).join(", ");
        assert.deepEqual(reasons, [
            `12 of 20 accounts were still disabling when waitTimeoutSeconds (900) ran out: ${listed} and 2 more; ` +
                "run pulumi up again to continue, or raise waitTimeoutSeconds",
        ]);
        assert.equal(
            message,
            `scanning: did not finish disabling Inspector in eu-west-1:\n  - ${reasons[0]}\nclosing words`,
        );
    });

    it("names the call that stopped the operation", () => {
        const { reasons } = describeShortfall({
            ...BASE,
            action: "update",
            interruption: new Error("Enable failed"),
        });
        assert.deepEqual(reasons, ["stopped early: Enable failed"]);
    });
});
