// The package's public surface: the two resources and their argument and output types. The local Inspector
// emulator is a separate entry point, `pulumi-inspector/emulator`.
export { AssessmentRun, ASSESSMENT_RUN_TYPE_TOKEN } from "./assessment-run/resource";
export type { AssessmentRunArgs, FailOnSeverity, StopAction } from "./assessment-run/args";
export { InspectorEnablement, ENABLEMENT_TYPE_TOKEN } from "./enablement/resource";
export type { InspectorEnablementArgs } from "./enablement/args";
export type { AssumeRoleArgs, CredentialArgs } from "./dynamic/credential-inputs";
export type { AccountStatus, FailedAccount, ResourceStatus, Status } from "./enablement/account-status";
export { RESOURCE_TYPES, type ResourceType } from "./enablement/account-status";
export { accountStatus, accountStatuses, type AccountStatusGroup } from "./enablement/status-groups";
export { FindingsGate, FINDINGS_GATE_TYPE_TOKEN } from "./findings-gate/resource";
export type {
    FindingsGateArgs,
    IgnoreEntry,
    ImageReference,
    Severity as FindingSeverity,
    SeverityKey,
    Thresholds,
} from "./findings-gate/args";
export type { ResourceReport, ScanStatus } from "./findings-gate/scan";
export type { IgnoredFindings, WorstFinding } from "./findings-gate/verdict";
