/**
 * A local Amazon Inspector (v2 and Classic) with STS, for programs and tests without an AWS account:
 * {@link startEmulator} starts one in process; the `inspector-emulator` command starts one from a shell
 * (`npx -p pulumi-inspector inspector-emulator`).
 *
 * @module pulumi-inspector/emulator
 */
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
    DeepPartial,
    DelaySettings,
    EmulatorSettings,
    FaultSettings,
    FindingSeverity,
    OrganizationPolicySettings,
    PartialSettings,
    ResourceType,
    RoleSettings,
    ScanFindingSettings,
    ScanResourceSettings,
    ScanResourceType,
} from "./settings/settings";
export type { ServiceName } from "./service";
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
