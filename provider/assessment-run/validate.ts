import { partitionMismatch, partitionOfRegion, REGION_PATTERN } from "../aws/region";
import type { LifecycleContext } from "../core/context";
import {
    checkBoolean,
    checkChoice,
    checkKnownProperties,
    checkWholeSeconds,
    type CheckOutcome,
    containsUnknown,
    describeValue,
    InputCheck,
    isUnknown,
    listChoices,
    type Unknown,
    UNKNOWN,
} from "../dynamic/check";
import { checkCredentialInputs } from "../dynamic/credential-inputs";
import { isUrn } from "../dynamic/urn";
import type { FailOnSeverity } from "./args";
import {
    DEFAULT_STOP_ACTION,
    INPUT_KEYS,
    MAX_TEMPLATE_ARN_LENGTH,
    MAX_WAIT_TIMEOUT_SECONDS,
    STOP_ACTIONS,
} from "./inputs";
import { deriveRunName, effectiveRunName, MAX_RUN_NAME_LENGTH } from "./run-name";
import { misusedArnKind, parseTemplateArn, TEMPLATE_ARN_FORM, type TemplateArnParts } from "./template-arn";
import { RANKED_SEVERITIES } from "./verdict";

/**
 * Validates and normalises the inputs at preview and update time, without calling AWS. Unknown values are
 * accepted, and what depends on them (the derived name, the region check) stays unknown until they are known.
 * The context only brings the stack's credential settings, whose problems are reported here (the region comes
 * from the template); the lifecycle's check adds the one rule about where the calls would go (see retirement.ts).
 */
export function checkAssessmentRunInputs(
    news: Readonly<Record<string, unknown>>,
    context?: Pick<LifecycleContext, "stack">,
): CheckOutcome {
    const check = new InputCheck();
    const template = checkTemplateArn(check, news.assessmentTemplateArn);
    check.set("assessmentTemplateArn", template.value);
    const triggers = checkTriggers(check, news.triggers);
    check.set("triggers", triggers);
    const urn = checkResourceUrn(check, news.resourceUrn, news.assessmentRunName === undefined);
    check.set("resourceUrn", urn);
    check.set("assessmentRunName", checkRunName(check, news.assessmentRunName, template, triggers, urn));
    check.set("region", checkRegion(check, news.region, template));
    check.set("failOnFindings", checkFailOnFindings(check, news.failOnFindings));
    check.set(
        "waitForCompletion",
        checkWaitForCompletion(check, news.waitForCompletion, news.failOnFindings),
    );
    check.set(
        "waitTimeoutSeconds",
        checkWholeSeconds(check, "waitTimeoutSeconds", news.waitTimeoutSeconds, {
            min: 1,
            max: MAX_WAIT_TIMEOUT_SECONDS,
        }),
    );
    check.set(
        "stopActionOnDelete",
        checkChoice(check, "stopActionOnDelete", news.stopActionOnDelete, {
            choices: STOP_ACTIONS,
            noun: "stop action",
            fallback: DEFAULT_STOP_ACTION,
        }),
    );
    check.set("deleteOnDestroy", checkBoolean(check, "deleteOnDestroy", news.deleteOnDestroy, false));
    checkCredentialInputs(check, news, context?.stack ?? {});
    checkKnownProperties(check, news, INPUT_KEYS);
    return check.outcome();
}

/** The template ARN as given, and its parts once it is known and valid. */
interface TemplateCheck {
    readonly value?: string | Unknown;
    readonly parts?: TemplateArnParts;
}

function checkTemplateArn(check: InputCheck, value: unknown): TemplateCheck {
    const property = "assessmentTemplateArn";
    if (isUnknown(value)) return { value };
    if (value === undefined || value === null) {
        check.fail(
            property,
            `${property} is required: the ARN of the Inspector Classic assessment template to run`,
        );
        return {};
    }
    if (typeof value !== "string") {
        check.fail(property, `${property} ${describeValue(value)} must be a string (a template ARN)`);
        return {};
    }
    if (value.length < 1 || value.length > MAX_TEMPLATE_ARN_LENGTH) {
        check.fail(
            property,
            `${property} ${describeValue(value)} is ${value.length} characters long; ` +
                `it must be 1 to ${MAX_TEMPLATE_ARN_LENGTH}`,
        );
        return { value };
    }
    const parts = parseTemplateArn(value);
    if (!parts) {
        const misused = misusedArnKind(value);
        const hint =
            misused === "run"
                ? "; it is an assessment run ARN, pass the ARN of its template (the part before /run/)"
                : misused === "target"
                  ? "; it is an assessment target ARN, pass the ARN of one of the target's templates"
                  : "";
        check.fail(
            property,
            `${property} ${describeValue(value)} is not an Inspector Classic assessment template ARN ` +
                `(${TEMPLATE_ARN_FORM})${hint}`,
        );
    } else if (partitionMismatch(parts.partition, parts.region)) {
        check.fail(
            property,
            `${property} ${describeValue(value)} names partition ${parts.partition}, which does not hold region ` +
                `${parts.region}: the ARN of a template in ${parts.region} starts with ` +
                `arn:${partitionOfRegion(parts.region)}:inspector:${parts.region}:`,
        );
        return { value };
    }
    return { value, parts };
}

function checkTriggers(check: InputCheck, value: unknown): readonly unknown[] | Unknown | undefined {
    if (value === undefined || value === null) return undefined;
    if (isUnknown(value) || Array.isArray(value)) return value;
    check.fail("triggers", `triggers ${describeValue(value)} must be a list of values`);
    return undefined;
}

/** The URN the class passes; needed only for the default run name. */
function checkResourceUrn(check: InputCheck, value: unknown, needed: boolean): string | Unknown | undefined {
    if ((value === undefined || value === null) && !needed) return undefined;
    if (isUnknown(value) || isUrn(value)) return value;
    check.fail(
        "resourceUrn",
        `resourceUrn ${describeValue(value)} must be this resource's URN (the AssessmentRun class sets it; ` +
            `without it, set assessmentRunName)`,
    );
    return undefined;
}

function checkRunName(
    check: InputCheck,
    value: unknown,
    template: TemplateCheck,
    triggers: readonly unknown[] | Unknown | undefined,
    urn: string | Unknown | undefined,
): string | Unknown | undefined {
    const property = "assessmentRunName";
    const triggersKnown = !containsUnknown(triggers);
    const knownTriggers = isUnknown(triggers) ? undefined : triggers;
    if (isUnknown(value)) return value;
    if (value !== undefined) {
        if (typeof value !== "string") {
            check.fail(property, `${property} ${describeValue(value)} must be a string`);
            return undefined;
        }
        if (value.length < 1 || value.length > MAX_RUN_NAME_LENGTH) {
            check.fail(
                property,
                `${property} ${describeValue(value)} is ${value.length} characters long; ` +
                    `it must be 1 to ${MAX_RUN_NAME_LENGTH}`,
            );
            return undefined;
        }
        return triggersKnown ? effectiveRunName(value, knownTriggers) : UNKNOWN;
    }
    if (isUnknown(template.value) || isUnknown(urn) || !triggersKnown) return UNKNOWN;
    if (!template.parts || urn === undefined) return undefined;
    return deriveRunName(urn, template.value as string, knownTriggers);
}

/**
 * The run's region: the template ARN fixes it, so it is the default (the stack's `aws:region` and the environment
 * do not apply: a stack in one region may well run a template of another). An explicit region that differs is
 * refused, with both values named.
 */
function checkRegion(
    check: InputCheck,
    value: unknown,
    template: TemplateCheck,
): string | Unknown | undefined {
    if (isUnknown(value)) return value;
    if (value === undefined || value === null || value === "") {
        // An invalid template has failed already; once it is fixed, its region applies.
        return isUnknown(template.value) ? template.value : template.parts?.region;
    }
    if (typeof value !== "string") {
        check.fail("region", `region ${describeValue(value)} must be a string such as "us-east-1"`);
        return undefined;
    }
    if (!REGION_PATTERN.test(value)) {
        check.fail("region", `region ${describeValue(value)} is not an AWS region name such as "us-east-1"`);
        return undefined;
    }
    if (template.parts && template.parts.region !== value) {
        const own = describeValue(template.parts.region);
        check.fail(
            "region",
            `region ${describeValue(value)} differs from the region of assessmentTemplateArn (${own}); a run ` +
                `starts in its template's region, so leave region out (it defaults to ${own}) or use a template ` +
                `from ${value}`,
        );
    }
    return value;
}

/** A severity in any letter case; Undefined is refused with the reason, since it has no rank. */
function checkFailOnFindings(check: InputCheck, value: unknown): FailOnSeverity | Unknown | undefined {
    const property = "failOnFindings";
    if (typeof value === "string" && value.toLowerCase() === "undefined") {
        check.fail(
            property,
            `${property} ${describeValue(value)} cannot be a threshold: findings of severity Undefined have no ` +
                `rank; use ${listChoices(RANKED_SEVERITIES)} (any letter case)`,
        );
        return undefined;
    }
    return checkChoice(check, property, value, { choices: RANKED_SEVERITIES, noun: "severity" });
}

/** Waiting defaults to on with a gate, which needs it. */
function checkWaitForCompletion(
    check: InputCheck,
    value: unknown,
    failOnFindings: unknown,
): boolean | Unknown {
    const gated = failOnFindings !== undefined && failOnFindings !== null;
    const wait = checkBoolean(check, "waitForCompletion", value, gated);
    if (gated && wait === false) {
        check.fail(
            "failOnFindings",
            `failOnFindings ${describeValue(failOnFindings)} needs waitForCompletion true (it is false): ` +
                `findings are only known once the run has finished; remove waitForCompletion or set it to true`,
        );
    }
    return wait;
}
