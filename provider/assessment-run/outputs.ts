import type { AssessmentRun } from "@aws-sdk/client-inspector";
import { type FindingCounts, completeCounts } from "./severity";

/** What the resource records about its run besides its inputs: what DescribeAssessmentRuns reports. */
export interface RunOutputs {
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

/** The outputs for a described run; optional timestamps are left out, not undefined (the wire has no undefined). */
export function runOutputs(run: AssessmentRun): RunOutputs {
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

function iso(date: Date | undefined): string | undefined {
    return date?.toISOString();
}
