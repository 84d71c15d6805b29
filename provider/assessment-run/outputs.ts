import type { AssessmentRun } from "@aws-sdk/client-inspector";
import type { AssessmentRunInputs } from "./inputs";
import { type FindingCounts, completeCounts } from "./verdict";

/** What DescribeAssessmentRuns reports about the run, as the resource records it. */
export interface RunReport {
    readonly assessmentRunArn: string;
    readonly state: string;
    /** ISO 8601 timestamps. */
    readonly stateChangedAt: string;
    readonly createdAt: string;
    readonly startedAt?: string;
    readonly completedAt?: string;
    readonly dataCollected: boolean;
    readonly durationInSeconds: number;
    readonly rulesPackageArns: readonly string[];
    /** Every severity, zero until the rules are evaluated. */
    readonly findingCounts: FindingCounts;
}

/** Everything kept in the state: the checked inputs and what Inspector reports about the run. */
export interface AssessmentRunOutputs extends AssessmentRunInputs, RunReport {}

/** The report for a described run; optional timestamps are left out, not undefined (the wire has no undefined). */
export function runOutputs(run: AssessmentRun): RunReport {
    return {
        assessmentRunArn: run.arn ?? "",
        state: run.state ?? "",
        stateChangedAt: iso(run.stateChangedAt) ?? "",
        createdAt: iso(run.createdAt) ?? "",
        ...(run.startedAt ? { startedAt: iso(run.startedAt) } : {}),
        ...(run.completedAt ? { completedAt: iso(run.completedAt) } : {}),
        dataCollected: run.dataCollected ?? false,
        durationInSeconds: run.durationInSeconds ?? 0,
        rulesPackageArns: [...(run.rulesPackageArns ?? [])],
        findingCounts: completeCounts(run.findingCounts),
    };
}

/** The state after create or update: the inputs as checked, and the run as last described. */
export function assessmentRunOutputs(inputs: AssessmentRunInputs, run: AssessmentRun): AssessmentRunOutputs {
    return { ...inputs, ...runOutputs(run) };
}

function iso(date: Date | undefined): string | undefined {
    return date?.toISOString();
}
