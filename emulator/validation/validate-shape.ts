import type { ServiceModel, ShapeModel } from "../model/service-model";
import { compilePattern } from "./compile-pattern";
import type { PathStep, Violation } from "./violation";
import { formatPath, quoteValue } from "./violation";

/** Deeper nesting than any real request needs; stops hostile inputs from exhausting the stack. */
const MAX_DEPTH = 64;

export interface ValidationOptions {
    /** List shapes whose items must be unique (the Smithy `@uniqueItems` trait). */
    readonly uniqueItemLists?: ReadonlySet<string>;
}

/**
 * Every constraint of the model that `value` breaks, checked recursively from the shape `shapeName`: required
 * members, types, string length, list and map sizes, patterns, enums, numeric ranges, unique items and unions.
 * Members the model does not know are ignored, as AWS does. An empty result means the value is valid.
 */
export function validateShape(
    model: ServiceModel,
    shapeName: string,
    value: unknown,
    options: ValidationOptions = {},
): Violation[] {
    const violations: Violation[] = [];
    new ShapeValidator(model, options, violations).check(shapeName, value, []);
    return violations;
}

class ShapeValidator {
    constructor(
        private readonly model: ServiceModel,
        private readonly options: ValidationOptions,
        private readonly violations: Violation[],
    ) {}

    check(shapeName: string, value: unknown, path: readonly PathStep[]): void {
        const shape = this.model.shapes[shapeName];
        if (!shape) return;
        if (path.length > MAX_DEPTH) {
            this.report(path, "depth", `${formatPath(path)} nests deeper than ${MAX_DEPTH} levels`);
            return;
        }
        switch (shape.type) {
            case "structure":
                return this.checkStructure(shape, value, path);
            case "list":
                return this.checkList(shapeName, shape, value, path);
            case "map":
                return this.checkMap(shape, value, path);
            case "string":
                return this.checkString(shape, value, path);
            case "integer":
            case "long":
                return this.checkNumber(shape, value, path, true);
            case "double":
            case "float":
                return this.checkNumber(shape, value, path, false);
            case "boolean":
                if (typeof value !== "boolean") this.typeMismatch(path, "a boolean", value);
                return;
            case "timestamp":
                return this.checkTimestamp(value, path);
            case "blob":
                return this.checkBlob(shape, value, path);
        }
    }

    private checkStructure(shape: ShapeModel, value: unknown, path: readonly PathStep[]): void {
        if (!isObject(value)) return this.typeMismatch(path, "an object", value);
        const members = shape.members ?? {};
        for (const name of shape.required ?? []) {
            if (value[name] === undefined || value[name] === null) {
                const memberPath = [...path, { member: name }];
                this.report(memberPath, "required", `${formatPath(memberPath)} is required but missing`);
            }
        }
        const present = Object.keys(members).filter(
            (name) => value[name] !== undefined && value[name] !== null,
        );
        if (shape.union && present.length !== 1) {
            this.report(
                path,
                "union",
                `${formatPath(path)} must set exactly one of ${Object.keys(members).join(", ")}; it sets ` +
                    (present.length === 0 ? "none" : present.join(", ")),
            );
        }
        for (const name of present) this.check(members[name].shape, value[name], [...path, { member: name }]);
    }

    private checkList(shapeName: string, shape: ShapeModel, value: unknown, path: readonly PathStep[]): void {
        if (!Array.isArray(value)) return this.typeMismatch(path, "a list", value);
        this.checkSize(shape, value.length, path, "items");
        if (this.options.uniqueItemLists?.has(shapeName)) {
            const seen = new Set<string>();
            value.forEach((item, index) => {
                const identity = JSON.stringify(item);
                if (seen.has(identity)) {
                    const itemPath = [...path, { index }];
                    this.report(
                        itemPath,
                        "unique",
                        `${formatPath(itemPath)} ${quoteValue(item)} repeats an earlier item; the items must be unique`,
                    );
                }
                seen.add(identity);
            });
        }
        const element = shape.member?.shape;
        if (element) value.forEach((item, index) => this.check(element, item, [...path, { index }]));
    }

    private checkMap(shape: ShapeModel, value: unknown, path: readonly PathStep[]): void {
        if (!isObject(value)) return this.typeMismatch(path, "a map", value);
        const entries = Object.entries(value);
        this.checkSize(shape, entries.length, path, "entries");
        for (const [key, item] of entries) {
            const entryPath = [...path, { key }];
            if (shape.key) this.check(shape.key.shape, key, entryPath);
            if (shape.value) this.check(shape.value.shape, item, entryPath);
        }
    }

    private checkSize(shape: ShapeModel, size: number, path: readonly PathStep[], noun: string): void {
        if (shape.min !== undefined && size < shape.min) {
            this.report(
                path,
                "count",
                `${formatPath(path)} has ${size} ${noun}, fewer than the minimum of ${shape.min}`,
            );
        } else if (shape.max !== undefined && size > shape.max) {
            this.report(
                path,
                "count",
                `${formatPath(path)} has ${size} ${noun}, more than the maximum of ${shape.max}`,
            );
        }
    }

    private checkString(shape: ShapeModel, value: unknown, path: readonly PathStep[]): void {
        if (typeof value !== "string") return this.typeMismatch(path, "a string", value);
        const where = `${formatPath(path)} ${quoteValue(value)}`;
        if (shape.enum && !shape.enum.includes(value)) {
            this.report(path, "enum", `${where} is not one of ${shape.enum.join(", ")}`);
            return;
        }
        // Lengths count Unicode code points, as AWS does, not UTF-16 units.
        const length = [...value].length;
        if (shape.min !== undefined && length < shape.min) {
            this.report(
                path,
                "length",
                `${where} is ${characters(length)} long, shorter than the minimum of ${shape.min}`,
            );
        } else if (shape.max !== undefined && length > shape.max) {
            this.report(
                path,
                "length",
                `${where} is ${characters(length)} long, longer than the maximum of ${shape.max}`,
            );
        } else if (shape.pattern !== undefined && !compilePattern(shape.pattern).test(value)) {
            this.report(path, "pattern", `${where} does not match the pattern ${shape.pattern}`);
        }
    }

    private checkNumber(
        shape: ShapeModel,
        value: unknown,
        path: readonly PathStep[],
        integer: boolean,
    ): void {
        if (typeof value !== "number" || !Number.isFinite(value)) {
            return this.typeMismatch(path, integer ? "an integer" : "a number", value);
        }
        if (integer && !Number.isInteger(value)) return this.typeMismatch(path, "an integer", value);
        if (shape.min !== undefined && value < shape.min) {
            this.report(
                path,
                "range",
                `${formatPath(path)} ${value} is less than the minimum of ${shape.min}`,
            );
        } else if (shape.max !== undefined && value > shape.max) {
            this.report(
                path,
                "range",
                `${formatPath(path)} ${value} is greater than the maximum of ${shape.max}`,
            );
        }
    }

    /** JSON protocols send timestamps as epoch seconds; ISO 8601 text is accepted too. */
    private checkTimestamp(value: unknown, path: readonly PathStep[]): void {
        const valid =
            (typeof value === "number" && Number.isFinite(value)) ||
            (typeof value === "string" && !Number.isNaN(Date.parse(value)));
        if (!valid) this.typeMismatch(path, "a timestamp (epoch seconds)", value);
    }

    private checkBlob(shape: ShapeModel, value: unknown, path: readonly PathStep[]): void {
        if (typeof value !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
            return this.typeMismatch(path, "base64 text", value);
        }
        this.checkSize(shape, Buffer.from(value, "base64").length, path, "bytes");
    }

    private typeMismatch(path: readonly PathStep[], expected: string, value: unknown): void {
        this.report(path, "type", `${formatPath(path)} must be ${expected}, got ${quoteValue(value)}`);
    }

    private report(path: readonly PathStep[], rule: Violation["rule"], message: string): void {
        this.violations.push({ path, rule, message });
    }
}

function characters(count: number): string {
    return count === 1 ? "1 character" : `${count} characters`;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
