import { InspectorClient } from "@aws-sdk/client-inspector";
import { Inspector2Client } from "@aws-sdk/client-inspector2";

/** The SDK clients a lifecycle uses, per region. Tests hand their own (for example single-attempt clients). */
export interface AwsClients {
    readonly inspector2: (region: string) => Inspector2Client;
    readonly classic: (region: string) => InspectorClient;
}

/** Attempts per call inside the SDK, including the first; throttling and 5xx answers are retried with jitter. */
export const MAX_SDK_ATTEMPTS = 8;

/**
 * SDK clients shared by every resource in one provider process, one per service and region. Sharing them means
 * the adaptive retry mode's client-side rate limiter is shared too, so twenty resources in one program back off
 * together instead of each throttling the account on its own.
 *
 * Credentials come from the SDK's default chain (environment, shared files, SSO, instance roles) and endpoints
 * from its own configuration (`AWS_ENDPOINT_URL_INSPECTOR2`, `AWS_ENDPOINT_URL_INSPECTOR`), so nothing secret
 * ever passes through a resource's inputs or the serialised provider.
 */
const cache = new Map<string, Inspector2Client | InspectorClient>();

function cached<T extends Inspector2Client | InspectorClient>(key: string, create: () => T): T {
    let client = cache.get(key) as T | undefined;
    if (!client) {
        client = create();
        cache.set(key, client);
    }
    return client;
}

export function inspector2Client(region: string): Inspector2Client {
    return cached(
        `inspector2:${region}`,
        () => new Inspector2Client({ region, maxAttempts: MAX_SDK_ATTEMPTS, retryMode: "adaptive" }),
    );
}

export function classicClient(region: string): InspectorClient {
    return cached(
        `inspector:${region}`,
        () => new InspectorClient({ region, maxAttempts: MAX_SDK_ATTEMPTS, retryMode: "adaptive" }),
    );
}

/** The process's shared clients. */
export const sharedClients: AwsClients = { inspector2: inspector2Client, classic: classicClient };

/** Closes and forgets every cached client (tests switch endpoints between emulator instances). */
export function resetClients(): void {
    for (const client of cache.values()) client.destroy();
    cache.clear();
}
