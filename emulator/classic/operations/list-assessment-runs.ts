import { requireTemplate } from "../lookup";
import { paginate } from "../pagination";
import type { ClassicHandler } from "../request";
import { runPredicate, type RunFilterInput } from "../run-filter";

export interface ListAssessmentRunsInput {
    readonly assessmentTemplateArns?: readonly string[];
    readonly filter?: RunFilterInput;
    readonly nextToken?: string;
    readonly maxResults?: number;
}

/** The caller's runs, of the given templates only when some are given, oldest first. */
export const listAssessmentRuns: ClassicHandler<ListAssessmentRunsInput> = ({ scope, now }, input) => {
    const templateArns = input.assessmentTemplateArns ?? [];
    templateArns.forEach((arn, index) => requireTemplate(scope, `assessmentTemplateArns[${index}]`, arn));
    const templates = templateArns.length > 0 ? new Set(templateArns) : undefined;
    const matches = runPredicate(input.filter);
    const runs = [...scope.runs.values()]
        .filter((run) => (!templates || templates.has(run.templateArn)) && matches(run, now))
        .sort((a, b) => a.seq - b.seq);
    const page = paginate(runs, input.nextToken, input.maxResults);
    return {
        assessmentRunArns: page.items.map((run) => run.arn),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
};
