import type { EmulatorRuntime } from "../emulator-runtime";
import { InvalidSettingsError } from "../settings/invalid-settings-error";
import type { AccountSettings, EmulatorSettings, PartialSettings } from "../settings/settings";
import { parseJsonObject } from "./json-body";
import type { WireResponse } from "./wire-protocol";
import { ServiceError } from "../service-error";

/** Where the admin API lives; no AWS operation path starts with it. */
export const ADMIN_PREFIX = "/_emulator/";

/**
 * The admin API: plain JSON over HTTP, not AWS-signed: the server has already checked the request's Host, Origin,
 * admin token and content type. `changed` reports whether the state file needs writing. Settings are answered
 * without the accounts' secret keys unless the query says `includeSecrets=true`.
 */
export function handleAdminRequest(
    runtime: EmulatorRuntime,
    method: string,
    rawPath: string,
    rawQuery: string,
    body: Buffer,
): { readonly response: WireResponse; readonly changed: boolean } {
    const route = `${method} ${rawPath.slice(ADMIN_PREFIX.length).replace(/\/$/, "")}`;
    const shown = (settings: EmulatorSettings) =>
        new URLSearchParams(rawQuery).get("includeSecrets") === "true" ? settings : withoutSecrets(settings);
    try {
        switch (route) {
            case "GET health":
                return answer(200, { status: "ok", templateArn: runtime.templateArn });
            case "POST reset":
                runtime.reset();
                return answer(200, { status: "reset", templateArn: runtime.templateArn }, true);
            case "GET settings":
                return answer(200, shown(runtime.settings()));
            case "POST settings":
                runtime.updateSettings(parseJsonObject(body) as PartialSettings);
                return answer(200, shown(runtime.settings()), true);
            case "GET calls":
                return answer(200, runtime.log.calls());
            case "GET mutations":
                return answer(200, runtime.log.mutations());
            default:
                return answer(404, {
                    message: `No admin route ${method} ${rawPath}; routes: GET health, POST reset, GET/POST settings, GET calls, GET mutations under ${ADMIN_PREFIX}`,
                });
        }
    } catch (error) {
        if (error instanceof InvalidSettingsError)
            return answer(400, { message: error.message, problems: error.problems });
        if (error instanceof ServiceError) return answer(error.statusCode, { message: error.message });
        throw error;
    }
}

/** The settings without any account's secret access key (the access key ID stays, to say which accounts sign). */
export function withoutSecrets(settings: EmulatorSettings): EmulatorSettings {
    return {
        ...settings,
        accounts: settings.accounts.map(
            (account) =>
                Object.fromEntries(
                    Object.entries(account).filter(([name]) => name !== "secretAccessKey"),
                ) as AccountSettings,
        ),
    };
}

function answer(
    status: number,
    body: unknown,
    changed = false,
): { response: WireResponse; changed: boolean } {
    return {
        response: { status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
        changed,
    };
}
