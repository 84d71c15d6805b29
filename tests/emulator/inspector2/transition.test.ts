import assert from "node:assert/strict";
import { requestTransition, statusAt, type Transition } from "../../../emulator/inspector2/transition";

describe("inspector2 transition", () => {
    describe("statusAt", () => {
        const cases: { name: string; transition: Transition | undefined; now: number; expected: string }[] = [
            { name: "never touched", transition: undefined, now: 5, expected: "DISABLED" },
            {
                name: "enabling before it settles",
                transition: { target: "ENABLED", settlesAt: 100 },
                now: 99,
                expected: "ENABLING",
            },
            {
                name: "enabled once it settles",
                transition: { target: "ENABLED", settlesAt: 100 },
                now: 100,
                expected: "ENABLED",
            },
            {
                name: "disabling before it settles",
                transition: { target: "DISABLED", settlesAt: 100 },
                now: 50,
                expected: "DISABLING",
            },
            {
                name: "disabled once it settles",
                transition: { target: "DISABLED", settlesAt: 100 },
                now: 150,
                expected: "DISABLED",
            },
        ];
        for (const { name, transition, now, expected } of cases) {
            it(`${name}: ${expected}`, () => assert.equal(statusAt(transition, now), expected));
        }
    });

    describe("requestTransition", () => {
        it("starts enabling a never-touched type with the delay", () => {
            assert.deepEqual(requestTransition(undefined, "ENABLED", 1000, 50), {
                target: "ENABLED",
                settlesAt: 1050,
            });
        });

        it("leaves a never-touched type untouched when disabling", () => {
            assert.equal(requestTransition(undefined, "DISABLED", 1000, 50), undefined);
        });

        it("keeps an enabling type's original timing when enabled again", () => {
            const enabling: Transition = { target: "ENABLED", settlesAt: 1050 };
            assert.equal(requestTransition(enabling, "ENABLED", 1020, 50), enabling);
        });

        it("keeps an enabled type enabled when enabled again", () => {
            const enabled: Transition = { target: "ENABLED", settlesAt: 10 };
            const next = requestTransition(enabled, "ENABLED", 5000, 50);
            assert.equal(statusAt(next, 5000), "ENABLED");
        });

        it("starts disabling an enabled type from now", () => {
            assert.deepEqual(requestTransition({ target: "ENABLED", settlesAt: 10 }, "DISABLED", 500, 30), {
                target: "DISABLED",
                settlesAt: 530,
            });
        });

        it("turns a disabling type back to enabling", () => {
            const next = requestTransition({ target: "DISABLED", settlesAt: 600 }, "ENABLED", 550, 100);
            assert.equal(statusAt(next, 560), "ENABLING");
            assert.equal(statusAt(next, 650), "ENABLED");
        });
    });
});
