import assert from "node:assert/strict";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import {
    canonicalChoice,
    checkBoolean,
    checkChoice,
    checkKnownProperties,
    checkList,
    checkSeconds,
    checkWholeSeconds,
    closestName,
    containsUnknown,
    describeValue,
    InputCheck,
    isUnknown,
    listChoices,
    UNKNOWN,
} from "../../provider/dynamic/check";

/** Runs one validator on a fresh check; returns its value and the failure reasons. */
function run<T>(validate: (check: InputCheck) => T): { value: T; reasons: string[] } {
    const check = new InputCheck();
    const value = validate(check);
    return { value, reasons: check.failures.map((failure) => failure.reason) };
}

describe("the check kit", () => {
    describe("unknown values", () => {
        it("are the engine's own placeholder", () => {
            assert.equal(UNKNOWN, unknownValue);
            assert.ok(isUnknown(unknownValue));
            assert.ok(!isUnknown("04da6b54"));
        });

        const cases: [unknown, boolean][] = [
            [UNKNOWN, true],
            [["a", UNKNOWN], true],
            [{ a: [{ b: UNKNOWN }] }, true],
            [["a", { b: 1 }], false],
            [undefined, false],
            [null, false],
        ];
        for (const [value, expected] of cases) {
            it(`containsUnknown(${JSON.stringify(value)}) is ${expected}`, () =>
                assert.equal(containsUnknown(value), expected));
        }
    });

    describe("describeValue", () => {
        const cases: [unknown, string][] = [
            ["abc", '"abc"'],
            [42, "42"],
            [false, "false"],
            [null, "null"],
            [undefined, "undefined"],
            [["a", 1], '["a",1] (list)'],
            [{ b: 1, a: 2 }, '{"a":2,"b":1} (object)'],
            ["x".repeat(120), `"${"x".repeat(97)}..."`],
        ];
        for (const [value, expected] of cases) {
            it(expected, () => assert.equal(describeValue(value), expected));
        }
    });

    describe("InputCheck", () => {
        it("records inputs (never undefined ones) and failures", () => {
            const check = new InputCheck();
            check.set("a", 1);
            check.set("b", undefined);
            check.fail("c", "c is wrong");
            assert.deepEqual(check.outcome(), {
                inputs: { a: 1 },
                failures: [{ property: "c", reason: "c is wrong" }],
            });
        });
    });

    describe("checkBoolean", () => {
        it("defaults when absent and keeps booleans and unknowns", () => {
            assert.equal(run((c) => checkBoolean(c, "wait", undefined, true)).value, true);
            assert.equal(run((c) => checkBoolean(c, "wait", null, false)).value, false);
            assert.equal(run((c) => checkBoolean(c, "wait", false, true)).value, false);
            assert.equal(run((c) => checkBoolean(c, "wait", UNKNOWN, true)).value, UNKNOWN);
        });

        it("refuses anything else, naming the property and value", () => {
            assert.deepEqual(run((c) => checkBoolean(c, "wait", "yes", true)).reasons, [
                'wait "yes" is not a boolean: use true or false',
            ]);
        });
    });

    describe("checkWholeSeconds", () => {
        const limits = { min: 1, max: 86_400, fallback: 900 };
        it("defaults, accepts whole numbers in range and unknowns", () => {
            assert.equal(run((c) => checkWholeSeconds(c, "t", undefined, limits)).value, 900);
            assert.equal(run((c) => checkWholeSeconds(c, "t", 86_400, limits)).value, 86_400);
            assert.equal(run((c) => checkWholeSeconds(c, "t", UNKNOWN, limits)).value, UNKNOWN);
            assert.equal(
                run((c) => checkWholeSeconds(c, "t", undefined, { min: 1, max: 5 })).value,
                undefined,
            );
        });

        for (const value of [0, 1.5, 86_401, "60", NaN]) {
            it(`refuses ${String(value)}`, () => {
                assert.deepEqual(run((c) => checkWholeSeconds(c, "t", value, limits)).reasons, [
                    `t ${describeValue(value)} is not allowed: use a whole number of seconds from 1 to 86400 (1 day)`,
                ]);
            });
        }

        it("says long limits in days too", () => {
            assert.deepEqual(run((c) => checkWholeSeconds(c, "t", 0, { min: 1, max: 604_800 })).reasons, [
                "t 0 is not allowed: use a whole number of seconds from 1 to 604800 (7 days)",
            ]);
        });
    });

    describe("checkSeconds", () => {
        const limits = { min: 1, max: 300, fallback: 3 };
        it("accepts fractions in range", () => {
            assert.equal(run((c) => checkSeconds(c, "p", 1.5, limits)).value, 1.5);
            assert.equal(run((c) => checkSeconds(c, "p", undefined, limits)).value, 3);
        });
        it("refuses values out of range", () => {
            assert.deepEqual(run((c) => checkSeconds(c, "p", 0.5, limits)).reasons, [
                "p 0.5 is not allowed: use a number of seconds from 1 to 300",
            ]);
        });
    });

    describe("enumerated inputs: any letter case, stored canonically", () => {
        const options = { choices: ["EC2", "LAMBDA_CODE"] as const, noun: "resource type" };
        it("finds the canonical spelling", () => {
            assert.equal(canonicalChoice(options.choices, "lambda_code"), "LAMBDA_CODE");
            assert.equal(canonicalChoice(options.choices, "Ec2"), "EC2");
            assert.equal(canonicalChoice(options.choices, "ECR"), undefined);
            assert.equal(canonicalChoice(options.choices, 2), undefined);
        });

        it("checks with a default", () => {
            assert.equal(run((c) => checkChoice(c, "x", "ec2", options)).value, "EC2");
            assert.equal(
                run((c) => checkChoice(c, "x", undefined, { ...options, fallback: "EC2" })).value,
                "EC2",
            );
            assert.equal(run((c) => checkChoice(c, "x", UNKNOWN, options)).value, UNKNOWN);
        });

        it("names every choice when refusing", () => {
            assert.deepEqual(run((c) => checkChoice(c, "x", "ECR", options)).reasons, [
                'x "ECR" is not a resource type: use EC2 or LAMBDA_CODE (any letter case)',
            ]);
            assert.deepEqual(
                run((c) => checkChoice(c, "x", 1, { choices: ["A", "B", "C"], noun: "action" })).reasons,
                ["x 1 is not an action: use A, B or C (any letter case)"],
            );
        });

        it("lists choices as a sentence", () => {
            assert.equal(listChoices(["A"]), "A");
            assert.equal(listChoices(["A", "B", "C"]), "A, B or C");
        });
    });

    describe("checkList", () => {
        const digits = {
            expected: "a list of digit strings",
            required: "give at least one",
            sorted: true,
            checkItem: (item: unknown) =>
                typeof item === "string" && /^\d+$/.test(item)
                    ? { item }
                    : { reason: "is not a digit string: use digits only" },
        };

        it("sorts, removes duplicates and keeps unknown items in place", () => {
            assert.deepEqual(run((c) => checkList(c, "ids", ["3", "1", "3"], digits)).value, ["1", "3"]);
            assert.deepEqual(run((c) => checkList(c, "ids", ["3", UNKNOWN], digits)).value, ["3", UNKNOWN]);
            assert.equal(run((c) => checkList(c, "ids", UNKNOWN, digits)).value, UNKNOWN);
        });

        it("refuses a missing, empty or non-list value, and each bad item by index", () => {
            assert.deepEqual(run((c) => checkList(c, "ids", undefined, digits)).reasons, [
                "ids is missing: give at least one",
            ]);
            assert.deepEqual(run((c) => checkList(c, "ids", [], digits)).reasons, [
                "ids [] is empty: give at least one",
            ]);
            assert.deepEqual(run((c) => checkList(c, "ids", "1", digits)).reasons, [
                'ids "1" is not a list: give a list of digit strings',
            ]);
            assert.deepEqual(run((c) => checkList(c, "ids", ["1", "x", 2], digits)).reasons, [
                'ids[1] "x" is not a digit string: use digits only',
                "ids[2] 2 is not a digit string: use digits only",
            ]);
        });

        it("lets an optional list be absent", () => {
            const optional = { ...digits, required: undefined };
            assert.deepEqual(
                run((c) => checkList(c, "ids", undefined, optional)),
                { value: undefined, reasons: [] },
            );
        });
    });

    describe("unknown properties", () => {
        const known = ["accountIds", "resourceTypes", "failOnFindings", "region"];
        const cases: [string, string][] = [
            ["accountIDs", "accountIDs is not a property of this resource: did you mean accountIds?"],
            [
                "failOnFinding",
                "failOnFinding is not a property of this resource: did you mean failOnFindings?",
            ],
            ["regoin", "regoin is not a property of this resource: did you mean region?"],
            [
                "colour",
                "colour is not a property of this resource; its properties are accountIds, resourceTypes, " +
                    "failOnFindings or region",
            ],
        ];
        for (const [property, reason] of cases) {
            it(`refuses ${property}`, () => {
                const check = new InputCheck();
                checkKnownProperties(check, { [property]: 1, region: "eu-west-1" }, known);
                assert.deepEqual(check.failures, [{ property, reason }]);
            });
        }

        it("ignores known properties and undefined values", () => {
            const check = new InputCheck();
            checkKnownProperties(check, { region: "x", other: undefined }, known);
            assert.deepEqual(check.failures, []);
        });

        it("suggests only names near enough to be a typo", () => {
            assert.equal(closestName("resourcetype", known), "resourceTypes");
            assert.equal(closestName("zzz", known), undefined);
        });
    });
});
