import { matchesNamePattern } from "../name-pattern";
import { paginate } from "../pagination";
import type { ClassicHandler } from "../request";

export interface ListAssessmentTargetsInput {
    readonly filter?: { readonly assessmentTargetNamePattern?: string };
    readonly nextToken?: string;
    readonly maxResults?: number;
}

/** The caller's targets, oldest first. */
export const listAssessmentTargets: ClassicHandler<ListAssessmentTargetsInput> = ({ scope }, input) => {
    const pattern = input.filter?.assessmentTargetNamePattern;
    const targets = [...scope.targets.values()]
        .filter((target) => pattern === undefined || matchesNamePattern(pattern, target.name))
        .sort((a, b) => a.seq - b.seq);
    const page = paginate(targets, input.nextToken, input.maxResults);
    return {
        assessmentTargetArns: page.items.map((target) => target.arn),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
};
