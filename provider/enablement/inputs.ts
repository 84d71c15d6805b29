import type { AssumeRoleSettings } from "../aws/credentials";
import type { ResourceType } from "./account-status";

/**
 * The inputs after check: validated, sorted, de-duplicated, with defaults filled in and the region resolved.
 * This is what create and update receive, and every one of them is kept among the outputs.
 */
export interface EnablementInputs {
    /** The resource types to scan, sorted, in their canonical spelling. */
    readonly resourceTypes: ResourceType[];
    /** Absent: the calling account. */
    readonly accountIds?: string[];
    /** The base every Enable call's idempotency token is derived from. */
    readonly clientToken: string;
    /** The region the enablement acts in. */
    readonly region: string;
    /** Whether create and update wait until every type is ENABLED (see {@link DEFAULT_WAIT_FOR_ENABLED}). */
    readonly waitForEnabled: boolean;
    /** How long one create, update or delete may take, in seconds. */
    readonly waitTimeoutSeconds: number;
    /** The first pause between status checks, in seconds. */
    readonly pollIntervalSeconds: number;
    /** The resource's URN, computed by the program: it scopes the default token and names the resource in logs. */
    readonly resourceUrn: string;
    /** The profile this resource's credentials come from, instead of the stack's (see provider/aws/credentials.ts). */
    readonly profile?: string;
    /** The role this resource assumes, instead of the stack's. */
    readonly assumeRole?: AssumeRoleSettings;
}

/** Every input property, in the order check writes them. */
export const INPUT_KEYS = [
    "resourceTypes",
    "accountIds",
    "clientToken",
    "region",
    "waitForEnabled",
    "waitTimeoutSeconds",
    "pollIntervalSeconds",
    "resourceUrn",
    "profile",
    "assumeRole",
] as const satisfies readonly (keyof EnablementInputs)[];

// Defaults and limits; the README and the args' TSDoc state the same values.

/** Create and update wait until every requested type is ENABLED on every account. */
export const DEFAULT_WAIT_FOR_ENABLED = true;

/** How long one create, update or delete may take, waiting and retries included: 15 minutes. */
export const DEFAULT_WAIT_TIMEOUT_SECONDS = 900;

/** A day: longer waits belong to a separate process, not to one `pulumi up`. */
export const MAX_WAIT_TIMEOUT_SECONDS = 86_400;

/** The first pause between status checks; pauses then grow as the wait policy says. */
export const DEFAULT_POLL_INTERVAL_SECONDS = 3;

/** The shortest first pause: status checks more often than once a second would hammer Inspector's API. */
export const MIN_POLL_INTERVAL_SECONDS = 1;

/** The longest first pause: five minutes. */
export const MAX_POLL_INTERVAL_SECONDS = 300;

/**
 * The most accounts one resource can enable: a delegated administrator manages at most 10,000 member accounts
 * (Inspector's quota), and itself.
 */
export const MAX_ACCOUNT_IDS = 10_001;

/** Inspector's limit for an idempotency token, and so for the base one. */
export const MAX_CLIENT_TOKEN_LENGTH = 64;

/** The inputs kept among stored outputs (read hands them back as the inputs to store after a refresh). */
export function pickInputs(properties: Readonly<Partial<EnablementInputs>>): Record<string, unknown> {
    const inputs: Record<string, unknown> = {};
    for (const key of INPUT_KEYS) if (properties[key] !== undefined) inputs[key] = properties[key];
    return inputs;
}

/** Wait settings for state that may lack them (a create that stopped early): the defaults fill in. */
export function waitSettings(stored: Readonly<Partial<EnablementInputs>>): {
    readonly pollIntervalSeconds: number;
    readonly waitTimeoutSeconds: number;
} {
    return {
        pollIntervalSeconds: stored.pollIntervalSeconds ?? DEFAULT_POLL_INTERVAL_SECONDS,
        waitTimeoutSeconds: stored.waitTimeoutSeconds ?? DEFAULT_WAIT_TIMEOUT_SECONDS,
    };
}
