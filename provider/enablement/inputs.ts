import type { ResourceType } from "./resource-types";

/**
 * The inputs after check: validated, sorted, de-duplicated, with defaults filled in and the region resolved.
 * This is what create and update receive, and every one of them is kept among the outputs.
 */
export interface EnablementInputs {
    readonly resourceTypes: ResourceType[];
    /** Absent: the calling account. */
    readonly accountIds?: string[];
    /** The base every Enable call's idempotency token is derived from. */
    readonly clientToken: string;
    readonly region: string;
    readonly waitForEnabled: boolean;
    readonly waitTimeoutSeconds: number;
    readonly pollIntervalSeconds: number;
    /** The resource's URN, computed by the program: it scopes the default token and names the resource in logs. */
    readonly resourceUrn: string;
}

/** Every input key, in the order check writes them. */
export const INPUT_KEYS = [
    "resourceTypes",
    "accountIds",
    "clientToken",
    "region",
    "waitForEnabled",
    "waitTimeoutSeconds",
    "pollIntervalSeconds",
    "resourceUrn",
] as const satisfies readonly (keyof EnablementInputs)[];

/** Inputs that only steer this provider (how to wait, which token to send) and never change anything in AWS. */
export const PROVIDER_ONLY_KEYS = [
    "clientToken",
    "waitForEnabled",
    "waitTimeoutSeconds",
    "pollIntervalSeconds",
    "resourceUrn",
] as const satisfies readonly (keyof EnablementInputs)[];

/** The inputs kept among stored outputs (read hands them back as the inputs to store after a refresh). */
export function pickInputs(properties: Readonly<Partial<EnablementInputs>>): Record<string, unknown> {
    const inputs: Record<string, unknown> = {};
    for (const key of INPUT_KEYS) if (properties[key] !== undefined) inputs[key] = properties[key];
    return inputs;
}
