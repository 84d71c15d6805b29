import { checkRegionInput } from "../aws/region";
import type { LifecycleContext } from "../core/context";
import {
    canonicalChoice,
    checkBoolean,
    checkKnownProperties,
    checkList,
    checkSeconds,
    checkWholeSeconds,
    describeValue,
    InputCheck,
    isUnknown,
    listChoices,
    UNKNOWN,
    type CheckOutcome,
} from "../dynamic/check";
import { checkCredentialInputs } from "../dynamic/credential-inputs";
import { isUrn } from "../dynamic/urn";
import { RESOURCE_TYPES } from "./account-status";
import {
    DEFAULT_POLL_INTERVAL_SECONDS,
    DEFAULT_WAIT_FOR_ENABLED,
    DEFAULT_WAIT_TIMEOUT_SECONDS,
    INPUT_KEYS,
    MAX_ACCOUNT_IDS,
    MAX_CLIENT_TOKEN_LENGTH,
    MAX_POLL_INTERVAL_SECONDS,
    MAX_WAIT_TIMEOUT_SECONDS,
    MIN_POLL_INTERVAL_SECONDS,
} from "./inputs";
import { defaultClientToken } from "./token";

const TYPES = listChoices(RESOURCE_TYPES);
const ACCOUNT_ID_PATTERN = /^\d{12}$/;
const CALLING_ACCOUNT = "or leave accountIds out for the calling account";

/**
 * Validates and normalises the program's inputs. It makes no AWS call, so it is safe during preview; values not
 * known yet are accepted as they are. Lists come back sorted and without duplicates, resource types in their
 * canonical spelling, defaults filled in, and the region resolved from the input, the stack's `aws:region`, or
 * the environment. A property the resource does not have is refused.
 */
export function checkEnablementInputs(
    news: Readonly<Record<string, unknown>>,
    context: Pick<LifecycleContext, "stack" | "env">,
): CheckOutcome {
    const check = new InputCheck();
    check.set(
        "resourceTypes",
        checkList(check, "resourceTypes", news.resourceTypes, {
            expected: 'a list such as ["EC2", "ECR"]',
            required: `give at least one of ${TYPES}`,
            checkItem: (item) => {
                const type = canonicalChoice(RESOURCE_TYPES, item);
                return type
                    ? { item: type }
                    : { reason: `is not a resource type: use ${TYPES} (any letter case)` };
            },
            sorted: true,
        }),
    );
    check.set("accountIds", checkAccountIds(check, news.accountIds));
    const resourceUrn = checkResourceUrn(check, news.resourceUrn);
    check.set("clientToken", checkClientToken(check, news.clientToken, resourceUrn));
    check.set("region", checkRegionInput(check, news.region, context));
    check.set(
        "waitForEnabled",
        checkBoolean(check, "waitForEnabled", news.waitForEnabled, DEFAULT_WAIT_FOR_ENABLED),
    );
    check.set(
        "waitTimeoutSeconds",
        checkWholeSeconds(check, "waitTimeoutSeconds", news.waitTimeoutSeconds, {
            min: 1,
            max: MAX_WAIT_TIMEOUT_SECONDS,
            fallback: DEFAULT_WAIT_TIMEOUT_SECONDS,
        }),
    );
    check.set("pollIntervalSeconds", checkPollInterval(check, news.pollIntervalSeconds));
    check.set("resourceUrn", resourceUrn);
    checkCredentialInputs(check, news, context.stack);
    checkKnownProperties(check, news, INPUT_KEYS);
    return check.outcome();
}

function checkAccountIds(check: InputCheck, value: unknown): unknown {
    if (Array.isArray(value) && value.length === 0) {
        check.fail(
            "accountIds",
            `accountIds [] is empty: give at least one 12-digit account ID, ${CALLING_ACCOUNT}`,
        );
        return undefined;
    }
    const accountIds = checkList(check, "accountIds", value, {
        expected: `a list of 12-digit account IDs, ${CALLING_ACCOUNT}`,
        checkItem: (item) =>
            typeof item === "string" && ACCOUNT_ID_PATTERN.test(item)
                ? { item }
                : { reason: "is not an account ID: an account ID is a string of exactly 12 digits" },
        sorted: true,
    });
    if (Array.isArray(accountIds) && accountIds.length > MAX_ACCOUNT_IDS) {
        check.fail(
            "accountIds",
            `accountIds ${describeValue(value)} lists ${accountIds.length} different accounts: a delegated ` +
                `administrator manages at most ${MAX_ACCOUNT_IDS - 1} member accounts, so give at most ` +
                `${MAX_ACCOUNT_IDS} (the administrator and its members)`,
        );
        return undefined;
    }
    return accountIds;
}

function checkResourceUrn(check: InputCheck, value: unknown): unknown {
    if (isUnknown(value) || isUrn(value)) return value;
    const shown =
        value === undefined || value === null ? "is missing" : `${describeValue(value)} is not a Pulumi URN`;
    check.fail(
        "resourceUrn",
        `resourceUrn ${shown}: create the resource with the InspectorEnablement class, which sets it`,
    );
    return undefined;
}

function checkClientToken(check: InputCheck, value: unknown, resourceUrn: unknown): unknown {
    if (value === undefined || value === null) {
        // The default is derived from the URN; a URN not known yet leaves the token unknown too.
        return isUrn(resourceUrn)
            ? defaultClientToken(resourceUrn)
            : isUnknown(resourceUrn)
              ? UNKNOWN
              : undefined;
    }
    if (isUnknown(value)) return value;
    const rule = `a client token is a string of 1 to ${MAX_CLIENT_TOKEN_LENGTH} characters`;
    if (typeof value !== "string") {
        check.fail("clientToken", `clientToken ${describeValue(value)} is not a string: ${rule}`);
        return undefined;
    }
    if (value.length < 1 || value.length > MAX_CLIENT_TOKEN_LENGTH) {
        check.fail(
            "clientToken",
            `clientToken ${describeValue(value)} is ${value.length} characters long: ${rule}`,
        );
        return undefined;
    }
    return value;
}

/**
 * Seconds from 1 (fractions allowed) to 300: a pause shorter than a second between status checks would hammer
 * Inspector's API (one account's create made about 50 calls in a quarter of a second with 1e-6).
 */
function checkPollInterval(check: InputCheck, value: unknown): unknown {
    return checkSeconds(check, "pollIntervalSeconds", value, {
        min: MIN_POLL_INTERVAL_SECONDS,
        max: MAX_POLL_INTERVAL_SECONDS,
        fallback: DEFAULT_POLL_INTERVAL_SECONDS,
    });
}
