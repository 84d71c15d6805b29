import type { ServiceModel } from "../model/service-model";
import type { ServiceName } from "../service";
import type { ServiceError } from "../service-error";
import { classicInvalidInput } from "./classic-invalid-input";
import { inspector2ValidationError } from "./inspector2-validation-error";
import { stsValidationError } from "./sts-validation-error";
import type { Violation } from "./violation";

/** The error each service answers invalid input with. */
export function validationError(
    service: ServiceName,
    model: ServiceModel,
    operation: string,
    violations: readonly Violation[],
): ServiceError {
    switch (service) {
        case "inspector2":
            return inspector2ValidationError(violations);
        case "inspector":
            return classicInvalidInput(model, operation, violations);
        case "sts":
            return stsValidationError(violations);
    }
}
