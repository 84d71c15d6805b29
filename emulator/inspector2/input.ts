/*
 * Readers for already-validated input members. The core has checked the input against the model, so these only
 * narrow the types; an absent member reads as undefined.
 */

export function stringListMember(
    input: Record<string, unknown>,
    name: string,
): readonly string[] | undefined {
    const value = input[name];
    return Array.isArray(value)
        ? value.filter((item): item is string => typeof item === "string")
        : undefined;
}

export function stringMember(input: Record<string, unknown>, name: string): string | undefined {
    const value = input[name];
    return typeof value === "string" ? value : undefined;
}

export function numberMember(input: Record<string, unknown>, name: string): number | undefined {
    const value = input[name];
    return typeof value === "number" ? value : undefined;
}

export function booleanMember(input: Record<string, unknown>, name: string): boolean | undefined {
    const value = input[name];
    return typeof value === "boolean" ? value : undefined;
}
