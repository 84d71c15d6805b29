import { REGION_PATTERN } from "../aws/region";
import type { FailOnSeverity, StopAction } from "./args";
import { DEFAULT_STOP_ACTION, MAX_WAIT_TIMEOUT_SECONDS, type NamingScope } from "./inputs";
import { defaultRegion } from "./region-source";
import { MAX_RUN_NAME_LENGTH, deriveRunName, effectiveRunName } from "./run-name";
import { parseSeverity } from "./severity";
import { TEMPLATE_ARN_FORM, type TemplateArnParts, misusedArnKind, parseTemplateArn } from "./template-arn";
import { UNKNOWN, containsUnknown, describeValue } from "./values";

/** One problem with one input, as the engine shows it under the property. */
export interface CheckFailure {
    readonly property: string;
    readonly reason: string;
}

/** Where defaults come from besides the inputs. */
export interface CheckContext {
    readonly stackRegion?: string;
    readonly env: NodeJS.ProcessEnv;
}

export interface CheckOutcome {
    /** The normalised inputs (see `RunInputs`), with unknown values kept as the unknown placeholder. */
    readonly inputs: Record<string, unknown>;
    readonly failures: readonly CheckFailure[];
}

const MAX_TEMPLATE_ARN_LENGTH = 300;
const STOP_ACTIONS: readonly StopAction[] = ["START_EVALUATION", "SKIP_EVALUATION"];

/**
 * Validates and normalises the inputs at preview and update time, without calling AWS. Unknown values are
 * accepted, and what depends on them (the derived name, the region check) stays unknown until they are known.
 */
export function checkInputs(news: Readonly<Record<string, unknown>>, context: CheckContext): CheckOutcome {
    const failures: CheckFailure[] = [];
    const fail = (property: string, reason: string) => failures.push({ property, reason });
    const inputs: Record<string, unknown> = {};

    const template = checkTemplateArn(news.assessmentTemplateArn, fail);
    if (template.value !== undefined) inputs.assessmentTemplateArn = template.value;

    const triggers = checkTriggers(news.triggers, fail);
    if (triggers !== undefined) inputs.triggers = triggers;

    const scope = checkNamingScope(news.namingScope, news.assessmentRunName === undefined, fail);
    if (scope !== undefined) inputs.namingScope = scope;

    const name = checkRunName(news.assessmentRunName, template, triggers, scope, fail);
    if (name !== undefined) inputs.assessmentRunName = name;

    const region = checkRegion(news.region, template, context, fail);
    if (region !== undefined) inputs.region = region;

    const failOnFindings = checkFailOnFindings(news.failOnFindings, fail);
    if (failOnFindings !== undefined) inputs.failOnFindings = failOnFindings;

    inputs.waitForCompletion = checkWaitForCompletion(news.waitForCompletion, news.failOnFindings, fail);

    const timeout = checkWaitTimeout(news.waitTimeoutSeconds, fail);
    if (timeout !== undefined) inputs.waitTimeoutSeconds = timeout;

    inputs.stopActionOnDelete = checkStopAction(news.stopActionOnDelete, fail);
    inputs.deleteOnDestroy = checkBoolean("deleteOnDestroy", news.deleteOnDestroy, false, fail);

    return { inputs, failures };
}

type Fail = (property: string, reason: string) => void;

/** The template ARN as given, and its parts once it is known and valid. */
interface TemplateCheck {
    readonly value?: string;
    readonly parts?: TemplateArnParts;
}

function checkTemplateArn(value: unknown, fail: Fail): TemplateCheck {
    const property = "assessmentTemplateArn";
    if (value === UNKNOWN) return { value: UNKNOWN };
    if (value === undefined || value === null) {
        fail(
            property,
            `${property} is required: the ARN of the Inspector Classic assessment template to run`,
        );
        return {};
    }
    if (typeof value !== "string") {
        fail(property, `${property} ${describeValue(value)} must be a string (a template ARN)`);
        return {};
    }
    if (value.length < 1 || value.length > MAX_TEMPLATE_ARN_LENGTH) {
        fail(
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
        fail(
            property,
            `${property} ${describeValue(value)} is not an Inspector Classic assessment template ARN ` +
                `(${TEMPLATE_ARN_FORM})${hint}`,
        );
    }
    return { value, parts };
}

function checkTriggers(value: unknown, fail: Fail): readonly unknown[] | typeof UNKNOWN | undefined {
    if (value === undefined || value === null) return undefined;
    if (value === UNKNOWN || Array.isArray(value)) return value;
    fail("triggers", `triggers ${describeValue(value)} must be a list of values`);
    return undefined;
}

function checkNamingScope(value: unknown, needed: boolean, fail: Fail): NamingScope | undefined {
    if (value === undefined && !needed) return undefined;
    const scope = value as Partial<Record<keyof NamingScope, unknown>> | undefined;
    if (
        scope !== null &&
        typeof scope === "object" &&
        typeof scope.project === "string" &&
        typeof scope.stack === "string" &&
        typeof scope.resource === "string"
    ) {
        return { project: scope.project, stack: scope.stack, resource: scope.resource };
    }
    fail(
        "namingScope",
        `namingScope ${describeValue(value)} must be an object with the strings project, stack and resource ` +
            `(the AssessmentRun class sets it; without it, set assessmentRunName)`,
    );
    return undefined;
}

function checkRunName(
    value: unknown,
    template: TemplateCheck,
    triggers: readonly unknown[] | typeof UNKNOWN | undefined,
    scope: NamingScope | undefined,
    fail: Fail,
): string | undefined {
    const property = "assessmentRunName";
    const triggersKnown = !containsUnknown(triggers);
    const knownTriggers = triggers === UNKNOWN ? undefined : triggers;
    if (value === UNKNOWN) return UNKNOWN;
    if (value !== undefined) {
        if (typeof value !== "string") {
            fail(property, `${property} ${describeValue(value)} must be a string`);
            return undefined;
        }
        if (value.length < 1 || value.length > MAX_RUN_NAME_LENGTH) {
            fail(
                property,
                `${property} ${describeValue(value)} is ${value.length} characters long; ` +
                    `it must be 1 to ${MAX_RUN_NAME_LENGTH}`,
            );
            return undefined;
        }
        return triggersKnown ? effectiveRunName(value, knownTriggers) : UNKNOWN;
    }
    if (template.value === UNKNOWN || !triggersKnown) return UNKNOWN;
    if (!template.parts || !scope) return undefined;
    return deriveRunName(scope, template.value as string, knownTriggers);
}

function checkRegion(
    value: unknown,
    template: TemplateCheck,
    context: CheckContext,
    fail: Fail,
): string | undefined {
    if (value === UNKNOWN) return UNKNOWN;
    let region: string;
    let shown: string;
    if (value !== undefined && value !== null && value !== "") {
        if (typeof value !== "string") {
            fail("region", `region ${describeValue(value)} must be a string such as "us-east-1"`);
            return undefined;
        }
        region = value;
        shown = `region ${describeValue(value)}`;
    } else {
        const chosen = defaultRegion(context.stackRegion, context.env);
        // Without any default, the template's own region is the only sensible place to start the run. An
        // invalid template has failed already; once it is fixed, its region applies.
        if (!chosen) return template.value === UNKNOWN ? UNKNOWN : template.parts?.region;
        region = chosen.region;
        shown = `region ${describeValue(region)} (${chosen.source})`;
    }
    if (!REGION_PATTERN.test(region)) {
        fail("region", `${shown} is not an AWS region name such as "us-east-1"`);
        return undefined;
    }
    if (template.parts && template.parts.region !== region) {
        fail(
            "region",
            `${shown} differs from the region of assessmentTemplateArn (${describeValue(template.parts.region)}); ` +
                `a run starts in its template's region, so set region to ${describeValue(template.parts.region)} ` +
                `or use a template from ${region}`,
        );
    }
    return region;
}

function checkFailOnFindings(value: unknown, fail: Fail): FailOnSeverity | typeof UNKNOWN | undefined {
    const property = "failOnFindings";
    if (value === undefined || value === null || value === UNKNOWN) return value ?? undefined;
    const severity = typeof value === "string" ? parseSeverity(value) : undefined;
    if (severity) return severity;
    const choices = "High, Medium, Low or Informational (any letter case)";
    if (typeof value === "string" && value.toLowerCase() === "undefined") {
        fail(
            property,
            `${property} ${describeValue(value)} cannot be a threshold: findings of severity Undefined have no ` +
                `rank; use ${choices}`,
        );
    } else {
        fail(property, `${property} ${describeValue(value)} is not a severity; use ${choices}`);
    }
    return undefined;
}

function checkWaitForCompletion(
    value: unknown,
    failOnFindings: unknown,
    fail: Fail,
): boolean | typeof UNKNOWN {
    const gated = failOnFindings !== undefined && failOnFindings !== null;
    if (value === UNKNOWN) return UNKNOWN;
    const wait = checkBoolean("waitForCompletion", value, gated, fail);
    if (gated && wait === false) {
        fail(
            "failOnFindings",
            `failOnFindings ${describeValue(failOnFindings)} needs waitForCompletion true (it is false): ` +
                `findings are only known once the run has finished; remove waitForCompletion or set it to true`,
        );
    }
    return wait;
}

function checkWaitTimeout(value: unknown, fail: Fail): number | typeof UNKNOWN | undefined {
    if (value === undefined || value === null || value === UNKNOWN) return value ?? undefined;
    if (
        typeof value === "number" &&
        Number.isInteger(value) &&
        value >= 1 &&
        value <= MAX_WAIT_TIMEOUT_SECONDS
    ) {
        return value;
    }
    fail(
        "waitTimeoutSeconds",
        `waitTimeoutSeconds ${describeValue(value)} must be a whole number of seconds from 1 to ` +
            `${MAX_WAIT_TIMEOUT_SECONDS} (7 days)`,
    );
    return undefined;
}

function checkStopAction(value: unknown, fail: Fail): StopAction | typeof UNKNOWN {
    if (value === undefined || value === null) return DEFAULT_STOP_ACTION;
    if (value === UNKNOWN) return UNKNOWN;
    const action = STOP_ACTIONS.find((choice) => typeof value === "string" && choice === value.toUpperCase());
    if (action) return action;
    fail(
        "stopActionOnDelete",
        `stopActionOnDelete ${describeValue(value)} is not a stop action; use START_EVALUATION or SKIP_EVALUATION`,
    );
    return DEFAULT_STOP_ACTION;
}

function checkBoolean(
    property: string,
    value: unknown,
    fallback: boolean,
    fail: Fail,
): boolean | typeof UNKNOWN {
    if (value === undefined || value === null) return fallback;
    if (value === UNKNOWN || typeof value === "boolean") return value;
    fail(property, `${property} ${describeValue(value)} must be true or false`);
    return fallback;
}
