/** The stored Inspector Classic entities. Times are milliseconds since the epoch; everything is JSON-safe. */

export type RunState =
    | "CREATED"
    | "START_DATA_COLLECTION_PENDING"
    | "START_DATA_COLLECTION_IN_PROGRESS"
    | "COLLECTING_DATA"
    | "STOP_DATA_COLLECTION_PENDING"
    | "DATA_COLLECTED"
    | "START_EVALUATING_RULES_PENDING"
    | "EVALUATING_RULES"
    | "FAILED"
    | "ERROR"
    | "COMPLETED"
    | "COMPLETED_WITH_ERRORS"
    | "CANCELED";

/** How a run ends when nobody stops it. */
export type RunOutcome = "COMPLETED" | "COMPLETED_WITH_ERRORS" | "FAILED";

export const SEVERITIES = ["High", "Medium", "Low", "Informational", "Undefined"] as const;
export type Severity = (typeof SEVERITIES)[number];
export type FindingCounts = Record<Severity, number>;

/** A key/value pair as the model's Attribute and ResourceGroupTag shapes carry it (the value is optional). */
export interface KeyValue {
    readonly key: string;
    readonly value?: string;
}

/** `seq` orders every entity by creation, for listing and for pagination tokens. */
export interface ResourceGroupRecord {
    readonly seq: number;
    readonly arn: string;
    readonly tags: readonly KeyValue[];
    readonly createdAt: number;
}

export interface TargetRecord {
    readonly seq: number;
    readonly arn: string;
    readonly name: string;
    readonly resourceGroupArn?: string;
    readonly createdAt: number;
    readonly updatedAt: number;
}

export interface TemplateRecord {
    readonly seq: number;
    readonly arn: string;
    readonly name: string;
    readonly targetArn: string;
    readonly durationInSeconds: number;
    readonly rulesPackageArns: readonly string[];
    readonly userAttributesForFindings: readonly KeyValue[];
    readonly createdAt: number;
}

/** A state the run reaches at `at`; a run's timeline may hold entries in the future. */
export interface StateChange {
    readonly state: RunState;
    readonly at: number;
}

export interface RunRecord {
    readonly seq: number;
    readonly arn: string;
    readonly name: string;
    readonly templateArn: string;
    readonly targetArn: string;
    readonly durationInSeconds: number;
    readonly rulesPackageArns: readonly string[];
    readonly userAttributesForFindings: readonly KeyValue[];
    readonly createdAt: number;
    /** The time scale in force when the run started: later settings changes do not bend a running run. */
    readonly timeScale: number;
    readonly outcome: RunOutcome;
    /** Decided at start, shown only once the rules are evaluated. */
    readonly findingCounts: FindingCounts;
    /** Every state the run has reached or is planned to reach, in order. StopAssessmentRun replans the future. */
    timeline: StateChange[];
}
