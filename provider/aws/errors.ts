/**
 * What a failed SDK call was, judged from the error the SDK raised (after its own retries), and the part of a
 * message every resource shares: what to do about credentials, access, throttling, outages and the network.
 */

interface SdkErrorLike {
    readonly name?: string;
    readonly code?: string;
    readonly message?: string;
    readonly $retryable?: unknown;
    readonly $metadata?: { readonly httpStatusCode?: number };
}

/**
 * - `throttling`: the account's API rate was exceeded;
 * - `unavailable`: the service failed on its side (5xx), for now;
 * - `network`: no answer (connection refused, reset, timed out, name not found);
 * - `credentials`: no credentials, or credentials AWS does not accept;
 * - `access-denied`: valid credentials without the permission;
 * - `refused`: anything else the service answered (invalid input, missing entity, a limit): not worth retrying.
 */
export type ErrorKind =
    "throttling" | "unavailable" | "network" | "credentials" | "access-denied" | "refused";

const THROTTLING_NAMES = [
    "ThrottlingException",
    "TooManyRequestsException",
    "Throttling",
    "RequestLimitExceeded",
];
const UNAVAILABLE_NAMES = [
    "InternalServerException",
    "ServiceUnavailableException",
    "InternalFailure",
    "InternalException",
    "ServiceTemporarilyUnavailableException",
];
const NETWORK_CODES = [
    "ECONNRESET",
    "ECONNREFUSED",
    "EPIPE",
    "ETIMEDOUT",
    "EAI_AGAIN",
    "ENOTFOUND",
    "ECONNABORTED",
    "EHOSTUNREACH",
    "ENETUNREACH",
];
const NETWORK_NAMES = ["TimeoutError", "RequestTimeout"];
const CREDENTIAL_NAMES = [
    "CredentialsProviderError",
    "UnrecognizedClientException",
    "InvalidSignatureException",
    "ExpiredTokenException",
    "InvalidClientTokenId",
    "MissingAuthenticationTokenException",
];

function asSdkError(error: unknown): SdkErrorLike {
    return typeof error === "object" && error !== null ? (error as SdkErrorLike) : {};
}

/** The error's modelled name (the SDK sets `name` to the error shape's name), if it has one. */
export function errorName(error: unknown): string | undefined {
    return asSdkError(error).name;
}

export function classifyError(error: unknown): ErrorKind {
    const { name = "", code = "", $metadata, $retryable } = asSdkError(error);
    const status = $metadata?.httpStatusCode;
    if (CREDENTIAL_NAMES.includes(name)) return "credentials";
    if (name === "AccessDeniedException" || name === "AccessDenied") return "access-denied";
    if (THROTTLING_NAMES.includes(name) || status === 429) return "throttling";
    if (NETWORK_CODES.includes(code) || NETWORK_NAMES.includes(name)) return "network";
    if (UNAVAILABLE_NAMES.includes(name) || (status !== undefined && status >= 500)) return "unavailable";
    if ($retryable !== undefined) return "unavailable";
    return "refused";
}

/** Throttling, failures on the service's side and broken connections are worth another try; the rest is not. */
export function isRetryable(error: unknown): boolean {
    const kind = classifyError(error);
    return kind === "throttling" || kind === "unavailable" || kind === "network";
}

/** The error's name and message, for messages to the user. */
export function errorSummary(error: unknown): string {
    const { name, message } = asSdkError(error);
    return [name, message].filter(Boolean).join(": ") || String(error);
}

/** What a call was: the SDK's service ID (`inspector2`, `inspector`), the operation and the region. */
export interface CallTarget {
    readonly service: string;
    readonly operation: string;
    readonly region: string;
}

const credentialFailures = new WeakSet<object>();

/** Marks an error raised while the credentials were fetched (a role STS would not let them assume, …). */
export function markCredentialFailure(error: unknown): void {
    if (typeof error === "object" && error !== null) credentialFailures.add(error);
}

/** Whether the error was raised while the credentials were fetched, before the call itself was sent. */
export function isCredentialFailure(error: unknown): boolean {
    return typeof error === "object" && error !== null && credentialFailures.has(error);
}

/** What a message about a failed call can say besides the error: where it went and with which credentials. */
export interface CallDetails {
    /** The endpoint the SDK used (`scheme://host[:port]`), when known. */
    readonly endpoint?: string;
    /** The environment the SDK read its endpoint variables from. */
    readonly env?: NodeJS.ProcessEnv;
    /** Where the credentials came from (credentials.ts), never a secret. */
    readonly credentials?: string;
    /** How long the tries took, in milliseconds. */
    readonly elapsedMs?: number;
}

/** What to do about an error of this kind, for a message that names the call. */
export function adviceFor(
    error: unknown,
    target: CallTarget,
    attempts: number,
    details: CallDetails = {},
): string {
    switch (classifyError(error)) {
        case "credentials":
            return (
                `the AWS credentials${details.credentials ? ` from ${details.credentials}` : ""} were missing or ` +
                "refused: set the stack's aws:profile, or aws:accessKey and aws:secretKey (as secrets), or configure " +
                "the default credential chain (AWS_PROFILE, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, SSO or an " +
                "instance role)"
            );
        case "access-denied":
            if (isCredentialFailure(error)) {
                return (
                    `the credentials${details.credentials ? ` (${details.credentials})` : ""} could not be obtained: ` +
                    "the base credentials may not assume the role; check the role's trust policy and its external ID"
                );
            }
            return `the credentials need ${target.service}:${target.operation}`;
        case "throttling":
        case "unavailable":
            return `it kept failing after ${attempts} attempts with back-off; run pulumi up again`;
        case "network":
            return networkAdvice(target, attempts, details);
        case "refused":
            return "the service refused the request";
    }
}

/** The service's endpoint variable (`AWS_ENDPOINT_URL_INSPECTOR2`) and the global one, as the SDK reads them. */
export function endpointVariables(service: string): string[] {
    return [`AWS_ENDPOINT_URL_${service.toUpperCase().replace(/[\s-]/g, "_")}`, "AWS_ENDPOINT_URL"];
}

/**
 * Where the call could not go, and what to check: the network and proxies on the way, the region, and the
 * endpoint variable that sent it there when one is set.
 */
function networkAdvice(target: CallTarget, attempts: number, details: CallDetails): string {
    const where = details.endpoint ?? `the ${target.service} endpoint for ${target.region}`;
    const took =
        details.elapsedMs === undefined ? "" : ` in ${Math.max(1, Math.round(details.elapsedMs / 1000))} s`;
    const variable = endpointVariables(target.service).find((name) => details.env?.[name]);
    const endpointHint = variable
        ? `, and ${variable} (set to ${details.env![variable]}): it must point at a running endpoint`
        : "";
    return (
        `could not reach ${where} (${attempts} ${attempts === 1 ? "attempt" : "attempts"}${took}); check the ` +
        `network and any proxy or firewall on the way, that ${target.region} is the right region${endpointHint}`
    );
}

/** A call that failed as a whole (after every retry), with a message that says what to do. */
export class AwsCallError extends Error {
    constructor(
        message: string,
        readonly target: CallTarget,
        readonly attempts: number,
        override readonly cause: unknown,
    ) {
        super(message);
        this.name = "AwsCallError";
    }

    get kind(): ErrorKind {
        return classifyError(this.cause);
    }
}
