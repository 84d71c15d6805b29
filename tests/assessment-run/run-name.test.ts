import assert from "node:assert/strict";
import { deriveRunName, effectiveRunName } from "../../provider/assessment-run/run-name";

const TEMPLATE = "arn:aws:inspector:us-west-2:123456789012:target/0-nvgVhaxX/template/0-7sbz2Kz0";
const OTHER_TEMPLATE = "arn:aws:inspector:us-west-2:123456789012:target/0-nvgVhaxX/template/0-8sbz2Kz0";
/** The URN of a resource named `name` of stack prod in project shop. */
const urn = (name: string, stack = "prod") =>
    `urn:pulumi:${stack}::shop::pulumi-nodejs:dynamic/inspector:AssessmentRun::${name}`;
const URN = urn("release-scan");

describe("assessment run names", () => {
    describe("deriveRunName", () => {
        // Exact values: a change here renames every existing run and so replaces it on the next pulumi up.
        const cases: { title: string; args: Parameters<typeof deriveRunName>; expected: string }[] = [
            {
                title: "resource and stack, then a hash",
                args: [URN, TEMPLATE, undefined],
                expected: "release-scan-prod-3556819202",
            },
            {
                title: "another stack gets another hash",
                args: [urn("release-scan", "dev"), TEMPLATE, undefined],
                expected: "release-scan-dev-80211c7c5d",
            },
            {
                title: "triggers change the hash",
                args: [URN, TEMPLATE, ["ami-0abc"]],
                expected: "release-scan-prod-2006a4bb9f",
            },
            {
                title: "the template changes the hash",
                args: [URN, OTHER_TEMPLATE, undefined],
                expected: "release-scan-prod-d99c0cdb16",
            },
            {
                title: "characters outside [A-Za-z0-9._-] become dashes (no * wildcards)",
                args: [urn("scan *all* / nightly"), TEMPLATE, undefined],
                expected: "scan--all----nightly-prod-8a922c524e",
            },
        ];
        for (const { title, args, expected } of cases) {
            it(title, () => assert.equal(deriveRunName(...args), expected));
        }

        it("differs for another project or parent (the whole URN is hashed)", () => {
            const names = [
                URN,
                URN.replace("::shop::", "::other::"),
                URN.replace("::pulumi-nodejs", "::my:index:Component$pulumi-nodejs"),
            ].map((resourceUrn) => deriveRunName(resourceUrn, TEMPLATE, undefined));
            assert.deepEqual(
                names.map((name) => name.slice(0, -10)),
                ["release-scan-prod-", "release-scan-prod-", "release-scan-prod-"],
            );
            assert.equal(new Set(names).size, 3);
        });

        it("is the same on every call (a retried update finds its run)", () => {
            assert.equal(
                deriveRunName(URN, TEMPLATE, [1, { b: 2, a: 1 }]),
                deriveRunName(URN, TEMPLATE, [1, { a: 1, b: 2 }]),
            );
        });

        it("fits 140 characters and keeps the hash for a very long resource name", () => {
            const name = deriveRunName(urn("x".repeat(200)), TEMPLATE, undefined);
            assert.equal(name.length, 140);
            assert.match(name, /^x{129}-[0-9a-f]{10}$/);
        });

        it("differs between two long names that only differ at the end", () => {
            const long = "y".repeat(150);
            assert.notEqual(
                deriveRunName(urn(`${long}a`), TEMPLATE, undefined),
                deriveRunName(urn(`${long}b`), TEMPLATE, undefined),
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
