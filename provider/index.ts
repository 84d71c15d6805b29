// The package's public surface. Each resource and the emulator add their exports here.
export {};
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
