/**
 * Changes a real SDK client's requests on their way out, to produce what a broken or hostile client would send
 * while everything else (serialisation, signing, parsing the answer) stays the SDK's own.
 */

/** The parts of the SDK's HttpRequest the tests change. */
export interface OutgoingRequest {
    method: string;
    path: string;
    query: Record<string, string | string[]>;
    headers: Record<string, string>;
    body?: unknown;
}

/** The parts of an SDK's HTTP response the tests read. */
export interface IncomingResponse {
    readonly statusCode: number;
    readonly headers: Record<string, string>;
}

type Handler = (args: { request: unknown }) => Promise<{ response: unknown }>;
interface StackOwner {
    middlewareStack: {
        add(
            middleware: (next: Handler) => Handler,
            options: { step: string; priority?: string; name?: string },
        ): void;
    };
}

/** Changes each request before the SDK signs it: the signature covers the change (and the new length). */
export function tamperBeforeSigning(client: unknown, change: (request: OutgoingRequest) => void): void {
    (client as StackOwner).middlewareStack.add(
        (next) => (args) => {
            const request = args.request as OutgoingRequest;
            change(request);
            if (typeof request.body === "string") {
                request.headers["content-length"] = String(Buffer.byteLength(request.body));
            }
            return next(args);
        },
        { step: "build", priority: "low" },
    );
}

/** Changes each request after the SDK signed it: the signature no longer covers the change. */
export function tamperAfterSigning(client: unknown, change: (request: OutgoingRequest) => void): void {
    (client as StackOwner).middlewareStack.add(
        (next) => (args) => {
            change(args.request as OutgoingRequest);
            return next(args);
        },
        { step: "deserialize", priority: "low" },
    );
}

/** Hands every raw HTTP response (errors included) to `see` before the SDK parses it. */
export function watchResponses(client: unknown, see: (response: IncomingResponse) => void): void {
    (client as StackOwner).middlewareStack.add(
        (next) => async (args) => {
            const result = await next(args);
            see(result.response as IncomingResponse);
            return result;
        },
        { step: "deserialize", priority: "low" },
    );
}
