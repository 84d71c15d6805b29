import { ARN_FORMS, arnKind, type ArnKind } from "./arns";
import { invalidInput, noSuchEntity, type InvalidInputErrorCode, type NoSuchEntityErrorCode } from "./errors";
import type { ResourceGroupRecord, RunRecord, TargetRecord, TemplateRecord } from "./records";
import type { Scope } from "./scope";

interface KindErrors {
    readonly label: string;
    readonly invalid: InvalidInputErrorCode;
    readonly missing: NoSuchEntityErrorCode;
}

const ERRORS: Readonly<Record<Exclude<ArnKind, "rulespackage">, KindErrors>> = {
    resourcegroup: {
        label: "resource group",
        invalid: "INVALID_RESOURCE_GROUP_ARN",
        missing: "RESOURCE_GROUP_DOES_NOT_EXIST",
    },
    target: {
        label: "assessment target",
        invalid: "INVALID_ASSESSMENT_TARGET_ARN",
        missing: "ASSESSMENT_TARGET_DOES_NOT_EXIST",
    },
    template: {
        label: "assessment template",
        invalid: "INVALID_ASSESSMENT_TEMPLATE_ARN",
        missing: "ASSESSMENT_TEMPLATE_DOES_NOT_EXIST",
    },
    run: {
        label: "assessment run",
        invalid: "INVALID_ASSESSMENT_RUN_ARN",
        missing: "ASSESSMENT_RUN_DOES_NOT_EXIST",
    },
};

/**
 * The entity an ARN names in the caller's scope. A string that is not that kind of ARN is invalid input; an ARN
 * of another account or region, or of nothing, does not exist for the caller.
 */
function requireEntity<T>(
    records: ReadonlyMap<string, T>,
    scope: Scope,
    kind: Exclude<ArnKind, "rulespackage">,
    property: string,
    arn: string,
): T {
    const errors = ERRORS[kind];
    if (arnKind(arn) !== kind) {
        throw invalidInput(
            errors.invalid,
            `${property} "${arn}" is not an ${errors.label} ARN: it must look like ${ARN_FORMS[kind]}`,
        );
    }
    const record = records.get(arn);
    if (record === undefined) {
        throw noSuchEntity(
            errors.missing,
            `${property} "${arn}" names no ${errors.label} of account ${scope.accountId} in region ${scope.region}`,
        );
    }
    return record;
}

export function requireResourceGroup(scope: Scope, property: string, arn: string): ResourceGroupRecord {
    return requireEntity(scope.resourceGroups, scope, "resourcegroup", property, arn);
}

export function requireTarget(scope: Scope, property: string, arn: string): TargetRecord {
    return requireEntity(scope.targets, scope, "target", property, arn);
}

export function requireTemplate(scope: Scope, property: string, arn: string): TemplateRecord {
    return requireEntity(scope.templates, scope, "template", property, arn);
}

export function requireRun(scope: Scope, property: string, arn: string): RunRecord {
    return requireEntity(scope.runs, scope, "run", property, arn);
}
