/** Settings that break a rule; the admin API answers 400 listing `problems`, the CLI prints them. */
export class InvalidSettingsError extends Error {
    constructor(readonly problems: readonly string[]) {
        super(`Invalid emulator settings: ${problems.join("; ")}`);
        this.name = "InvalidSettingsError";
    }
}
