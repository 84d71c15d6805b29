import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { canonicalJson } from "../core/canonical";

/**
 * The check kit: what every resource's `check` is built from. Check runs at `pulumi preview`, so it never calls
 * AWS; each failure names the property, shows the value and states the rule; values the engine does not know yet
 * (computed from other resources' outputs) are accepted as they are.
 */

/** One problem with one input, as the engine shows it under the property. */
export interface CheckFailure {
    readonly property: string;
    readonly reason: string;
}

/** The normalised inputs (defaults filled in, canonical spellings, unknowns kept) and every failure. */
export interface CheckOutcome {
    readonly inputs: Record<string, unknown>;
    readonly failures: CheckFailure[];
}

/** The engine's placeholder for a value not known until the update runs (the SDK's own sentinel). */
export const UNKNOWN = unknownValue;
export type Unknown = typeof unknownValue;

export function isUnknown(value: unknown): value is Unknown {
    return value === unknownValue;
}

/** True for a value that is unknown, or a list or object that holds one. */
export function containsUnknown(value: unknown): boolean {
    if (isUnknown(value)) return true;
    if (Array.isArray(value)) return value.some(containsUnknown);
    if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
    return false;
}

const MAX_SHOWN_LENGTH = 100;

/** A value as a message shows it: strings quoted, long values shortened, the type named for lists and objects. */
export function describeValue(value: unknown): string {
    if (value === undefined) return "undefined";
    if (typeof value === "string") return JSON.stringify(shorten(value));
    if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
    return `${shorten(canonicalJson(value))} (${Array.isArray(value) ? "list" : typeof value})`;
}

function shorten(text: string): string {
    return text.length > MAX_SHOWN_LENGTH ? `${text.slice(0, MAX_SHOWN_LENGTH - 3)}...` : text;
}

/** Collects the checked inputs and the failures of one check. */
export class InputCheck {
    readonly inputs: Record<string, unknown> = {};
    readonly failures: CheckFailure[] = [];

    fail(property: string, reason: string): void {
        this.failures.push({ property, reason });
    }

    /** Records a checked input; undefined is left out, since the engine's wire format has no undefined. */
    set(property: string, value: unknown): void {
        if (value !== undefined) this.inputs[property] = value;
    }

    outcome(): CheckOutcome {
        return { inputs: this.inputs, failures: this.failures };
    }
}

function absent(value: unknown): value is undefined | null {
    return value === undefined || value === null;
}

/** A boolean input: `fallback` when absent. */
export function checkBoolean(
    check: InputCheck,
    property: string,
    value: unknown,
    fallback: boolean,
): boolean | Unknown {
    if (absent(value)) return fallback;
    if (isUnknown(value) || typeof value === "boolean") return value;
    check.fail(property, `${property} ${describeValue(value)} is not a boolean: use true or false`);
    return fallback;
}

/** A whole number of seconds from `min` to `max`: `fallback` when absent (undefined: stays absent). */
export function checkWholeSeconds(
    check: InputCheck,
    property: string,
    value: unknown,
    limits: { readonly min: number; readonly max: number; readonly fallback?: number },
): number | Unknown | undefined {
    if (absent(value)) return limits.fallback;
    if (isUnknown(value)) return value;
    if (typeof value === "number" && Number.isInteger(value) && value >= limits.min && value <= limits.max) {
        return value;
    }
    check.fail(
        property,
        `${property} ${describeValue(value)} is not allowed: use a whole number of seconds from ${limits.min} to ` +
            `${limits.max}${limits.max >= 86_400 ? ` (${formatDays(limits.max)})` : ""}`,
    );
    return undefined;
}

function formatDays(seconds: number): string {
    const days = seconds / 86_400;
    return `${days} ${days === 1 ? "day" : "days"}`;
}

/** A number of seconds from `min` to `max`, fractions allowed: `fallback` when absent. */
export function checkSeconds(
    check: InputCheck,
    property: string,
    value: unknown,
    limits: { readonly min: number; readonly max: number; readonly fallback: number },
): number | Unknown | undefined {
    if (absent(value)) return limits.fallback;
    if (isUnknown(value)) return value;
    if (typeof value === "number" && Number.isFinite(value) && value >= limits.min && value <= limits.max) {
        return value;
    }
    check.fail(
        property,
        `${property} ${describeValue(value)} is not allowed: use a number of seconds from ${limits.min} to ${limits.max}`,
    );
    return undefined;
}

/** How a list of choices reads in a message: `A, B or C`. */
export function listChoices(choices: readonly string[]): string {
    return choices.length <= 1 ? choices.join("") : `${choices.slice(0, -1).join(", ")} or ${choices.at(-1)}`;
}

/**
 * One rule for every enumerated input: any letter case is accepted and the canonical spelling stored, so
 * `lambda`, `Lambda` and `LAMBDA` mean the same and diff never sees a difference of case. Undefined when the
 * value names none of the choices (the failure says which there are).
 */
export function canonicalChoice<T extends string>(choices: readonly T[], value: unknown): T | undefined {
    if (typeof value !== "string") return undefined;
    return choices.find((choice) => choice.toLowerCase() === value.toLowerCase());
}

/** An enumerated input (see {@link canonicalChoice}): `fallback` when absent. */
export function checkChoice<T extends string>(
    check: InputCheck,
    property: string,
    value: unknown,
    options: { readonly choices: readonly T[]; readonly noun: string; readonly fallback?: T },
): T | Unknown | undefined {
    if (absent(value)) return options.fallback;
    if (isUnknown(value)) return value;
    const choice = canonicalChoice(options.choices, value);
    if (choice) return choice;
    check.fail(
        property,
        `${property} ${describeValue(value)} is not ${article(options.noun)} ${options.noun}: use ` +
            `${listChoices(options.choices)} (any letter case)`,
    );
    return options.fallback;
}

function article(noun: string): string {
    return /^[aeiou]/i.test(noun) ? "an" : "a";
}

/**
 * A list input whose items each pass `checkItem` (which returns the canonical item, or a failure reason). Known
 * lists come back without duplicates and sorted when `sorted` is set; unknown items are kept as they are.
 */
export function checkList<T>(
    check: InputCheck,
    property: string,
    value: unknown,
    options: {
        /** What the list holds, for messages: `a list of 12-digit account IDs`. */
        readonly expected: string;
        /** Said when the list is absent or empty and must not be; undefined allows both. */
        readonly required?: string;
        readonly checkItem: (item: unknown) => { readonly item: T } | { readonly reason: string };
        readonly sorted?: boolean;
    },
): (T | Unknown)[] | Unknown | undefined {
    if (isUnknown(value)) return value;
    if (absent(value)) {
        if (options.required) check.fail(property, `${property} is missing: ${options.required}`);
        return undefined;
    }
    if (!Array.isArray(value)) {
        check.fail(property, `${property} ${describeValue(value)} is not a list: give ${options.expected}`);
        return undefined;
    }
    if (value.length === 0 && options.required) {
        check.fail(property, `${property} [] is empty: ${options.required}`);
        return undefined;
    }
    const items: (T | Unknown)[] = [];
    let valid = true;
    value.forEach((item, index) => {
        if (isUnknown(item)) return void items.push(item);
        const result = options.checkItem(item);
        if ("reason" in result) {
            valid = false;
            check.fail(property, `${property}[${index}] ${describeValue(item)} ${result.reason}`);
        } else {
            items.push(result.item);
        }
    });
    if (!valid) return undefined;
    if (!options.sorted || items.some(isUnknown)) return items;
    return [...new Set(items as string[])].sort() as T[];
}

/**
 * Refuses properties the resource does not have, naming the closest one it has: a typo such as `accountIDs`
 * must not silently fall back to a default that does something else.
 */
export function checkKnownProperties(
    check: InputCheck,
    news: Readonly<Record<string, unknown>>,
    known: readonly string[],
): void {
    for (const property of Object.keys(news).sort()) {
        if (known.includes(property) || news[property] === undefined) continue;
        const closest = closestName(property, known);
        check.fail(
            property,
            `${property} is not a property of this resource` +
                (closest ? `: did you mean ${closest}?` : `; its properties are ${listChoices(known)}`),
        );
    }
}

/** The known name nearest to `name` (by edit distance, ignoring case), if it is near enough to be a typo. */
export function closestName(name: string, known: readonly string[]): string | undefined {
    let best: { name: string; distance: number } | undefined;
    for (const candidate of known) {
        const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
        if (!best || distance < best.distance) best = { name: candidate, distance };
    }
    return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(
                previous[j] + 1,
                current[j - 1] + 1,
                previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
            );
        }
        previous = current;
    }
    return previous[b.length];
}
