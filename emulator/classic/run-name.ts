/** The model's limit on run names. */
export const MAX_RUN_NAME_LENGTH = 140;

/**
 * The name a run gets when StartAssessmentRun names none, like AWS's: `Run - <template> - <ISO start time>`,
 * with ` (2)`, ` (3)`… added when runs of the template started in the same millisecond. The template's name is
 * shortened when needed to keep within the model's 140 characters.
 */
export function defaultRunName(templateName: string, now: number, taken: ReadonlySet<string>): string {
    const time = new Date(now).toISOString();
    for (let copy = 1; ; copy++) {
        const suffix = `${copy === 1 ? "" : ` (${copy})`}`;
        const room = MAX_RUN_NAME_LENGTH - `Run -  - ${time}${suffix}`.length;
        const name = `Run - ${templateName.slice(0, room)} - ${time}${suffix}`;
        if (!taken.has(name)) return name;
    }
}
