import assert from "node:assert/strict";
import {
    allowedReaction,
    callFloor,
    ENABLEMENT_REACTION,
    reactionRatio,
    readsOnlyUnsettled,
    statusRounds,
    WAIT_REACTION,
} from "../../bench/figures";

describe("bench figures", () => {
    describe("callFloor", () => {
        it("is one identity call, one Enable and one status read per 100 accounts per round", () => {
            assert.equal(callFloor(1, 1), 3);
            assert.equal(callFloor(100, 5), 1 + 1 + 5);
            assert.equal(callFloor(101, 2), 1 + 2 + 4);
            assert.equal(callFloor(10_000, 5), 1 + 100 + 500);
        });

        it("refuses no accounts and no rounds", () => {
            assert.throws(() => callFloor(0, 1), RangeError);
            assert.throws(() => callFloor(10, 0), RangeError);
            assert.throws(() => callFloor(1.5, 1), RangeError);
        });
    });

    describe("reaction", () => {
        it("allows the floor early and a share of the wait later", () => {
            assert.equal(allowedReaction(2_000, ENABLEMENT_REACTION), 1_000);
            assert.equal(allowedReaction(20_000, ENABLEMENT_REACTION), 5_000);
            assert.equal(allowedReaction(120_000, ENABLEMENT_REACTION), 30_000);
            assert.equal(allowedReaction(10_000, WAIT_REACTION), 2_000);
            assert.equal(allowedReaction(120_000, WAIT_REACTION), 18_000);
        });

        it("is the reaction over what is allowed", () => {
            assert.equal(reactionRatio(4_400, 20_000, ENABLEMENT_REACTION), 0.88);
            assert.equal(reactionRatio(1_000, 2_000, ENABLEMENT_REACTION), 1);
            assert.equal(reactionRatio(30_000, 120_000, WAIT_REACTION), 30_000 / 18_000);
        });

        it("treats a negative wait as none", () => {
            assert.equal(allowedReaction(-5, ENABLEMENT_REACTION), 1_000);
        });
    });

    describe("statusRounds", () => {
        const read = (accounts: number, unsettled: number) => ({
            operation: "BatchGetAccountStatus",
            accounts,
            unsettled,
        });
        const enable = { operation: "Enable", accounts: 100 };

        it("groups the status reads between pauses, and skips stretches without one", () => {
            const commands = [
                read(100, 100),
                read(50, 50),
                enable,
                enable,
                read(100, 100),
                read(50, 20),
                read(70, 0),
            ];
            // Pauses after the Enables (4), and twice in a row after the sixth command (an empty stretch).
            assert.deepEqual(statusRounds(commands, [4, 6, 6]), [
                { read: 150, unsettled: 150 },
                { read: 150, unsettled: 120 },
                { read: 70, unsettled: 0 },
            ]);
        });

        it("is one round without pauses, and none without reads", () => {
            assert.deepEqual(statusRounds([read(10, 3)], []), [{ read: 10, unsettled: 3 }]);
            assert.deepEqual(statusRounds([enable], [1]), []);
        });
    });

    describe("readsOnlyUnsettled", () => {
        it("holds when each round reads no more accounts than the round before found unsettled", () => {
            assert.equal(
                readsOnlyUnsettled([
                    { read: 1_000, unsettled: 500 },
                    { read: 500, unsettled: 200 },
                    { read: 200, unsettled: 0 },
                ]),
                true,
            );
        });

        it("fails when a round reads settled accounts again", () => {
            assert.equal(
                readsOnlyUnsettled([
                    { read: 1_000, unsettled: 500 },
                    { read: 1_000, unsettled: 0 },
                ]),
                false,
            );
        });
    });
});
