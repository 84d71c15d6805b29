import type { ResourceGroupRecord, TargetRecord, TemplateRecord } from "./records";
import type { Scope } from "./scope";
import { epochSeconds } from "./wire";

/** The model's ResourceGroup, AssessmentTarget and AssessmentTemplate shapes. */

export function resourceGroupToWire(group: ResourceGroupRecord): Record<string, unknown> {
    return {
        arn: group.arn,
        tags: group.tags.map((tag) => ({ ...tag })),
        createdAt: epochSeconds(group.createdAt),
    };
}

export function targetToWire(target: TargetRecord): Record<string, unknown> {
    return {
        arn: target.arn,
        name: target.name,
        ...(target.resourceGroupArn === undefined ? {} : { resourceGroupArn: target.resourceGroupArn }),
        createdAt: epochSeconds(target.createdAt),
        updatedAt: epochSeconds(target.updatedAt),
    };
}

/** assessmentRunCount and lastAssessmentRunArn count the template's runs that still exist. */
export function templateToWire(template: TemplateRecord, scope: Scope): Record<string, unknown> {
    const runs = scope.runsOfTemplate(template.arn).sort((a, b) => a.seq - b.seq);
    const last = runs[runs.length - 1];
    return {
        arn: template.arn,
        name: template.name,
        assessmentTargetArn: template.targetArn,
        durationInSeconds: template.durationInSeconds,
        rulesPackageArns: [...template.rulesPackageArns],
        userAttributesForFindings: template.userAttributesForFindings.map((attribute) => ({ ...attribute })),
        ...(last ? { lastAssessmentRunArn: last.arn } : {}),
        assessmentRunCount: runs.length,
        createdAt: epochSeconds(template.createdAt),
    };
}
