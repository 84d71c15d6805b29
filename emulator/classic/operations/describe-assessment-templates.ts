import { describeBatch } from "../batch";
import { templateToWire } from "../entity-wire";
import type { ClassicHandler } from "../request";

export interface DescribeAssessmentTemplatesInput {
    readonly assessmentTemplateArns: readonly string[];
}

export const describeAssessmentTemplates: ClassicHandler<DescribeAssessmentTemplatesInput> = (
    { scope },
    input,
) => {
    const { found, failedItems } = describeBatch(input.assessmentTemplateArns, "template", (arn) => {
        const template = scope.templates.get(arn);
        return template && templateToWire(template, scope);
    });
    return { assessmentTemplates: found, failedItems };
};
