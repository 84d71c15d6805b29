// The package's public surface: the two resources and their argument and output types. The local Inspector
// emulator is a separate entry point, `pulumi-inspector/emulator`.
export { AssessmentRun, ASSESSMENT_RUN_TYPE_TOKEN } from "./assessment-run/resource";
export type { AssessmentRunArgs, FailOnSeverity, StopAction } from "./assessment-run/args";
export { InspectorEnablement, ENABLEMENT_TYPE_TOKEN } from "./enablement/resource";
export type { InspectorEnablementArgs } from "./enablement/args";
export type { AccountStatus, FailedAccount, ResourceStatus, Status } from "./enablement/account-status";
export { RESOURCE_TYPES, type ResourceType } from "./enablement/account-status";
