import assert from "node:assert/strict";
import { deriveRunName, effectiveRunName } from "../../provider/assessment-run/run-name";

const TEMPLATE = "arn:aws:inspector:us-west-2:123456789012:target/0-nvgVhaxX/template/0-7sbz2Kz0";
const OTHER_TEMPLATE = "arn:aws:inspector:us-west-2:123456789012:target/0-nvgVhaxX/template/0-8sbz2Kz0";
const SCOPE = { project: "shop", stack: "prod", resource: "release-scan" };

describe("assessment run names", () => {
    describe("deriveRunName", () => {
        // Exact values: a change here renames every existing run and so replaces it on the next pulumi up.
        const cases: { title: string; args: Parameters<typeof deriveRunName>; expected: string }[] = [
            {
                title: "resource and stack, then a hash",
                args: [SCOPE, TEMPLATE, undefined],
                expected: "release-scan-prod-d19ea3b1ee",
            },
            {
                title: "another stack gets another hash",
                args: [{ ...SCOPE, stack: "dev" }, TEMPLATE, undefined],
                expected: "release-scan-dev-d147c87928",
            },
            {
                title: "triggers change the hash",
                args: [SCOPE, TEMPLATE, ["ami-0abc"]],
                expected: "release-scan-prod-e7f91f455d",
            },
            {
                title: "the template changes the hash",
                args: [SCOPE, OTHER_TEMPLATE, undefined],
                expected: "release-scan-prod-271b95aa96",
            },
            {
                title: "characters outside [A-Za-z0-9._-] become dashes (no * wildcards)",
                args: [{ ...SCOPE, resource: "scan *all* / nightly" }, TEMPLATE, undefined],
                expected: "scan--all----nightly-prod-e8e67b78d3",
            },
        ];
        for (const { title, args, expected } of cases) {
            it(title, () => assert.equal(deriveRunName(...args), expected));
        }

        it("is the same on every call (a retried update finds its run)", () => {
            assert.equal(
                deriveRunName(SCOPE, TEMPLATE, [1, { b: 2, a: 1 }]),
                deriveRunName(SCOPE, TEMPLATE, [1, { a: 1, b: 2 }]),
            );
        });

        it("fits 140 characters and keeps the hash for a very long resource name", () => {
            const name = deriveRunName({ ...SCOPE, resource: "x".repeat(200) }, TEMPLATE, undefined);
            assert.equal(name.length, 140);
            assert.match(name, /^x{129}-[0-9a-f]{10}$/);
        });

        it("differs between two long names that only differ at the end", () => {
            const long = "y".repeat(150);
            assert.notEqual(
                deriveRunName({ ...SCOPE, resource: `${long}a` }, TEMPLATE, undefined),
                deriveRunName({ ...SCOPE, resource: `${long}b` }, TEMPLATE, undefined),
            );
        });
    });

    describe("effectiveRunName", () => {
        const cases: {
            title: string;
            name: string;
            triggers: readonly unknown[] | undefined;
            expected: string;
        }[] = [
            {
                title: "the user's name unchanged without triggers",
                name: "release-42",
                triggers: undefined,
                expected: "release-42",
            },
            {
                title: "a triggers hash appended with triggers",
                name: "release-42",
                triggers: ["ami-0abc"],
                expected: "release-42-9c565ed2",
            },
            {
                title: "object keys in any order hash alike",
                name: "release-42",
                triggers: [{ b: 1, a: 2 }],
                expected: "release-42-82c9656e",
            },
            {
                title: "same for the other key order",
                name: "release-42",
                triggers: [{ a: 2, b: 1 }],
                expected: "release-42-82c9656e",
            },
            {
                title: "a long name shortened to fit 140 with the hash",
                name: "y".repeat(140),
                triggers: ["ami-0abc"],
                expected: `${"y".repeat(131)}-9c565ed2`,
            },
        ];
        for (const { title, name, triggers, expected } of cases) {
            it(title, () => assert.equal(effectiveRunName(name, triggers), expected));
        }
    });
});
