/** A count with its noun in the right number: `plural(1, "account")` is "1 account", `plural(2, "account")` "2 accounts". */
export function plural(count: number, singular: string, pluralForm: string = `${singular}s`): string {
    return `${count} ${count === 1 ? singular : pluralForm}`;
}
