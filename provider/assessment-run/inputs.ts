import type { FailOnSeverity, StopAction } from "./args";

/**
 * What the default run name is derived from besides the template and triggers: the resource's place in the
 * program. The resource's constructor passes it, because the provider is never told the resource's name.
 */
export interface NamingScope {
    readonly project: string;
    readonly stack: string;
    readonly resource: string;
}

/**
 * The inputs after `check`: validated, with every default filled in and the run name and region resolved, so
 * that `diff` compares what really takes effect. Optional members are left out rather than set to undefined,
 * because the engine's wire format has no undefined.
 */
export interface RunInputs {
    readonly assessmentTemplateArn: string;
    /** The effective name: the user's (plus a triggers hash when triggers are set) or the derived one. */
    readonly assessmentRunName: string;
    readonly region: string;
    readonly waitForCompletion: boolean;
    readonly waitTimeoutSeconds?: number;
    readonly failOnFindings?: FailOnSeverity;
    readonly triggers?: readonly unknown[];
    readonly stopActionOnDelete: StopAction;
    readonly deleteOnDestroy: boolean;
    readonly namingScope: NamingScope;
}

export const DEFAULT_STOP_ACTION: StopAction = "START_EVALUATION";

/** Longest wait a user may ask for: a run lasts at most a day, so a week is always enough. */
export const MAX_WAIT_TIMEOUT_SECONDS = 7 * 24 * 3600;

/** Added to the run's duration for the default wait timeout: rules evaluation follows data collection. */
export const EVALUATION_ALLOWANCE_SECONDS = 3600;

/** The input properties, in the order check reports them. */
export const INPUT_PROPERTIES = [
    "assessmentTemplateArn",
    "assessmentRunName",
    "region",
    "waitForCompletion",
    "waitTimeoutSeconds",
    "failOnFindings",
    "triggers",
    "stopActionOnDelete",
    "deleteOnDestroy",
    "namingScope",
] as const;
