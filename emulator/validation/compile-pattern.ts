const compiled = new Map<string, RegExp>();

/**
 * The model's `pattern` as a RegExp that must match the whole value: AWS checks patterns against the entire
 * string, and several model patterns rely on it (`\d{12}` or `[a-zA-Z0-9-]+` would otherwise match a part).
 * Patterns use Unicode property classes (`\p{L}`), so they compile in Unicode mode; the few that are not valid
 * Unicode-mode syntax compile without it.
 */
export function compilePattern(pattern: string): RegExp {
    let regex = compiled.get(pattern);
    if (!regex) {
        const anchored = `^(?:${pattern})$`;
        try {
            regex = new RegExp(anchored, "u");
        } catch {
            regex = new RegExp(anchored);
        }
        compiled.set(pattern, regex);
    }
    return regex;
}
