import { describeBatch } from "../batch";
import { targetToWire } from "../entity-wire";
import type { ClassicHandler } from "../request";

export interface DescribeAssessmentTargetsInput {
    readonly assessmentTargetArns: readonly string[];
}

export const describeAssessmentTargets: ClassicHandler<DescribeAssessmentTargetsInput> = (
    { scope },
    input,
) => {
    const { found, failedItems } = describeBatch(input.assessmentTargetArns, "target", (arn) => {
        const target = scope.targets.get(arn);
        return target && targetToWire(target);
    });
    return { assessmentTargets: found, failedItems };
};
