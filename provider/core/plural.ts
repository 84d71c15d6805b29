/**
 * A count with its noun, singular for exactly one: `plural(1, "account")` is "1 account", `plural(2, "account")`
 * "2 accounts", `plural(3, "code repository", "code repositories")` "3 code repositories".
 */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
    return `${count} ${count === 1 ? singular : pluralForm}`;
}
