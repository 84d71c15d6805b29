import { arnKind, resourceGroupArn, targetArn, templateArn } from "./arns";
import { invalidInput, limitExceeded, noSuchEntity } from "./errors";
import { entityId } from "./ids";
import { MAX_ASSESSMENT_TARGETS, MAX_ASSESSMENT_TEMPLATES } from "./limits";
import { requireResourceGroup, requireTarget } from "./lookup";
import type { KeyValue, ResourceGroupRecord, TargetRecord, TemplateRecord } from "./records";
import type { ClassicRequest } from "./request";
import { rulesPackagesFor } from "./rules-packages";

/**
 * Creating resource groups, targets and templates: shared by their Create* operations and by the seeding of the
 * default template, so both follow the same rules.
 */

export function addResourceGroup(request: ClassicRequest, tags: readonly KeyValue[]): ResourceGroupRecord {
    const { scope, now } = request;
    const seq = request.nextSeq();
    const record: ResourceGroupRecord = {
        seq,
        arn: resourceGroupArn(scope.region, scope.accountId, entityId(request.settings.seed, seq)),
        tags: tags.map((tag) => ({ ...tag })),
        createdAt: now,
    };
    scope.resourceGroups.set(record.arn, record);
    return record;
}

export function addTarget(request: ClassicRequest, name: string, resourceGroup?: string): TargetRecord {
    const { scope, now } = request;
    if ([...scope.targets.values()].some((target) => target.name === name)) {
        throw invalidInput(
            "ASSESSMENT_TARGET_NAME_ALREADY_TAKEN",
            `assessmentTargetName "${name}" is already taken: target names must be unique in account ${scope.accountId}, region ${scope.region}`,
        );
    }
    if (resourceGroup !== undefined) requireResourceGroup(scope, "resourceGroupArn", resourceGroup);
    if (scope.targets.size >= MAX_ASSESSMENT_TARGETS) {
        throw limitExceeded(
            "ASSESSMENT_TARGET_LIMIT_EXCEEDED",
            `assessmentTargetName "${name}" cannot be created: account ${scope.accountId} already has the maximum of ${MAX_ASSESSMENT_TARGETS} assessment targets in region ${scope.region}`,
            false,
        );
    }
    const seq = request.nextSeq();
    const record: TargetRecord = {
        seq,
        arn: targetArn(scope.region, scope.accountId, entityId(request.settings.seed, seq)),
        name,
        ...(resourceGroup === undefined ? {} : { resourceGroupArn: resourceGroup }),
        createdAt: now,
        updatedAt: now,
    };
    scope.targets.set(record.arn, record);
    return record;
}

export interface TemplateInput {
    readonly assessmentTargetArn: string;
    readonly assessmentTemplateName: string;
    readonly durationInSeconds: number;
    readonly rulesPackageArns: readonly string[];
    readonly userAttributesForFindings?: readonly KeyValue[];
}

function checkRulesPackages(request: ClassicRequest, arns: readonly string[]): void {
    const offered = new Set(rulesPackagesFor(request.scope.region).map((rulesPackage) => rulesPackage.arn));
    arns.forEach((arn, index) => {
        const property = `rulesPackageArns[${index}]`;
        if (arnKind(arn) !== "rulespackage") {
            throw invalidInput(
                "INVALID_RULES_PACKAGE_ARN",
                `${property} "${arn}" is not a rules package ARN: it must look like arn:aws:inspector:<region>:<account>:rulespackage/0-<id>`,
            );
        }
        if (!offered.has(arn)) {
            throw noSuchEntity(
                "RULES_PACKAGE_DOES_NOT_EXIST",
                `${property} "${arn}" is not a rules package of region ${request.scope.region}: use one that ListRulesPackages returns`,
            );
        }
    });
}

export function addTemplate(request: ClassicRequest, input: TemplateInput): TemplateRecord {
    const { scope, now } = request;
    const target = requireTarget(scope, "assessmentTargetArn", input.assessmentTargetArn);
    const name = input.assessmentTemplateName;
    const siblings = [...scope.templates.values()].filter((template) => template.targetArn === target.arn);
    if (siblings.some((template) => template.name === name)) {
        throw invalidInput(
            "ASSESSMENT_TEMPLATE_NAME_ALREADY_TAKEN",
            `assessmentTemplateName "${name}" is already taken: template names must be unique per assessment target (${target.arn})`,
        );
    }
    checkRulesPackages(request, input.rulesPackageArns);
    if (scope.templates.size >= MAX_ASSESSMENT_TEMPLATES) {
        throw limitExceeded(
            "ASSESSMENT_TEMPLATE_LIMIT_EXCEEDED",
            `assessmentTemplateName "${name}" cannot be created: account ${scope.accountId} already has the maximum of ${MAX_ASSESSMENT_TEMPLATES} assessment templates in region ${scope.region}`,
            false,
        );
    }
    const seq = request.nextSeq();
    const record: TemplateRecord = {
        seq,
        arn: templateArn(target.arn, entityId(request.settings.seed, seq)),
        name,
        targetArn: target.arn,
        durationInSeconds: input.durationInSeconds,
        rulesPackageArns: [...input.rulesPackageArns],
        userAttributesForFindings: (input.userAttributesForFindings ?? []).map((attribute) => ({
            ...attribute,
        })),
        createdAt: now,
    };
    scope.templates.set(record.arn, record);
    return record;
}
