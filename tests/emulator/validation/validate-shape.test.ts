import assert from "node:assert/strict";
import type { ServiceModel } from "../../../emulator/model/service-model";
import { validateShape } from "../../../emulator/validation/validate-shape";
import { formatPath } from "../../../emulator/validation/violation";

/** A small model with one member per rule kind, so each row of the table breaks exactly one rule. */
const MODEL: ServiceModel = {
    metadata: { protocol: "rest-json", endpointPrefix: "test" },
    operations: {},
    shapes: {
        Input: {
            type: "structure",
            required: ["name"],
            members: {
                name: { shape: "Name" },
                accountId: { shape: "AccountId" },
                ids: { shape: "IdSet" },
                kinds: { shape: "KindList" },
                count: { shape: "Count" },
                ratio: { shape: "Ratio" },
                enabled: { shape: "Flag" },
                labels: { shape: "LabelMap" },
                nested: { shape: "Nested" },
                choice: { shape: "Choice" },
                at: { shape: "Stamp" },
                data: { shape: "Data" },
                label: { shape: "Label" },
            },
        },
        Name: { type: "string", min: 1, max: 8 },
        AccountId: { type: "string", min: 12, max: 12, pattern: "\\d{12}" },
        Label: { type: "string", pattern: "[\\p{L}\\p{N}_-]+" },
        IdSet: { type: "list", member: { shape: "AccountId" }, min: 1, max: 3 },
        KindList: { type: "list", member: { shape: "Kind" } },
        Kind: { type: "string", enum: ["EC2", "ECR"] },
        Count: { type: "integer", min: 1, max: 100 },
        Ratio: { type: "double", min: 0, max: 1 },
        Flag: { type: "boolean" },
        LabelMap: { type: "map", key: { shape: "Name" }, value: { shape: "Count" }, max: 2 },
        Nested: { type: "structure", required: ["inner"], members: { inner: { shape: "Kind" } } },
        Choice: {
            type: "structure",
            union: true,
            members: { left: { shape: "Name" }, right: { shape: "Count" } },
        },
        Stamp: { type: "timestamp" },
        Data: { type: "blob", max: 4 },
    },
};

const UNIQUE = new Set(["IdSet"]);

const VALID = { name: "ok" };

const TABLE: readonly {
    readonly input: Record<string, unknown>;
    readonly path: string;
    readonly rule: string;
    readonly message: string;
}[] = [
    { input: {}, path: "name", rule: "required", message: "name is required but missing" },
    { input: { name: null }, path: "name", rule: "required", message: "name is required but missing" },
    { input: { name: 5 }, path: "name", rule: "type", message: "name must be a string, got 5" },
    {
        input: { name: "" },
        path: "name",
        rule: "length",
        message: 'name "" is 0 characters long, shorter than the minimum of 1',
    },
    {
        input: { name: "ninechars" },
        path: "name",
        rule: "length",
        message: 'name "ninechars" is 9 characters long, longer than the maximum of 8',
    },
    {
        input: { ...VALID, accountId: "12345678901x" },
        path: "accountId",
        rule: "pattern",
        message: 'accountId "12345678901x" does not match the pattern \\d{12}',
    },
    {
        input: { ...VALID, label: "a b" },
        path: "label",
        rule: "pattern",
        message: 'label "a b" does not match the pattern [\\p{L}\\p{N}_-]+',
    },
    {
        input: { ...VALID, ids: "111122223333" },
        path: "ids",
        rule: "type",
        message: 'ids must be a list, got "111122223333"',
    },
    {
        input: { ...VALID, ids: [] },
        path: "ids",
        rule: "count",
        message: "ids has 0 items, fewer than the minimum of 1",
    },
    {
        input: { ...VALID, ids: ["111122223333", "111122223334", "111122223335", "111122223336"] },
        path: "ids",
        rule: "count",
        message: "ids has 4 items, more than the maximum of 3",
    },
    {
        input: { ...VALID, ids: ["111122223333", "111122223333"] },
        path: "ids[1]",
        rule: "unique",
        message: 'ids[1] "111122223333" repeats an earlier item; the items must be unique',
    },
    {
        input: { ...VALID, ids: ["111122223333", "1"] },
        path: "ids[1]",
        rule: "length",
        message: 'ids[1] "1" is 1 character long, shorter than the minimum of 12',
    },
    {
        input: { ...VALID, kinds: ["EC2", "EC3"] },
        path: "kinds[1]",
        rule: "enum",
        message: 'kinds[1] "EC3" is not one of EC2, ECR',
    },
    {
        input: { ...VALID, count: 0 },
        path: "count",
        rule: "range",
        message: "count 0 is less than the minimum of 1",
    },
    {
        input: { ...VALID, count: 101 },
        path: "count",
        rule: "range",
        message: "count 101 is greater than the maximum of 100",
    },
    {
        input: { ...VALID, count: 1.5 },
        path: "count",
        rule: "type",
        message: "count must be an integer, got 1.5",
    },
    {
        input: { ...VALID, count: "7" },
        path: "count",
        rule: "type",
        message: 'count must be an integer, got "7"',
    },
    {
        input: { ...VALID, ratio: 1.5 },
        path: "ratio",
        rule: "range",
        message: "ratio 1.5 is greater than the maximum of 1",
    },
    {
        input: { ...VALID, enabled: "yes" },
        path: "enabled",
        rule: "type",
        message: 'enabled must be a boolean, got "yes"',
    },
    {
        input: { ...VALID, labels: [] },
        path: "labels",
        rule: "type",
        message: "labels must be a map, got a list of 0",
    },
    {
        input: { ...VALID, labels: { a: 1, b: 2, c: 3 } },
        path: "labels",
        rule: "count",
        message: "labels has 3 entries, more than the maximum of 2",
    },
    {
        input: { ...VALID, labels: { toolongkey: 1 } },
        path: "labels.toolongkey",
        rule: "length",
        message: 'labels.toolongkey "toolongkey" is 10 characters long, longer than the maximum of 8',
    },
    {
        input: { ...VALID, labels: { a: 0 } },
        path: "labels.a",
        rule: "range",
        message: "labels.a 0 is less than the minimum of 1",
    },
    {
        input: { ...VALID, nested: {} },
        path: "nested.inner",
        rule: "required",
        message: "nested.inner is required but missing",
    },
    {
        input: { ...VALID, nested: "x" },
        path: "nested",
        rule: "type",
        message: 'nested must be an object, got "x"',
    },
    {
        input: { ...VALID, choice: {} },
        path: "choice",
        rule: "union",
        message: "choice must set exactly one of left, right; it sets none",
    },
    {
        input: { ...VALID, choice: { left: "a", right: 2 } },
        path: "choice",
        rule: "union",
        message: "choice must set exactly one of left, right; it sets left, right",
    },
    {
        input: { ...VALID, at: "yesterday" },
        path: "at",
        rule: "type",
        message: 'at must be a timestamp (epoch seconds), got "yesterday"',
    },
    {
        input: { ...VALID, data: "!!" },
        path: "data",
        rule: "type",
        message: 'data must be base64 text, got "!!"',
    },
    {
        input: { ...VALID, data: "AAAAAAA=" },
        path: "data",
        rule: "count",
        message: "data has 5 bytes, more than the maximum of 4",
    },
];

describe("validateShape", () => {
    for (const row of TABLE) {
        it(`reports ${row.rule} at ${row.path}: ${row.message}`, () => {
            const violations = validateShape(MODEL, "Input", row.input, { uniqueItemLists: UNIQUE });
            assert.deepEqual(
                violations.map((violation) => ({
                    path: formatPath(violation.path),
                    rule: violation.rule,
                    message: violation.message,
                })),
                [{ path: row.path, rule: row.rule, message: row.message }],
            );
        });
    }

    it("accepts a value that keeps every rule, ignoring members the model does not know", () => {
        const input = {
            name: "ok",
            accountId: "111122223333",
            label: "émile_1",
            ids: ["111122223333", "444455556666"],
            kinds: ["EC2"],
            count: 100,
            ratio: 0.5,
            enabled: false,
            labels: { a: 1 },
            nested: { inner: "ECR" },
            choice: { right: 3 },
            at: 1_700_000_000,
            data: "AAAA",
            unknownMember: { anything: true },
        };
        assert.deepEqual(validateShape(MODEL, "Input", input, { uniqueItemLists: UNIQUE }), []);
    });

    it("anchors patterns: a match inside a longer value does not count", () => {
        const violations = validateShape(MODEL, "Input", { name: "ok", label: "ok!" });
        assert.deepEqual(
            violations.map((violation) => violation.rule),
            ["pattern"],
        );
    });

    it("counts characters, not UTF-16 units, for length limits", () => {
        assert.deepEqual(validateShape(MODEL, "Input", { name: "😀😀😀😀😀😀😀😀" }), []);
    });

    it("leaves lists without the unique-items trait free to repeat", () => {
        assert.deepEqual(
            validateShape(MODEL, "Input", { name: "ok", ids: ["111122223333", "111122223333"] }),
            [],
        );
    });

    it("reports every broken rule, in member order", () => {
        const violations = validateShape(MODEL, "Input", { count: 0, kinds: ["X"] });
        assert.deepEqual(
            violations.map((violation) => formatPath(violation.path)),
            ["name", "kinds[0]", "count"],
        );
    });
});
