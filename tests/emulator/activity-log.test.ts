import assert from "node:assert/strict";
import { ActivityLog } from "../../emulator/activity-log";

describe("ActivityLog", () => {
    const call = (operation: string) => ({
        service: "inspector2" as const,
        operation,
        status: 200,
        time: "t",
    });

    it("keeps calls and mutations oldest first and forgets them on clear, still counting mutations", () => {
        const log = new ActivityLog();
        log.recordCall(call("Enable"));
        log.recordCall(call("Disable"));
        log.recordMutation({
            service: "inspector2",
            operation: "Enable",
            accountId: "111122223333",
            time: "t",
        });
        assert.deepEqual(
            log.calls().map((record) => record.operation),
            ["Enable", "Disable"],
        );
        assert.equal(log.mutations().length, 1);
        log.clear();
        assert.deepEqual([log.calls(), log.mutations()], [[], []]);
        assert.equal(log.mutationCount, 1);
    });

    it("keeps only the newest 10,000 calls", () => {
        const log = new ActivityLog();
        for (let index = 0; index < 10_005; index++) log.recordCall(call(`Op${index}`));
        const calls = log.calls();
        assert.equal(calls.length, 10_000);
        assert.equal(calls[0].operation, "Op5");
    });
});
