import { createRequire } from "node:module";

/**
 * Whether an SDK client talks to the service's own AWS endpoint or to one set for it, answered the way the SDK
 * itself decides, without any call. The SDK uses, in this order: an `endpoint` given in code; else, unless
 * `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` (or the profile's `ignore_configured_endpoint_urls`) says to ignore them,
 * `AWS_ENDPOINT_URL_<SERVICE ID>`, `AWS_ENDPOINT_URL`, the shared config's `endpoint_url` for the service in the
 * profile's `services` section, and the profile's own `endpoint_url`; else the service's endpoint for the region.
 */

/** The members of an SDK client's resolved config this module reads. */
export interface EndpointConfigOf {
    readonly config: {
        /** The SDK's service ID, such as `Inspector` (its variable is `AWS_ENDPOINT_URL_INSPECTOR`). */
        readonly serviceId?: string;
        /** Set when the client was created with an `endpoint`. */
        readonly isCustomEndpoint?: boolean;
        readonly endpoint?: () => Promise<EndpointLike>;
        /** The client's `ignoreConfiguredEndpointUrls` option (current SDKs). */
        readonly ignoreConfiguredEndpointUrls?: boolean;
        /** The endpoint from the environment and the shared config, as current SDK clients resolve it. */
        readonly serviceConfiguredEndpoint?: () => Promise<string | undefined>;
    };
}

interface EndpointLike {
    readonly protocol?: string;
    readonly hostname?: string;
    readonly port?: number;
    readonly path?: string;
}

/** Where a client's requests go when it is not the service's own endpoint, and what set it. */
export interface ConfiguredEndpoint {
    readonly url: string;
    /** `code`: the client's `endpoint` option; `configuration`: the environment or the shared config file. */
    readonly source: "code" | "configuration";
}

/**
 * The endpoint set for the client's service in code or configuration, or undefined when the client uses the
 * service's own AWS endpoint. Reads the environment and the shared config files (as the SDK does, through its
 * own functions); calls nothing.
 */
export async function configuredEndpoint(client: EndpointConfigOf): Promise<ConfiguredEndpoint | undefined> {
    const { config } = client;
    if (config.isCustomEndpoint && config.endpoint) {
        return { url: formatEndpoint(await config.endpoint()), source: "code" };
    }
    if (config.ignoreConfiguredEndpointUrls) return undefined;
    const url = config.serviceConfiguredEndpoint
        ? await config.serviceConfiguredEndpoint()
        : await endpointFromConfiguration(config.serviceId ?? "");
    return url ? { url, source: "configuration" } : undefined;
}

/**
 * The endpoint the environment and the shared config set for a service ID, by the current SDK's own resolution
 * (`resolveEndpointConfig` of `@smithy/core/endpoints`, as this package's Inspector (v2) client uses it). For
 * clients of older SDK versions, whose config has no `serviceConfiguredEndpoint`. Those read the same variables
 * and files, but some predate `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`; the answer here follows the current SDK.
 */
export async function endpointFromConfiguration(serviceId: string): Promise<string | undefined> {
    const resolved = currentEndpointsModule().resolveEndpointConfig({ serviceId });
    return resolved.serviceConfiguredEndpoint();
}

interface EndpointsModule {
    resolveEndpointConfig(input: { serviceId: string }): {
        serviceConfiguredEndpoint(): Promise<string | undefined>;
    };
}

let endpointsModule: EndpointsModule | undefined;

function currentEndpointsModule(): EndpointsModule {
    // `@smithy/core/endpoints` as the Inspector (v2) client depends on it: a package of the SDK this package pins,
    // not one it lists itself (the Classic client pins an older @smithy/core without that entry point).
    endpointsModule ??= createRequire(require.resolve("@aws-sdk/client-inspector2"))(
        "@smithy/core/endpoints",
    ) as EndpointsModule;
    return endpointsModule;
}

function formatEndpoint(endpoint: EndpointLike): string {
    const port = endpoint.port ? `:${endpoint.port}` : "";
    const path = endpoint.path && endpoint.path !== "/" ? endpoint.path : "";
    return `${endpoint.protocol ?? "https:"}//${endpoint.hostname ?? ""}${port}${path}`;
}
