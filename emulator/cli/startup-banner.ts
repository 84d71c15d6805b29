import { ADMIN_TOKEN_HEADER, ADMIN_TOKEN_VARIABLE } from "../http/admin-token";

/** What the CLI prints once the emulator listens: where it is and the lines to paste into a shell. */
export function startupBanner(
    url: string,
    templateArn: string,
    env: Readonly<Record<string, string>>,
): string {
    return [
        `Inspector emulator listening on ${url}`,
        `Seeded Inspector Classic assessment template: ${templateArn}`,
        "",
        "Point the AWS CLI and SDKs at it by pasting into a shell:",
        ...Object.entries(env).map(([name, value]) => `export ${name}=${shellQuote(value)}`),
        "",
        `Admin API: ${url}/_emulator/ with the header "${ADMIN_TOKEN_HEADER}: $${ADMIN_TOKEN_VARIABLE}" (GET health, POST reset, GET/POST settings, GET calls, GET mutations)`,
        "Press Ctrl+C to stop.",
    ].join("\n");
}

/** The value as one shell word: bare when that is safe, else in single quotes. */
export function shellQuote(value: string): string {
    return /^[A-Za-z0-9_/.:@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
