import { DEFAULT_SETTINGS } from "./settings/default-settings";
import type { EmulatorAdmin, EmulatorOptions, RunningEmulator } from "./emulator-api";
import { EmulatorRuntime } from "./emulator-runtime";
import { ADMIN_TOKEN_VARIABLE, adminTokenProblem, generateAdminToken } from "./http/admin-token";
import { EmulatorServer } from "./http/emulator-server";
import { serverLimits } from "./http/server-limits";
import { mergeSettings } from "./settings/merge-settings";
import type { ServiceFactory } from "./service-set";
import type { EmulatorSettings } from "./settings/settings";
import { PersistentState } from "./state/persistent-state";

/**
 * Starts an emulator around the services `createServices` builds: settings are the defaults, then the state
 * file's, then `options.settings`; state comes from the state file when there is one.
 */
export async function startEmulatorWith(
    options: EmulatorOptions,
    createServices: ServiceFactory,
): Promise<RunningEmulator> {
    const now = options.now ?? Date.now;
    const limits = serverLimits(options.limits);
    const adminToken = options.adminToken ?? generateAdminToken();
    const tokenProblem = adminTokenProblem(adminToken);
    if (tokenProblem) throw new Error(`Invalid adminToken: ${tokenProblem}`);
    const state = options.stateFile ? new PersistentState(options.stateFile) : undefined;
    const persisted = state?.loaded;
    const settings = mergeSettings(mergeSettings(DEFAULT_SETTINGS, persisted?.settings), options.settings);
    const runtime = new EmulatorRuntime(settings, now, createServices);
    if (persisted) runtime.restore(persisted);
    runtime.seedDefaults();

    state?.start(runtime);
    const persist = state ? () => state.record(runtime) : () => undefined;
    const server = new EmulatorServer(runtime, persist, { limits, adminToken });
    const port = await server.listen(options.port ?? 0);
    const url = `http://127.0.0.1:${port}`;

    const admin: EmulatorAdmin = {
        reset: () => {
            runtime.reset();
            persist();
        },
        updateSettings: (patch) => {
            runtime.updateSettings(patch);
            persist();
        },
        settings: () => runtime.settings(),
        calls: () => runtime.log.calls(),
        mutations: () => runtime.log.mutations(),
    };
    let closed: Promise<void> | undefined;
    return {
        url,
        env: { ...environmentFor(url, runtime.settings()), [ADMIN_TOKEN_VARIABLE]: adminToken },
        adminToken,
        get templateArn() {
            return runtime.templateArn;
        },
        admin,
        close: () => {
            closed ??= server.close().then(() => state?.close(runtime));
            return closed;
        },
    };
}

/** What a shell or SDK needs to talk to the emulator as the delegated administrator. */
function environmentFor(url: string, settings: EmulatorSettings): Record<string, string> {
    const signer =
        settings.accounts.find((account) => account.role === "administrator" && account.accessKeyId) ??
        settings.accounts.find((account) => account.accessKeyId);
    return {
        AWS_ENDPOINT_URL_INSPECTOR2: url,
        AWS_ENDPOINT_URL_INSPECTOR: url,
        AWS_ENDPOINT_URL_STS: url,
        AWS_ACCESS_KEY_ID: signer?.accessKeyId ?? "",
        AWS_SECRET_ACCESS_KEY: signer?.secretAccessKey ?? "",
        AWS_REGION: settings.region,
    };
}
