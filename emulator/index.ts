import type { EmulatorOptions, RunningEmulator } from "./emulator-api";
import { startEmulatorWith } from "./emulator";
import { createInspectorServices } from "./real-services";

export type {
    CallRecord,
    EmulatorAdmin,
    EmulatorOptions,
    MutationRecord,
    RunningEmulator,
} from "./emulator-api";
export type {
    AccountSettings,
    ClassicSettings,
    DelaySettings,
    EmulatorSettings,
    FaultSettings,
    OrganizationPolicySettings,
    PartialSettings,
    ResourceType,
    RoleSettings,
    ScanFindingSettings,
    ScanResourceSettings,
} from "./settings/settings";
export { DEFAULT_SETTINGS } from "./settings/default-settings";
export type { ServerLimits } from "./http/server-limits";
export { DEFAULT_LIMITS } from "./http/server-limits";
export { ADMIN_TOKEN_HEADER, ADMIN_TOKEN_VARIABLE } from "./http/admin-token";
export { CLIENT_TOKEN_WINDOW_MS } from "./inspector2/idempotency";
export { ServiceError } from "./service-error";

/** Starts a local Inspector (v2 and Classic) with STS on 127.0.0.1; resolves once it listens. */
export function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
    return startEmulatorWith(options, createInspectorServices);
}
