import assert from "node:assert/strict";

/** What an SDK exception carries that the tests check. */
export interface AwsError extends Error {
    readonly $metadata: { readonly httpStatusCode?: number; readonly requestId?: string };
    readonly [member: string]: unknown;
}

/** Runs `call`, which must fail with the SDK exception `name` and HTTP `status`; returns the exception. */
export async function expectAwsError(
    call: Promise<unknown>,
    name: string,
    status: number,
): Promise<AwsError> {
    try {
        await call;
    } catch (error) {
        const awsError = error as AwsError;
        assert.equal(awsError.name, name, `expected ${name}, got ${awsError.name}: ${awsError.message}`);
        assert.equal(awsError.$metadata?.httpStatusCode, status);
        return awsError;
    }
    assert.fail(`expected ${name}, but the call succeeded`);
}
