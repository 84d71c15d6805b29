/** Which constraint of the model a value breaks. */
export type RuleKind =
    "required" | "type" | "length" | "count" | "pattern" | "enum" | "range" | "unique" | "union" | "depth";

/** A step into a value: a member name, a list index or a map key. */
export type PathStep = { readonly member: string } | { readonly index: number } | { readonly key: string };

/** One broken constraint: where, which rule, and a sentence naming the property, the value and the rule. */
export interface Violation {
    readonly path: readonly PathStep[];
    readonly rule: RuleKind;
    readonly message: string;
}

/** `filterCriteria.awsAccountId[0].value`, `tags.team`: how messages and `fields[].name` show a path. */
export function formatPath(path: readonly PathStep[]): string {
    let text = "";
    for (const step of path) {
        if ("index" in step) {
            text += `[${step.index}]`;
        } else {
            const name = "member" in step ? step.member : step.key;
            text += text === "" ? name : `.${name}`;
        }
    }
    return text === "" ? "input" : text;
}

/** A value as messages quote it: strings in quotes and shortened when long, others as JSON. */
export function quoteValue(value: unknown): string {
    if (typeof value === "string") {
        const shown = value.length > 64 ? `${value.slice(0, 64)}…` : value;
        const suffix = value.length > 64 ? ` (${value.length} characters)` : "";
        return `${JSON.stringify(shown)}${suffix}`;
    }
    if (value === null) return "null";
    if (Array.isArray(value)) return `a list of ${value.length}`;
    if (typeof value === "object") return "an object";
    return String(value);
}
