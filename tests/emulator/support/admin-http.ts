import type { RunningEmulator } from "../../../emulator";

/** What an admin request answered: the status and the parsed JSON. */
export interface AdminAnswer {
    readonly status: number;
    readonly body: unknown;
}

/**
 * Calls the admin API over HTTP as its documentation says to: the emulator's token in `X-Emulator-Token`, and a
 * POST's body declared as JSON. `path` is what follows `/_emulator/` (a query included).
 */
export async function adminRequest(
    emulator: RunningEmulator,
    method: string,
    path: string,
    body?: string,
): Promise<AdminAnswer> {
    const response = await fetch(`${emulator.url}/_emulator/${path}`, {
        method,
        headers: {
            "x-emulator-token": emulator.adminToken,
            ...(method === "POST" ? { "content-type": "application/json" } : {}),
        },
        body,
    });
    return { status: response.status, body: (await response.json()) as unknown };
}
