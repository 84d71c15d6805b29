import { Inspector2Client } from "@aws-sdk/client-inspector2";
import { InspectorClient } from "@aws-sdk/client-inspector";

/**
 * SDK clients shared by every resource in one provider process, one per service and region. Sharing them means
 * the adaptive retry mode's client-side rate limiter is shared too, so twenty resources in one program back off
 * together instead of each throttling the account on its own.
 *
 * Credentials come from the SDK's default chain (environment, shared files, SSO, instance roles) and endpoints
 * from its own configuration (`AWS_ENDPOINT_URL_INSPECTOR2`, `AWS_ENDPOINT_URL_INSPECTOR`), so nothing secret
 * ever passes through a resource's inputs or the serialised provider.
 */
const inspector2Clients = new Map<string, Inspector2Client>();
const classicClients = new Map<string, InspectorClient>();

/** Attempts per call, including the first; throttling and 5xx answers are retried with jittered back-off. */
export const MAX_SDK_ATTEMPTS = 8;

export function inspector2Client(region: string): Inspector2Client {
    let client = inspector2Clients.get(region);
    if (!client) {
        client = new Inspector2Client({ region, maxAttempts: MAX_SDK_ATTEMPTS, retryMode: "adaptive" });
        inspector2Clients.set(region, client);
    }
    return client;
}

export function classicClient(region: string): InspectorClient {
    let client = classicClients.get(region);
    if (!client) {
        client = new InspectorClient({ region, maxAttempts: MAX_SDK_ATTEMPTS, retryMode: "adaptive" });
        classicClients.set(region, client);
    }
    return client;
}

/** Closes and forgets every cached client (tests switch endpoints between emulator instances). */
export function resetClients(): void {
    for (const client of inspector2Clients.values()) client.destroy();
    for (const client of classicClients.values()) client.destroy();
    inspector2Clients.clear();
    classicClients.clear();
}
