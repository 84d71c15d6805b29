import { errorStatus } from "../model/error-status";
import type { ServiceName } from "../service";
import { ServiceError } from "../service-error";
import type { FaultSettings } from "../settings/settings";

/**
 * The error an injected fault answers with, under the names each service's model uses. Classic has no modelled
 * throttling error; like other awsJson services it answers 400 `ThrottlingException`, which SDKs retry.
 */
export function faultError(service: ServiceName, fault: FaultSettings): ServiceError {
    const injected = `(injected fault on ${fault.operation})`;
    if (service === "sts") return stsFaultError(fault, injected);
    switch (fault.kind) {
        case "throttle": {
            const retryAfterSeconds = fault.value ?? 1;
            const headers = { "retry-after": String(retryAfterSeconds) };
            if (service === "inspector2") {
                return new ServiceError(
                    "ThrottlingException",
                    errorStatus(service, "ThrottlingException"),
                    `Rate exceeded ${injected}`,
                    { retryAfterSeconds },
                    headers,
                );
            }
            return new ServiceError("ThrottlingException", 400, `Rate exceeded ${injected}`, {}, headers);
        }
        case "internal":
            return service === "inspector2"
                ? new ServiceError(
                      "InternalServerException",
                      errorStatus(service, "InternalServerException"),
                      `Internal server error ${injected}`,
                  )
                : new ServiceError(
                      "InternalException",
                      errorStatus(service, "InternalException"),
                      `Internal error ${injected}`,
                      {
                          canRetry: true,
                      },
                  );
        case "unavailable":
            return service === "inspector"
                ? new ServiceError(
                      "ServiceTemporarilyUnavailableException",
                      errorStatus(service, "ServiceTemporarilyUnavailableException"),
                      `The service is temporarily unavailable ${injected}`,
                      { canRetry: true },
                  )
                : new ServiceError(
                      "ServiceUnavailableException",
                      503,
                      `The service is temporarily unavailable ${injected}`,
                  );
        case "latency":
        case "drop":
            throw new Error(`A ${fault.kind} fault does not answer with an error`);
    }
}

/** STS's answers: 400 `Throttling` (which SDKs retry), 500 `InternalFailure`, 503 `ServiceUnavailable`. */
function stsFaultError(fault: FaultSettings, injected: string): ServiceError {
    switch (fault.kind) {
        case "throttle":
            return new ServiceError(
                "Throttling",
                400,
                `Rate exceeded ${injected}`,
                {},
                {
                    "retry-after": String(fault.value ?? 1),
                },
            );
        case "internal":
            return new ServiceError("InternalFailure", 500, `Internal failure ${injected}`);
        case "unavailable":
            return new ServiceError("ServiceUnavailable", 503, `The service is unavailable ${injected}`);
        case "latency":
        case "drop":
            throw new Error(`A ${fault.kind} fault does not answer with an error`);
    }
}
