import type { ServiceName } from "../service";
import { loadModel } from "./load-model";
import { ERROR_STATUS_CODES } from "./model-supplements";

/**
 * The HTTP status a modelled error travels with: the model's own, else the Smithy one, else 500 for server faults
 * and 400 for the caller's mistakes (the JSON protocols' default). Unmodelled codes get `fallback`.
 */
export function errorStatus(service: ServiceName, code: string, fallback = 400): number {
    const shape = loadModel(service).shapes[code];
    if (!shape?.exception) return ERROR_STATUS_CODES[service][code] ?? fallback;
    return shape.error?.httpStatusCode ?? ERROR_STATUS_CODES[service][code] ?? (shape.fault ? 500 : 400);
}
