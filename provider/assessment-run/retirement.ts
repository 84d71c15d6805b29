import { ClassicSdkMissingError } from "../aws/classic-sdk";
import { configuredEndpoint, type ConfiguredEndpoint, type EndpointConfigOf } from "../aws/endpoints";
import type { LifecycleContext } from "../core/context";

/**
 * Inspector Classic's retirement. AWS ended Inspector Classic on 2026-05-20: its endpoints no longer answer
 * (connections time out; no error code comes back), and its assessment runs went with it. An AssessmentRun can
 * therefore only work against an endpoint set for Inspector Classic (`AWS_ENDPOINT_URL_INSPECTOR`, the local
 * emulator or another Classic-compatible service). Against AWS's own endpoint this is known without any call,
 * so the resource says so at once: check (preview) and create refuse, refresh drops a recorded run from the
 * state and destroy lets it go, each with a message that says why.
 */

/** The day AWS ended Inspector Classic. */
export const CLASSIC_RETIRED_ON = "2026-05-20";

/** Where the successor stands, for every message. */
const SUCCESSOR =
    "Its successor on AWS is Amazon Inspector (v2): in this package, InspectorEnablement turns its scanning on " +
    "and FindingsGate gates a deployment on its findings.";

const NO_ENDPOINT =
    "No endpoint but AWS's own is set for Inspector Classic (AWS_ENDPOINT_URL_INSPECTOR, AWS_ENDPOINT_URL or " +
    "endpoint_url in the shared AWS config), so the calls would go to AWS's";

/**
 * The endpoint set for Inspector Classic in the region, or undefined when the calls would go to AWS's own
 * (retired) endpoint: none is set, or the one set is AWS's own all the same (`inspector.<region>.amazonaws.com`,
 * its FIPS and China forms). Reads the client's configuration only: no call.
 */
export async function classicEndpoint(
    context: LifecycleContext,
    region: string,
): Promise<ConfiguredEndpoint | undefined> {
    let client: EndpointConfigOf;
    try {
        client = context.clients.classic(region);
    } catch (error) {
        // Without Inspector Classic's SDK no AssessmentRun operation can work: say so at once (at preview).
        if (error instanceof ClassicSdkMissingError) throw error;
        // No client without valid credential settings; where the calls would go does not depend on them, and
        // the credentials' own error comes with the first call. The SDK's configuration answers alone.
        client = { config: { serviceId: CLASSIC_SERVICE_ID } };
    }
    const endpoint = await configuredEndpoint(client);
    return endpoint && !isAwsClassicEndpoint(endpoint.url) ? endpoint : undefined;
}

/** AWS's own Inspector Classic host, in every partition's and FIPS form. */
const AWS_CLASSIC_HOST = /^inspector(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/i;

/** Whether a URL is AWS's own Inspector Classic endpoint (retired), set explicitly or not. */
export function isAwsClassicEndpoint(url: string): boolean {
    try {
        return AWS_CLASSIC_HOST.test(new URL(url).hostname);
    } catch {
        return false;
    }
}

/** Inspector Classic's service ID in the SDK: its variable is `AWS_ENDPOINT_URL_INSPECTOR`. */
const CLASSIC_SERVICE_ID = "Inspector";

/** Why an assessment run cannot be started (or updated) against AWS's own endpoint: check's and create's message. */
export function classicRetiredMessage(): string {
    return (
        `Inspector Classic was retired by AWS on ${CLASSIC_RETIRED_ON}: its endpoints no longer answer, so an ` +
        `assessment run can no longer be started on AWS. ${NO_ENDPOINT}. AssessmentRun works against an ` +
        `Inspector Classic-compatible endpoint set with AWS_ENDPOINT_URL_INSPECTOR, such as the local ` +
        `inspector-emulator. ${SUCCESSOR}`
    );
}

/** The warning of a refresh that drops a recorded run from the state. */
export function droppedOnRefreshWarning(name: string, arn: string): string {
    return (
        `${name}: dropped from the stack's state: Inspector Classic was retired by AWS on ${CLASSIC_RETIRED_ON} ` +
        `and its assessment runs went with it, so run ${arn} cannot be read any more. ${NO_ENDPOINT}; set ` +
        `AWS_ENDPOINT_URL_INSPECTOR to refresh it from a Classic-compatible service instead. ${SUCCESSOR}`
    );
}

/** The warning of a destroy that lets a recorded run go without a call. */
export function releasedOnDeleteWarning(name: string, arn: string): string {
    return (
        `${name}: removed from the stack's state without calling AWS: Inspector Classic was retired by AWS on ` +
        `${CLASSIC_RETIRED_ON} and its assessment runs went with it (run ${arn}). ${NO_ENDPOINT}. ${SUCCESSOR}`
    );
}
