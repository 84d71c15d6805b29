import { matchesNamePattern } from "./name-pattern";
import { durationRange, inRange, type DurationRangeInput } from "./ranges";
import type { TemplateRecord } from "./records";

/** ListAssessmentTemplates' AssessmentTemplateFilter, as the model defines it. */
export interface TemplateFilterInput {
    readonly namePattern?: string;
    readonly durationRange?: DurationRangeInput;
    readonly rulesPackageArns?: readonly string[];
}

export type TemplatePredicate = (template: TemplateRecord) => boolean;

/** A validated filter; every given attribute must match, and any one rules package ARN suffices. */
export function templatePredicate(filter: TemplateFilterInput | undefined): TemplatePredicate {
    if (!filter) return () => true;
    const duration = durationRange(
        filter.durationRange,
        "filter.durationRange",
        "INVALID_ASSESSMENT_TEMPLATE_DURATION_RANGE",
    );
    const packages = filter.rulesPackageArns?.length ? filter.rulesPackageArns : undefined;
    const { namePattern } = filter;
    return (template) =>
        (namePattern === undefined || matchesNamePattern(namePattern, template.name)) &&
        inRange(duration, template.durationInSeconds) &&
        (!packages || packages.some((arn) => template.rulesPackageArns.includes(arn)));
}
