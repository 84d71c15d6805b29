import type { ServiceModel } from "../model/service-model";
import { ServiceError } from "../service-error";
import { classicErrorCode } from "./classic-error-code";
import { summariseViolations } from "./validation-summary";
import type { Violation } from "./violation";

/**
 * Inspector Classic's answer to invalid input: 400 InvalidInputException whose `errorCode` names what was wrong,
 * chosen from the model's InvalidInputErrorCode values for the first violation.
 */
export function classicInvalidInput(
    model: ServiceModel,
    operation: string,
    violations: readonly Violation[],
): ServiceError {
    const errorCodes = model.shapes["InvalidInputErrorCode"]?.enum ?? [];
    return new ServiceError("InvalidInputException", 400, summariseViolations(violations), {
        errorCode: classicErrorCode(errorCodes, operation, violations[0]),
        canRetry: false,
    });
}
