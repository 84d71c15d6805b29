import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { REGION_PATTERN } from "../aws/region";
import {
    DEFAULT_POLL_INTERVAL_SECONDS,
    DEFAULT_WAIT_FOR_ENABLED,
    DEFAULT_WAIT_TIMEOUT_SECONDS,
    MAX_POLL_INTERVAL_SECONDS,
    MAX_WAIT_TIMEOUT_SECONDS,
} from "./defaults";
import { isResourceType, RESOURCE_TYPES } from "./resource-types";
import { defaultClientToken } from "./token";

/** A check failure as the engine shows it: the property, and a reason naming the value and the rule. */
export interface CheckFailure {
    readonly property: string;
    readonly reason: string;
}

/** Where a region may come from besides the `region` input. */
export interface CheckContext {
    /** The stack's `aws:region`, handed to the provider's configure. */
    readonly stackRegion?: string;
    /** The provider process's environment, for AWS_REGION and AWS_DEFAULT_REGION. */
    readonly env?: NodeJS.ProcessEnv;
}

export interface CheckOutcome {
    /** The normalised inputs; values unknown during preview pass through unchanged. */
    readonly inputs: Record<string, unknown>;
    readonly failures: CheckFailure[];
}

const TYPE_NAMES = RESOURCE_TYPES.join(", ");
const ACCOUNT_ID_PATTERN = /^\d{12}$/;
const URN_PREFIX = "urn:pulumi:";
const MAX_TOKEN_LENGTH = 64;
const MAX_SHOWN_CHARS = 80;

/** Whether a value is still unknown (a preview of a value computed from another resource's outputs). */
export function isUnknown(value: unknown): boolean {
    return value === unknownValue;
}

/**
 * Validates and normalises the program's inputs. It makes no AWS call, so it is safe during preview; values not
 * known yet are accepted as they are. Lists come back sorted and without duplicates, defaults filled in, and
 * the region resolved from the input, the stack's `aws:region`, or the environment.
 */
export function checkEnablementInputs(
    news: Readonly<Record<string, unknown>>,
    context: CheckContext = {},
): CheckOutcome {
    const failures: CheckFailure[] = [];
    const fail = (property: string, reason: string) => failures.push({ property, reason });
    const inputs: Record<string, unknown> = {};
    const set = (key: string, value: unknown) => {
        if (value !== undefined) inputs[key] = value;
    };

    set("resourceTypes", checkResourceTypes(news.resourceTypes, fail));
    set("accountIds", checkAccountIds(news.accountIds, fail));
    const resourceUrn = checkResourceUrn(news.resourceUrn, fail);
    set("clientToken", checkClientToken(news.clientToken, resourceUrn, fail));
    set("region", checkRegion(news.region, context, fail));
    set("waitForEnabled", checkWaitForEnabled(news.waitForEnabled, fail));
    set("waitTimeoutSeconds", checkWaitTimeout(news.waitTimeoutSeconds, fail));
    set("pollIntervalSeconds", checkPollInterval(news.pollIntervalSeconds, fail));
    set("resourceUrn", resourceUrn);
    return { inputs, failures };
}

type Fail = (property: string, reason: string) => void;

function checkResourceTypes(value: unknown, fail: Fail): unknown {
    if (isUnknown(value)) return value;
    if (value === undefined || value === null) {
        fail("resourceTypes", `resourceTypes is missing: give at least one of ${TYPE_NAMES}`);
        return undefined;
    }
    if (!Array.isArray(value)) {
        fail(
            "resourceTypes",
            `resourceTypes ${show(value)} is not a list: give a list such as ["EC2", "ECR"]`,
        );
        return value;
    }
    if (value.length === 0) {
        fail("resourceTypes", `resourceTypes [] is empty: give at least one of ${TYPE_NAMES}`);
        return value;
    }
    let valid = true;
    value.forEach((item, index) => {
        if (isUnknown(item) || isResourceType(item)) return;
        valid = false;
        fail(
            "resourceTypes",
            `resourceTypes[${index}] ${show(item)} is not a resource type: use one of ${TYPE_NAMES}`,
        );
    });
    return valid ? sortedUnique(value) : value;
}

function checkAccountIds(value: unknown, fail: Fail): unknown {
    if (value === undefined || value === null || isUnknown(value)) return value ?? undefined;
    if (!Array.isArray(value)) {
        fail(
            "accountIds",
            `accountIds ${show(value)} is not a list: give a list of 12-digit account IDs, or leave accountIds ` +
                `out for the calling account`,
        );
        return value;
    }
    if (value.length === 0) {
        fail(
            "accountIds",
            `accountIds [] is empty: give at least one 12-digit account ID, or leave accountIds out for the ` +
                `calling account`,
        );
        return value;
    }
    let valid = true;
    value.forEach((item, index) => {
        if (isUnknown(item) || (typeof item === "string" && ACCOUNT_ID_PATTERN.test(item))) return;
        valid = false;
        fail(
            "accountIds",
            `accountIds[${index}] ${show(item)} is not an account ID: an account ID is a string of exactly 12 digits`,
        );
    });
    return valid ? sortedUnique(value) : value;
}

function checkResourceUrn(value: unknown, fail: Fail): unknown {
    if (isUnknown(value)) return value;
    if (typeof value === "string" && value.startsWith(URN_PREFIX)) return value;
    const shown = value === undefined || value === null ? "is missing" : `${show(value)} is not a Pulumi URN`;
    fail(
        "resourceUrn",
        `resourceUrn ${shown}: create the resource with the InspectorEnablement class, which sets it`,
    );
    return value ?? undefined;
}

function checkClientToken(value: unknown, resourceUrn: unknown, fail: Fail): unknown {
    if (value === undefined || value === null) {
        // The default is derived from the URN; a URN not known yet leaves the token unknown too.
        return typeof resourceUrn === "string" && resourceUrn.startsWith(URN_PREFIX)
            ? defaultClientToken(resourceUrn)
            : isUnknown(resourceUrn)
              ? unknownValue
              : undefined;
    }
    if (isUnknown(value)) return value;
    const rule = `a client token is a string of 1 to ${MAX_TOKEN_LENGTH} characters`;
    if (typeof value !== "string") {
        fail("clientToken", `clientToken ${show(value)} is not a string: ${rule}`);
    } else if (value.length < 1 || value.length > MAX_TOKEN_LENGTH) {
        fail("clientToken", `clientToken ${show(value)} is ${value.length} characters long: ${rule}`);
    }
    return value;
}

function checkRegion(value: unknown, context: CheckContext, fail: Fail): unknown {
    if (isUnknown(value)) return value;
    const rule = "a region is lower-case words joined by dashes and ending in a number, such as eu-west-1";
    if (value !== undefined && value !== null && value !== "") {
        if (typeof value !== "string" || !REGION_PATTERN.test(value)) {
            fail("region", `region ${show(value)} is not an AWS region: ${rule}`);
        }
        return value;
    }
    const env = context.env ?? process.env;
    const fallbacks: [string | undefined, string][] = [
        [context.stackRegion, "the stack's aws:region config"],
        [env.AWS_REGION, "AWS_REGION"],
        [env.AWS_DEFAULT_REGION, "AWS_DEFAULT_REGION"],
    ];
    const found = fallbacks.find(([candidate]) => candidate);
    if (!found) {
        fail(
            "region",
            "region is not set: set the region input, the stack's aws:region config or AWS_REGION",
        );
        return undefined;
    }
    const [region, source] = found;
    if (!REGION_PATTERN.test(region!)) {
        fail("region", `region ${show(region)} from ${source} is not an AWS region: ${rule}`);
    }
    return region;
}

function checkWaitForEnabled(value: unknown, fail: Fail): unknown {
    if (value === undefined || value === null) return DEFAULT_WAIT_FOR_ENABLED;
    if (!isUnknown(value) && typeof value !== "boolean") {
        fail("waitForEnabled", `waitForEnabled ${show(value)} is not a boolean: use true or false`);
    }
    return value;
}

function checkWaitTimeout(value: unknown, fail: Fail): unknown {
    if (value === undefined || value === null) return DEFAULT_WAIT_TIMEOUT_SECONDS;
    if (isUnknown(value)) return value;
    if (
        typeof value !== "number" ||
        !Number.isInteger(value) ||
        value < 1 ||
        value > MAX_WAIT_TIMEOUT_SECONDS
    ) {
        fail(
            "waitTimeoutSeconds",
            `waitTimeoutSeconds ${show(value)} is not allowed: use a whole number of seconds from 1 to ` +
                `${MAX_WAIT_TIMEOUT_SECONDS}`,
        );
    }
    return value;
}

function checkPollInterval(value: unknown, fail: Fail): unknown {
    if (value === undefined || value === null) return DEFAULT_POLL_INTERVAL_SECONDS;
    if (isUnknown(value)) return value;
    if (
        typeof value !== "number" ||
        !Number.isFinite(value) ||
        value <= 0 ||
        value > MAX_POLL_INTERVAL_SECONDS
    ) {
        fail(
            "pollIntervalSeconds",
            `pollIntervalSeconds ${show(value)} is not allowed: use a number of seconds above 0 and at most ` +
                `${MAX_POLL_INTERVAL_SECONDS}`,
        );
    }
    return value;
}

function sortedUnique(values: readonly unknown[]): unknown[] {
    if (values.some(isUnknown)) return [...values];
    return [...new Set(values as string[])].sort();
}

/** A value as the message shows it: JSON, shortened when long. */
function show(value: unknown): string {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS - 3)}...` : text;
}
