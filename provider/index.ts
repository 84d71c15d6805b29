/**
 * Pulumi resources for Amazon Inspector: {@link InspectorEnablement} turns Inspector (v2) scanning on for accounts of
 * an organisation, {@link FindingsGate} fails a deployment on Inspector (v2) findings, and {@link AssessmentRun}
 * runs an Inspector Classic assessment (retired by AWS on 2026-05-20). This is the package's public surface: the
 * three resources and every type their arguments and outputs use. The local Inspector emulator is a separate entry
 * point, `pulumi-inspector/emulator`.
 *
 * @module pulumi-inspector
 */
export { AssessmentRun, ASSESSMENT_RUN_TYPE_TOKEN } from "./assessment-run/resource";
export type { AssessmentRunArgs, FailOnSeverity, StopAction } from "./assessment-run/args";
export type { FindingCounts, Severity as AssessmentRunSeverity } from "./assessment-run/verdict";
export { InspectorEnablement, ENABLEMENT_TYPE_TOKEN } from "./enablement/resource";
export type { InspectorEnablementArgs } from "./enablement/args";
export type { AssumeRoleArgs, CredentialArgs } from "./dynamic/credential-inputs";
export type { AssumeRoleSettings } from "./aws/credentials";
export type {
    AccountStatus,
    FailedAccount,
    ResourceStatus,
    ResourceStatusKey,
    Status,
} from "./enablement/account-status";
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
export type { ImageInput } from "./findings-gate/inputs";
export type { ResourceReport, ScanStatus } from "./findings-gate/scan";
export type { IgnoredFindings, IgnoreRule, WorstFinding } from "./findings-gate/verdict";
