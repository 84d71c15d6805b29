import { AdaptiveRetryStrategy } from "@smithy/util-retry";
import { classifyError } from "./errors";

/**
 * How every SDK client of this package talks to AWS: the same timeouts, the same retry strategy, and a record of
 * the endpoint each failed call went to. The Inspector, Inspector Classic and STS clients (those made for
 * AssumeRole and for the shared profiles' roles included) are all built from here.
 */

/** How long opening the TCP (and TLS) connection may take before the try fails with a TimeoutError. */
export const CONNECT_TIMEOUT_MS = 5_000;

/** How long one HTTP request may take, connection included, before the try fails with a TimeoutError. */
export const REQUEST_TIMEOUT_MS = 20_000;

/** Attempts per call inside the SDK, including the first; throttling and 5xx answers are retried with jitter. */
export const MAX_SDK_ATTEMPTS = 8;

/**
 * The request handler's options. `throwOnRequestTimeout` makes the request timeout an error: without it the
 * SDK's Node handler only logs a warning and keeps waiting.
 */
export function requestHandlerOptions(): {
    connectionTimeout: number;
    requestTimeout: number;
    throwOnRequestTimeout: boolean;
} {
    return {
        connectionTimeout: CONNECT_TIMEOUT_MS,
        requestTimeout: REQUEST_TIMEOUT_MS,
        throwOnRequestTimeout: true,
    };
}

/** The retry token and error information the SDK's retry middleware hands a strategy (its RetryStrategyV2). */
interface RetryToken {
    getRetryCount(): number;
    getRetryDelay(): number;
}
interface RetryErrorInfo {
    readonly error?: unknown;
    readonly errorType: string;
}
interface RetryStrategyV2 {
    acquireInitialRetryToken(retryTokenScope: string): Promise<RetryToken>;
    refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken>;
    recordSuccess(token: RetryToken): void;
}

/**
 * The SDK's adaptive retry strategy (client-side rate limiting, retries of throttling and 5xx answers), except
 * that an error of the network (refused or reset connection, connect or request timeout, unknown host) is not
 * retried inside the SDK: `callAws` retries those itself within a time budget, so that an unreachable endpoint
 * fails in seconds instead of after eight tries of twenty.
 */
export class NoNetworkRetryStrategy implements RetryStrategyV2 {
    readonly mode = "adaptive";

    constructor(
        private readonly inner: RetryStrategyV2 = new AdaptiveRetryStrategy(
            async () => MAX_SDK_ATTEMPTS,
        ) as unknown as RetryStrategyV2,
    ) {}

    acquireInitialRetryToken(retryTokenScope: string | undefined): Promise<RetryToken> {
        // Older clients (Inspector Classic's) pass no scope where the current strategy expects a string.
        return this.inner.acquireInitialRetryToken(retryTokenScope ?? "");
    }

    async refreshRetryTokenForRetry(token: RetryToken, errorInfo: RetryErrorInfo): Promise<RetryToken> {
        if (classifyError(errorInfo.error) === "network") {
            throw new Error("network errors are retried by callAws, not inside the SDK");
        }
        return this.inner.refreshRetryTokenForRetry(token, errorInfo);
    }

    recordSuccess(token: RetryToken): void {
        this.inner.recordSuccess(token);
    }
}

const endpoints = new WeakMap<object, string>();

/** The endpoint (`scheme://host[:port]`) the SDK sent the failed call to, when a client of this package made it. */
export function endpointOf(error: unknown): string | undefined {
    return typeof error === "object" && error !== null ? endpoints.get(error) : undefined;
}

/** Remembers where a failed call went; the innermost client (an STS call made for credentials) wins. */
export function recordEndpoint(error: unknown, endpoint: string): void {
    if (typeof error === "object" && error !== null && !endpoints.has(error)) endpoints.set(error, endpoint);
}

interface HttpRequestLike {
    readonly protocol?: string;
    readonly hostname?: string;
    readonly port?: number;
}

/** What the plugin needs of a client's middleware stack (each SDK version has its own types for it). */
interface MiddlewareStackLike {
    add: (...args: never[]) => void;
}

type BuildMiddleware = (
    next: (args: { request?: unknown }) => Promise<unknown>,
) => (args: { request?: unknown }) => Promise<unknown>;

type AddBuildMiddleware = (
    middleware: BuildMiddleware,
    options: { step: "build"; name: string; override: boolean },
) => void;

/**
 * A client plugin that records the endpoint of every call that fails (see {@link endpointOf}). It sits in the
 * build step, outside the SDK's retries and signing, where the request already carries the resolved endpoint.
 */
export const endpointRecorder = {
    applyToStack(stack: MiddlewareStackLike): void {
        (stack.add as unknown as AddBuildMiddleware).call(
            stack,
            (next) => async (args) => {
                try {
                    return await next(args);
                } catch (error) {
                    const request = args.request as HttpRequestLike | undefined;
                    if (request?.hostname) {
                        const port = request.port ? `:${request.port}` : "";
                        recordEndpoint(error, `${request.protocol ?? "https:"}//${request.hostname}${port}`);
                    }
                    throw error;
                }
            },
            { step: "build", name: "pulumiInspectorEndpointRecorder", override: true },
        );
    },
};

/**
 * The configuration every client of this package gets, for one region: the timeouts, the retry strategy (one
 * per client, so each client keeps its own adaptive rate limiter) and the attempts it allows.
 */
export function clientSettings(region: string): {
    region: string;
    maxAttempts: number;
    retryStrategy: NoNetworkRetryStrategy;
    requestHandler: ReturnType<typeof requestHandlerOptions>;
} {
    return {
        region,
        maxAttempts: MAX_SDK_ATTEMPTS,
        retryStrategy: new NoNetworkRetryStrategy(),
        requestHandler: requestHandlerOptions(),
    };
}
