/**
 * An error a service handler raises to answer the client with a modelled AWS error. The HTTP layer turns it into
 * the protocol's wire form: for restJson1 the `x-amzn-ErrorType` header and a JSON body with `message` and the
 * extra members; for awsJson1_1 a JSON body with `__type`, `message` and the extra members.
 */
export class ServiceError extends Error {
    constructor(
        /** The error shape's name in the model, for example `ValidationException`. */
        readonly code: string,
        /** The HTTP status code the real service answers with. */
        readonly statusCode: number,
        message: string,
        /** Further members of the error shape, for example `{ reason, fields }` or `{ errorCode, canRetry }`. */
        readonly members: Readonly<Record<string, unknown>> = {},
        /** Extra response headers, for example `Retry-After`. */
        readonly headers: Readonly<Record<string, string>> = {},
    ) {
        super(message);
        this.name = code;
    }
}
