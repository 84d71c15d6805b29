import type { Inspector2Client } from "@aws-sdk/client-inspector2";
import type { STSClient } from "@aws-sdk/client-sts";
import { classicSdk } from "./classic-sdk";
import { credentialSource, resetCredentialSources, type CredentialSource } from "./credentials";
import type { EndpointConfigOf } from "./endpoints";
import { inspector2Sdk, stsSdk } from "./sdk-modules";
import { clientSettings, CLIENT_PLUGINS } from "./transport";

/** A command of an AWS SDK v3 client, as far as its output goes (what `send` resolves to). */
export interface SdkCommand<Output> {
    resolveMiddleware(...args: never[]): (...args: never[]) => Promise<{ output: Output }>;
}

/**
 * Inspector Classic's client: the SDK's `InspectorClient` (made by {@link clientsFor} through classic-sdk.ts),
 * described by what the package uses of it rather than by name, so that the declarations a user's program reads
 * through the main entry (the lifecycle context among them) do not need that optional peer dependency.
 * `send` resolves to the command's own output type.
 */
export interface ClassicClient extends EndpointConfigOf {
    send<Output>(command: SdkCommand<Output>): Promise<Output>;
    destroy(): void;
}

/**
 * The SDK clients a lifecycle uses, per region, all with one resource's credentials. Tests hand their own (for
 * example single-attempt clients).
 */
export interface AwsClients {
    readonly inspector2: (region: string) => Inspector2Client;
    readonly classic: (region: string) => ClassicClient;
    readonly sts: (region: string) => STSClient;
    /** Where the clients' credentials come from, for messages (never a secret). */
    readonly credentials?: () => string;
}

type AnyClient = Inspector2Client | ClassicSdkClient | STSClient;

/** The Classic client as made here (the SDK's own type, which the declarations do not show). */
type ClassicSdkClient = InstanceType<ReturnType<typeof classicSdk>["InspectorClient"]>;

/**
 * SDK clients shared by every resource in one provider process, one per service, region and credential source
 * (see credentials.ts: a hash names the source, never a key): made once, whatever the number of calls and of
 * the contexts made for them (the host makes one per call).
 *
 * Every client has a connect timeout of 5 s and a request timeout of 20 s, makes one try per call and leaves
 * every retry to `callAws` (transport.ts), and has no logger middleware. Endpoints come from the SDK's own configuration (`AWS_ENDPOINT_URL_INSPECTOR2`,
 * `AWS_ENDPOINT_URL_INSPECTOR`, `AWS_ENDPOINT_URL_STS`, `AWS_ENDPOINT_URL`).
 */
const cache = new Map<string, AnyClient>();

function cached<T extends AnyClient>(
    service: string,
    region: string,
    source: CredentialSource,
    create: (config: ReturnType<typeof clientSettings> & { credentials: CredentialSource["provider"] }) => T,
): T {
    const key = `${service}:${region}:${source.key}`;
    let client = cache.get(key) as T | undefined;
    if (!client) {
        client = create({ ...clientSettings(region), credentials: source.provider });
        for (const plugin of CLIENT_PLUGINS) client.middlewareStack.use(plugin);
        cache.set(key, client);
    }
    return client;
}

/**
 * The clients of one credential source, made when first asked for. `source` may be a function, asked each time
 * a client is needed, so that a context can be made (for check, which calls nothing) even when the stack's
 * credential settings are invalid: the error then comes with the first call.
 */
export function clientsFor(source: CredentialSource | (() => CredentialSource)): AwsClients {
    const get = typeof source === "function" ? source : () => source;
    return {
        inspector2: (region) =>
            cached("inspector2", region, get(), (config) => new (inspector2Sdk().Inspector2Client)(config)),
        classic: (region) =>
            cached("inspector", region, get(), (config) => new (classicSdk().InspectorClient)(config)),
        sts: (region) => cached("sts", region, get(), (config) => new (stsSdk().STSClient)(config)),
        credentials: () => get().description,
    };
}

/**
 * The process's clients with the default credentials (no stack settings, no resource inputs: the SDK's default
 * chain), as tests use them.
 */
export const sharedClients: AwsClients = clientsFor(() => credentialSource({}, {}, process.env));

/** The default credentials' Inspector (v2) client of a region. */
export function inspector2Client(region: string): Inspector2Client {
    return sharedClients.inspector2(region);
}

/** The default credentials' Inspector Classic client of a region. */
export function classicClient(region: string): ClassicClient {
    return sharedClients.classic(region);
}

/** How many clients this process has made and keeps (one per service, region and credential source). */
export function cachedClientCount(): number {
    return cache.size;
}

/** Closes and forgets every cached client and credential source (tests switch endpoints between emulators). */
export function resetClients(): void {
    for (const client of cache.values()) client.destroy();
    cache.clear();
    resetCredentialSources();
}
