import { addTemplate, type TemplateInput } from "../entities";
import type { ClassicHandler } from "../request";

export const createAssessmentTemplate: ClassicHandler<TemplateInput> = (request, input) => {
    const template = addTemplate(request, input);
    request.countMutation();
    return { assessmentTemplateArn: template.arn };
};
