/**
 * How every SDK client of this package talks to AWS: the same timeouts, one try per call (`callAws` makes the
 * others), and a record of the endpoint each failed call went to. The Inspector, Inspector Classic and STS
 * clients (those made for AssumeRole and for the shared profiles' roles included) are all built from here.
 */

/** How long opening the TCP (and TLS) connection may take before the try fails with a TimeoutError. */
export const CONNECT_TIMEOUT_MS = 5_000;

/** How long one HTTP request may take, connection included, before the try fails with a TimeoutError. */
export const REQUEST_TIMEOUT_MS = 20_000;

/**
 * Tries per call inside the SDK: one. `callAws` makes every further try itself, so that only the call that was
 * throttled waits (with the context's sleep), and no client-side rate limiter (the SDK's adaptive mode) spaces
 * out the calls that follow.
 */
export const SDK_ATTEMPTS = 1;

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

/** What the plugins need of a client's middleware stack (each SDK version has its own types for it). */
interface MiddlewareStackLike {
    add: (...args: never[]) => void;
    remove?: (name: string) => boolean;
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

/** The name under which the SDK's clients add their logger middleware. */
export const SDK_LOGGER_MIDDLEWARE = "loggerMiddleware";

/**
 * A client plugin that takes the SDK's logger middleware out. No client of this package has a logger, yet that
 * middleware copies every answer (its sensitive members masked) for one: at 10,000 accounts, tens of megabytes
 * of garbage per refresh in the provider process.
 */
export const withoutLogger = {
    applyToStack(stack: MiddlewareStackLike): void {
        stack.remove?.(SDK_LOGGER_MIDDLEWARE);
    },
};

/** The plugins every client of this package gets. */
export const CLIENT_PLUGINS = [endpointRecorder, withoutLogger];

/**
 * The configuration every client of this package gets, for one region: the timeouts, and one try per call in the
 * standard retry mode (no client-side rate limiter); retries are `callAws`'s.
 */
export function clientSettings(region: string): {
    region: string;
    maxAttempts: number;
    retryMode: "standard";
    requestHandler: ReturnType<typeof requestHandlerOptions>;
} {
    return {
        region,
        maxAttempts: SDK_ATTEMPTS,
        retryMode: "standard",
        requestHandler: requestHandlerOptions(),
    };
}
