// The package's public surface: the two resources, their argument and output types, and the emulator.
export { AssessmentRun } from "./assessment-run/resource";
export type { AssessmentRunArgs, FailOnSeverity, StopAction } from "./assessment-run/args";
export { startEmulator, DEFAULT_SETTINGS } from "./emulator";
export type {
    CallRecord,
    EmulatorAdmin,
    EmulatorOptions,
    EmulatorSettings,
    MutationRecord,
    PartialSettings,
    RunningEmulator,
} from "./emulator";
export { InspectorEnablement, ENABLEMENT_TYPE_TOKEN } from "./enablement/resource";
export type { InspectorEnablementArgs } from "./enablement/args";
export type { AccountStatus, FailedAccount, ResourceStatus, Status } from "./enablement/account-status";
export { RESOURCE_TYPES, type ResourceType } from "./enablement/resource-types";
