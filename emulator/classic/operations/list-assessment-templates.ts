import { requireTarget } from "../lookup";
import { paginate } from "../pagination";
import type { ClassicHandler } from "../request";
import { templatePredicate, type TemplateFilterInput } from "../template-filter";

export interface ListAssessmentTemplatesInput {
    readonly assessmentTargetArns?: readonly string[];
    readonly filter?: TemplateFilterInput;
    readonly nextToken?: string;
    readonly maxResults?: number;
}

/** The caller's templates, of the given targets only when some are given, oldest first. */
export const listAssessmentTemplates: ClassicHandler<ListAssessmentTemplatesInput> = ({ scope }, input) => {
    const targetArns = input.assessmentTargetArns ?? [];
    targetArns.forEach((arn, index) => requireTarget(scope, `assessmentTargetArns[${index}]`, arn));
    const targets = targetArns.length > 0 ? new Set(targetArns) : undefined;
    const matches = templatePredicate(input.filter);
    const templates = [...scope.templates.values()]
        .filter((template) => (!targets || targets.has(template.targetArn)) && matches(template))
        .sort((a, b) => a.seq - b.seq);
    const page = paginate(templates, input.nextToken, input.maxResults);
    return {
        assessmentTemplateArns: page.items.map((template) => template.arn),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
};
