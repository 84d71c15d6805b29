import { describeBatch } from "../batch";
import type { ClassicHandler } from "../request";
import { runToWire } from "../run-view";

export interface DescribeAssessmentRunsInput {
    readonly assessmentRunArns: readonly string[];
}

export const describeAssessmentRuns: ClassicHandler<DescribeAssessmentRunsInput> = (
    { scope, now },
    input,
) => {
    const { found, failedItems } = describeBatch(input.assessmentRunArns, "run", (arn) => {
        const run = scope.runs.get(arn);
        return run && runToWire(run, now);
    });
    return { assessmentRuns: found, failedItems };
};
