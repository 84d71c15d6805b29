/**
 * Whether a name matches a list filter's namePattern: the pattern must match the whole name, case-sensitively,
 * and each `*` stands for any run of characters (also none). Every other character is literal.
 */
export function matchesNamePattern(pattern: string, name: string): boolean {
    const literal = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`^${pattern.split("*").map(literal).join(".*")}$`, "s").test(name);
}
