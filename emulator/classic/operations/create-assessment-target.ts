import { addTarget } from "../entities";
import type { ClassicHandler } from "../request";

export interface CreateAssessmentTargetInput {
    readonly assessmentTargetName: string;
    readonly resourceGroupArn?: string;
}

export const createAssessmentTarget: ClassicHandler<CreateAssessmentTargetInput> = (request, input) => {
    const target = addTarget(request, input.assessmentTargetName, input.resourceGroupArn);
    request.countMutation();
    return { assessmentTargetArn: target.arn };
};
