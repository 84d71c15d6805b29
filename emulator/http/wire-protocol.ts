import type { ServiceName } from "../service";
import type { ServiceError } from "../service-error";
import type { ArrivedRequest, AuthErrorCodes } from "../signature/verify-signature";

/** An answer ready to write: status, headers and the body text (JSON, or XML for awsQuery). */
export interface WireResponse {
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: string;
}

/** The operation a request addresses, with what its URI carried (restJson1 labels). */
export interface RouteMatch {
    readonly operation: string;
    readonly labels: Readonly<Record<string, string>>;
}

/** How one service's wire protocol names operations and encodes inputs, outputs and errors. */
export interface WireProtocol {
    readonly service: ServiceName;
    /** The codes of authentication failures, when they differ from the JSON services'. */
    readonly authErrorCodes?: AuthErrorCodes;
    /** The modelled operation the request addresses, or undefined when it addresses none. */
    route(request: ArrivedRequest): RouteMatch | undefined;
    /** A short description of what the request addressed, for the call log and the unknown-operation error. */
    describeTarget(request: ArrivedRequest): string;
    /** The operation's input gathered from the body (and URI, query and headers). Throws a ServiceError. */
    decodeInput(match: RouteMatch, request: ArrivedRequest): Record<string, unknown>;
    encodeOutput(operation: string, output: Record<string, unknown>): WireResponse;
    encodeError(error: ServiceError): WireResponse;
    /** The error for a request that addresses no operation this protocol knows. */
    unknownOperation(request: ArrivedRequest): ServiceError;
}
