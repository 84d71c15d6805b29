import type * as pulumi from "@pulumi/pulumi";
import {
    EXTERNAL_ID_PATTERN,
    MAX_ROLE_ARN_LENGTH,
    MAX_ROLE_DURATION_SECONDS,
    MIN_ROLE_DURATION_SECONDS,
    ROLE_ARN_PATTERN,
    SESSION_NAME_PATTERN,
    type AssumeRoleSettings,
    type ResourceCredentials,
} from "../aws/credentials";
import type { StackSettings } from "../core/context";
import {
    checkWholeSeconds,
    closestName,
    describeValue,
    isUnknown,
    listChoices,
    type InputCheck,
    type Unknown,
} from "./check";

/**
 * The credential inputs both resources have (`profile`, `assumeRole`) and the stack's `aws:*` credential keys,
 * checked with the check kit: at preview, without any call, each failure naming the property, the value and the
 * rule. The rules are STS's own (AssumeRole's parameters).
 */

/** The per-resource credential inputs, in the order check writes them. */
export const CREDENTIAL_INPUT_KEYS = ["profile", "assumeRole"] as const;

/** The settings of the per-resource `assumeRole` input. */
export const ROLE_KEYS = ["roleArn", "sessionName", "externalId", "durationSeconds"] as const;

/** The settings of the stack's `aws:assumeRole` / `aws:assumeRoles[i]`: those @pulumi/aws documents. */
export const STACK_ROLE_KEYS = [
    ...ROLE_KEYS,
    "duration",
    "policy",
    "policyArns",
    "tags",
    "transitiveTagKeys",
    "sourceIdentity",
] as const;

const ROLE_EXAMPLE = "arn:aws:iam::123456789012:role/InspectorDeployer";

/** A profile name: a non-empty string as it appears between the brackets of the shared files. */
export function checkProfile(
    check: InputCheck,
    property: string,
    value: unknown,
): string | Unknown | undefined {
    if (value === undefined || value === null || value === "") return undefined;
    if (isUnknown(value)) return value;
    if (typeof value === "string" && /^[^\s[\]]([^[\]\r\n]*[^\s[\]])?$/.test(value)) return value;
    check.fail(
        property,
        `${property} ${describeValue(value)} is not a profile name: give the name of a profile of the shared ` +
            `credentials or config file, such as "production", without brackets or surrounding spaces`,
    );
    return undefined;
}

/**
 * A role to assume: `{ roleArn, sessionName?, externalId?, durationSeconds? }` (and, in the stack's config, the
 * other settings @pulumi/aws documents). The value comes back with only the settings given; unknown values are
 * kept as they are.
 */
export function checkAssumeRole(
    check: InputCheck,
    property: string,
    value: unknown,
    options: { readonly stack?: boolean } = {},
): AssumeRoleSettings | Unknown | undefined {
    if (value === undefined || value === null) return undefined;
    if (isUnknown(value)) return value;
    const keys: readonly string[] = options.stack ? STACK_ROLE_KEYS : ROLE_KEYS;
    if (typeof value !== "object" || Array.isArray(value)) {
        check.fail(
            property,
            `${property} ${describeValue(value)} is not an object: give { roleArn: "${ROLE_EXAMPLE}" } with ` +
                `any of ${listChoices(keys.slice(1))}`,
        );
        return undefined;
    }
    const given = value as Record<string, unknown>;
    const failures = check.failures.length;
    for (const key of Object.keys(given).sort()) {
        if (keys.includes(key) || given[key] === undefined) continue;
        const closest = closestName(key, keys);
        check.fail(
            `${property}.${key}`,
            `${property}.${key} is not a setting of ${property}` +
                (closest ? `: did you mean ${closest}?` : `; its settings are ${listChoices(keys)}`),
        );
    }
    const role: Record<string, unknown> = {};
    const set = (key: string, checked: unknown) => {
        if (checked !== undefined) role[key] = checked;
    };
    set("roleArn", checkRoleArn(check, `${property}.roleArn`, given.roleArn));
    set(
        "sessionName",
        checkPattern(
            check,
            `${property}.sessionName`,
            given.sessionName,
            SESSION_NAME_PATTERN,
            "a session name",
            "2 to 64 letters, digits and +=,.@_-",
        ),
    );
    set(
        "externalId",
        checkPattern(
            check,
            `${property}.externalId`,
            given.externalId,
            EXTERNAL_ID_PATTERN,
            "an external ID",
            "2 to 1224 letters, digits and +=,.@:/_-",
        ),
    );
    const limits = { min: MIN_ROLE_DURATION_SECONDS, max: MAX_ROLE_DURATION_SECONDS };
    set(
        "durationSeconds",
        checkWholeSeconds(check, `${property}.durationSeconds`, given.durationSeconds, limits),
    );
    if (options.stack) checkStackOnlySettings(check, property, given, set);
    return check.failures.length > failures ? undefined : (role as unknown as AssumeRoleSettings);
}

function checkRoleArn(check: InputCheck, property: string, value: unknown): unknown {
    if (isUnknown(value)) return value;
    if (value === undefined || value === null || value === "") {
        check.fail(
            property,
            `${property} is missing: give the ARN of the role to assume, such as ${ROLE_EXAMPLE}`,
        );
        return undefined;
    }
    if (typeof value === "string" && value.length <= MAX_ROLE_ARN_LENGTH && ROLE_ARN_PATTERN.test(value)) {
        return value;
    }
    check.fail(
        property,
        `${property} ${describeValue(value)} is not an IAM role ARN: use arn:aws:iam::<12-digit account ID>:role/` +
            `<name>, such as ${ROLE_EXAMPLE}`,
    );
    return undefined;
}

function checkPattern(
    check: InputCheck,
    property: string,
    value: unknown,
    pattern: RegExp,
    noun: string,
    rule: string,
): unknown {
    if (value === undefined || value === null || isUnknown(value)) return value ?? undefined;
    if (typeof value === "string" && pattern.test(value)) return value;
    check.fail(property, `${property} ${describeValue(value)} is not ${noun}: use ${rule}`);
    return undefined;
}

/** `duration` (a Go duration such as "1h30m", instead of durationSeconds), policies, tags, source identity. */
function checkStackOnlySettings(
    check: InputCheck,
    property: string,
    given: Record<string, unknown>,
    set: (key: string, value: unknown) => void,
): void {
    if (given.duration !== undefined && given.duration !== null) {
        const seconds = typeof given.duration === "string" ? parseDuration(given.duration) : undefined;
        if (given.durationSeconds !== undefined) {
            check.fail(
                `${property}.duration`,
                `${property}.duration and ${property}.durationSeconds are both set: keep one`,
            );
        } else if (
            seconds === undefined ||
            seconds < MIN_ROLE_DURATION_SECONDS ||
            seconds > MAX_ROLE_DURATION_SECONDS
        ) {
            check.fail(
                `${property}.duration`,
                `${property}.duration ${describeValue(given.duration)} is not allowed: use a duration from 15m to 12h, ` +
                    `such as "1h" or "1h30m"`,
            );
        } else {
            set("durationSeconds", seconds);
        }
    }
    const text = (key: string, rule: string, pattern = /^[\s\S]+$/) => {
        const value = given[key];
        if (value === undefined || value === null) return;
        if (typeof value === "string" && pattern.test(value)) return set(key, value);
        check.fail(
            `${property}.${key}`,
            `${property}.${key} ${describeValue(value)} is not allowed: ${rule}`,
        );
    };
    const strings = (key: string, rule: string) => {
        const value = given[key];
        if (value === undefined || value === null) return;
        if (Array.isArray(value) && value.every((item) => typeof item === "string" && item !== "")) {
            return set(key, value);
        }
        check.fail(
            `${property}.${key}`,
            `${property}.${key} ${describeValue(value)} is not allowed: ${rule}`,
        );
    };
    text("policy", "give the session policy as a JSON string");
    strings("policyArns", "give a list of IAM policy ARNs");
    strings("transitiveTagKeys", "give a list of tag keys");
    text("sourceIdentity", "use 2 to 64 letters, digits and +=,.@_-", SESSION_NAME_PATTERN);
    const tags = given.tags;
    if (tags !== undefined && tags !== null) {
        if (
            typeof tags === "object" &&
            !Array.isArray(tags) &&
            Object.values(tags).every((tag) => typeof tag === "string")
        ) {
            set("tags", tags);
        } else {
            check.fail(
                `${property}.tags`,
                `${property}.tags ${describeValue(tags)} is not allowed: give an object of tag keys and string values`,
            );
        }
    }
}

const DURATION_UNITS: Readonly<Record<string, number>> = {
    h: 3600,
    m: 60,
    s: 1,
    ms: 1e-3,
    us: 1e-6,
    µs: 1e-6,
    ns: 1e-9,
};

/** Seconds of a Go duration (`1h30m`, `900s`), as @pulumi/aws takes `duration`; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
    if (!/^(\d+(\.\d+)?(h|m|s|ms|us|µs|ns))+$/.test(text)) return undefined;
    let seconds = 0;
    for (const [, amount, , unit] of text.matchAll(/(\d+(\.\d+)?)(h|ms|m|s|us|µs|ns)/g)) {
        seconds += Number(amount) * DURATION_UNITS[unit];
    }
    return Math.floor(seconds);
}

/**
 * Checks the resource's `profile` and `assumeRole` inputs, and reports the problems of the stack's credential
 * settings (found when configure read them) under their `aws:*` keys, so a preview shows them before anything
 * runs.
 */
export function checkCredentialInputs(
    check: InputCheck,
    news: Readonly<Record<string, unknown>>,
    stack: Pick<StackSettings, "problems">,
): void {
    check.set("profile", checkProfile(check, "profile", news.profile));
    check.set("assumeRole", checkAssumeRole(check, "assumeRole", news.assumeRole));
    for (const problem of stack.problems ?? []) check.fail(problem.property, problem.reason);
}

/** The credential inputs among a resource's properties (checked inputs or state), for the context. */
export function resourceCredentials(props: Readonly<Record<string, unknown>>): ResourceCredentials {
    const profile = typeof props.profile === "string" && props.profile !== "" ? props.profile : undefined;
    const role = props.assumeRole as Partial<AssumeRoleSettings> | undefined;
    const assumeRole =
        role && typeof role === "object" && typeof role.roleArn === "string"
            ? (role as AssumeRoleSettings)
            : undefined;
    return { ...(profile ? { profile } : {}), ...(assumeRole ? { assumeRole } : {}) };
}

/** A role for one resource to assume (the `assumeRole` input of both resources). */
export interface AssumeRoleArgs {
    /**
     * The ARN of the IAM role to assume, for example `arn:aws:iam::123456789012:role/InspectorDeployer`. The
     * base credentials (the `profile` input, else the stack's, else the environment's) must be allowed to assume
     * it (`sts:AssumeRole` in its trust policy).
     */
    readonly roleArn: pulumi.Input<string>;
    /**
     * The role session's name, as CloudTrail shows it: 2 to 64 letters, digits and `+=,.@_-`.
     *
     * @default "pulumi-inspector"
     */
    readonly sessionName?: pulumi.Input<string>;
    /**
     * The external ID the role's trust policy requires, if it requires one: 2 to 1224 letters, digits and
     * `+=,.@:/_-`.
     *
     * @default none
     */
    readonly externalId?: pulumi.Input<string>;
    /**
     * How long the role's session lasts, in seconds: 900 to 43200, and at most the role's maximum session
     * duration. The provider renews it before it expires.
     *
     * @default 3600
     */
    readonly durationSeconds?: pulumi.Input<number>;
}

/**
 * The credential inputs of both resources, for programs that act from several accounts (one delegated
 * administrator per region or per organisation). Neither is secret: state records the profile's name and the
 * role's ARN, never a key or a token. A change of either is an in-place update, never a replacement.
 */
export interface CredentialArgs {
    /**
     * The shared credentials or config profile to take this resource's credentials from, instead of the stack's
     * (`aws:accessKey`/`aws:secretKey`, `aws:profile`) or the environment's. It is read from the stack's
     * `aws:sharedCredentialsFiles`/`aws:sharedConfigFiles` when set, else from `~/.aws/credentials` and
     * `~/.aws/config`.
     *
     * @default the stack's credentials: `aws:accessKey` and `aws:secretKey`, else `aws:profile`, else the
     * environment (the SDK's default chain)
     */
    readonly profile?: pulumi.Input<string>;
    /**
     * A role to assume on top of the base credentials (this resource's `profile`, else the stack's credentials,
     * else the environment's). It replaces the stack's `aws:assumeRole`/`aws:assumeRoles` for this resource.
     *
     * @default the stack's `aws:assumeRoles` or `aws:assumeRole`, else no role
     */
    readonly assumeRole?: pulumi.Input<AssumeRoleArgs>;
}
