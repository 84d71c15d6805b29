import { randomUUID } from "node:crypto";

/** Every AWS answer carries a request ID; SDKs surface it as `$metadata.requestId`. */
export function withRequestId(
    headers: Record<string, string>,
    requestId: string = randomUUID(),
): Record<string, string> {
    return { ...headers, "x-amzn-requestid": requestId };
}
