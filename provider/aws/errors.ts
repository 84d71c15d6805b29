/** What a failed SDK call (after the SDK's own retries) was, judged from the error the SDK raised. */

interface SdkErrorLike {
    readonly name?: string;
    readonly code?: string;
    readonly message?: string;
    readonly $retryable?: unknown;
    readonly $metadata?: { readonly httpStatusCode?: number };
}

const THROTTLING_NAMES = [
    "ThrottlingException",
    "TooManyRequestsException",
    "Throttling",
    "RequestLimitExceeded",
];
const SERVER_NAMES = ["InternalServerException", "ServiceUnavailableException", "InternalFailure"];
const NETWORK_CODES = [
    "ECONNRESET",
    "ECONNREFUSED",
    "EPIPE",
    "ETIMEDOUT",
    "EAI_AGAIN",
    "ENOTFOUND",
    "ECONNABORTED",
];
const CREDENTIAL_NAMES = [
    "CredentialsProviderError",
    "UnrecognizedClientException",
    "InvalidSignatureException",
    "ExpiredTokenException",
    "InvalidClientTokenId",
];

function asSdkError(error: unknown): SdkErrorLike {
    return typeof error === "object" && error !== null ? (error as SdkErrorLike) : {};
}

export function isThrottling(error: unknown): boolean {
    const { name, $metadata } = asSdkError(error);
    return THROTTLING_NAMES.includes(name ?? "") || $metadata?.httpStatusCode === 429;
}

/** Throttling, server errors and broken connections are worth another attempt; anything else is not. */
export function isRetryable(error: unknown): boolean {
    const sdkError = asSdkError(error);
    const status = sdkError.$metadata?.httpStatusCode;
    return (
        isThrottling(error) ||
        SERVER_NAMES.includes(sdkError.name ?? "") ||
        (status !== undefined && status >= 500) ||
        sdkError.$retryable !== undefined ||
        NETWORK_CODES.includes(sdkError.code ?? "") ||
        sdkError.name === "TimeoutError"
    );
}

export function isCredentialError(error: unknown): boolean {
    return CREDENTIAL_NAMES.includes(asSdkError(error).name ?? "");
}

/** The error's name and message, for messages to the user. */
export function errorSummary(error: unknown): string {
    const { name, message } = asSdkError(error);
    return [name, message].filter(Boolean).join(": ") || String(error);
}
