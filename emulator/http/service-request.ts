import { setTimeout as sleep } from "node:timers/promises";
import type { CallRecord } from "../emulator-api";
import type { EmulatorRuntime } from "../emulator-runtime";
import { faultError } from "../faults/fault-error";
import type { Caller, ServiceName } from "../service";
import { ServiceError } from "../service-error";
import { parseAuthorization } from "../signature/authorization-header";
import type { ArrivedRequest } from "../signature/verify-signature";
import { verifySignature } from "../signature/verify-signature";
import { validateInput } from "../validation/validate-input";
import { AwsQueryProtocol } from "./aws-query-protocol";
import type { WireProtocol, WireResponse } from "./wire-protocol";

/** What to do with a request to a service: answer it, or drop the connection (an injected fault). */
export type ServiceOutcome = { readonly response: WireResponse } | { readonly drop: true };

/**
 * The path of a service request: which service → signature → operation → faults → input → validation → the
 * service. Every client mistake ends as the protocol's 4xx error; only injected faults and emulator bugs give 5xx.
 */
export async function handleServiceRequest(
    runtime: EmulatorRuntime,
    protocols: Readonly<Record<ServiceName, WireProtocol>>,
    request: ArrivedRequest,
    options: { readonly oversized: boolean; readonly signal: AbortSignal },
): Promise<ServiceOutcome> {
    const service = addressedService(request);
    const protocol = protocols[service];
    let operation = protocol.route(request)?.operation ?? protocol.describeTarget(request);
    let caller: Caller | undefined;
    const record = (status: number, errorCode?: string) => {
        const call: CallRecord = {
            service,
            operation,
            ...(caller ? { accountId: caller.accountId, region: caller.region } : {}),
            status,
            ...(errorCode ? { errorCode } : {}),
            time: new Date(runtime.now()).toISOString(),
        };
        runtime.log.recordCall(call);
    };
    try {
        if (options.oversized) {
            throw new ServiceError(
                "RequestEntityTooLargeException",
                413,
                "The request body is larger than the emulator accepts.",
            );
        }
        const settings = runtime.settings();
        caller = verifySignature(request, {
            service,
            keyFor: (accessKeyId) => runtime.signingKey(accessKeyId),
            now: runtime.now(),
            clockSkewMs: settings.clockSkewMs,
            errorCodes: protocol.authErrorCodes,
        });
        const match = protocol.route(request);
        if (!match) throw protocol.unknownOperation(request);
        operation = match.operation;
        const handler = runtime.service(service);
        if (!handler.operations.includes(operation)) {
            const unknown = protocol.unknownOperation(request);
            throw new ServiceError(
                unknown.code,
                unknown.statusCode,
                `The emulator does not implement ${service} ${operation}.`,
            );
        }
        const decision = runtime.faults.decide(service, operation, settings.faults);
        if (decision.latencyMs > 0) await sleep(decision.latencyMs, undefined, { signal: options.signal });
        if (decision.fault?.kind === "drop") {
            record(0);
            return { drop: true };
        }
        if (decision.fault) throw faultError(service, decision.fault);
        const input = protocol.decodeInput(match, request);
        validateInput(service, operation, input);
        const output = await handler.handle(operation, input, caller);
        const response = protocol.encodeOutput(operation, output);
        record(response.status);
        return { response };
    } catch (error) {
        // The emulator is closing: nobody is waiting for an answer any more.
        if (options.signal.aborted) return { drop: true };
        const serviceError = error instanceof ServiceError ? error : unexpectedError(service, error);
        record(serviceError.statusCode, serviceError.code);
        return { response: protocol.encodeError(serviceError) };
    }
}

/**
 * All services share one address: Classic calls name their operation in `X-Amz-Target` (and sign for
 * `inspector`), STS calls are awsQuery (a form body, or a GET naming an Action); everything else is Inspector v2.
 */
function addressedService(request: ArrivedRequest): ServiceName {
    if (request.headers["x-amz-target"] !== undefined) return "inspector";
    if (AwsQueryProtocol.addresses(request)) return "sts";
    const authorization = request.headers["authorization"];
    if (authorization !== undefined) {
        const parsed = parseAuthorization(authorization);
        if (typeof parsed !== "string" && parsed.scope.service === "inspector") return "inspector";
    }
    return "inspector2";
}

/** An emulator bug, not the caller's mistake: a 5xx the SDK retries, with the cause in the message. */
function unexpectedError(service: ServiceName, error: unknown): ServiceError {
    const message = `The emulator failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
    switch (service) {
        case "inspector2":
            return new ServiceError("InternalServerException", 500, message);
        case "inspector":
            return new ServiceError("InternalException", 500, message, { canRetry: true });
        case "sts":
            return new ServiceError("InternalFailure", 500, message);
    }
}
