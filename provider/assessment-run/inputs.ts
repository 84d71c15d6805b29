import type { AssumeRoleSettings } from "../aws/credentials";
import type { FailOnSeverity, StopAction } from "./args";

/**
 * The inputs after `check`: validated, with every default filled in and the run name and region resolved, so
 * that `diff` compares what really takes effect. Optional members are left out rather than set to undefined,
 * because the engine's wire format has no undefined.
 */
export interface AssessmentRunInputs {
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
    /**
     * The resource's URN, computed by the class (the provider is never told the resource's name): what the
     * default run name is derived from besides the template and the triggers. Absent when the provider is used
     * without the class and a run name is given.
     */
    readonly resourceUrn?: string;
    /** The profile this resource's credentials come from, instead of the stack's (see provider/aws/credentials.ts). */
    readonly profile?: string;
    /** The role this resource assumes, instead of the stack's. */
    readonly assumeRole?: AssumeRoleSettings;
}

/** The input properties: check refuses any other, and create and update receive only these. */
export const INPUT_KEYS = [
    "assessmentTemplateArn",
    "assessmentRunName",
    "region",
    "waitForCompletion",
    "waitTimeoutSeconds",
    "failOnFindings",
    "triggers",
    "stopActionOnDelete",
    "deleteOnDestroy",
    "resourceUrn",
    "profile",
    "assumeRole",
] as const;

export const STOP_ACTIONS: readonly StopAction[] = ["START_EVALUATION", "SKIP_EVALUATION"];

export const DEFAULT_STOP_ACTION: StopAction = "START_EVALUATION";

/** The longest template ARN Inspector accepts. */
export const MAX_TEMPLATE_ARN_LENGTH = 300;

/** Longest wait a user may ask for: a run lasts at most a day, so a week is always enough. */
export const MAX_WAIT_TIMEOUT_SECONDS = 7 * 24 * 3600;

/** Added to the run's duration for the default wait timeout: rules evaluation follows data collection. */
export const EVALUATION_ALLOWANCE_SECONDS = 3600;
