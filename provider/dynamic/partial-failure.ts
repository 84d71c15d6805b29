/**
 * Thrown from a dynamic provider's create or update when the work was done in part. The dynamic-provider host
 * sees `id` and sends the engine an `ErrorResourceInitFailed` carrying `id` and `properties`, so the engine keeps
 * the resource in state with what was really done, and the next `pulumi up` continues from there instead of
 * starting again.
 */
export class PartialFailure extends Error {
    constructor(
        message: string,
        readonly id: string,
        readonly properties: Record<string, unknown>,
        readonly reasons: string[] = [message],
    ) {
        super(message);
        this.name = "PartialFailure";
    }
}
