import { ServiceError } from "../service-error";
import { summariseViolations } from "./validation-summary";
import type { Violation } from "./violation";
import { formatPath } from "./violation";

/** Inspector v2's answer to invalid input: 400 ValidationException listing each failed field. */
export function inspector2ValidationError(violations: readonly Violation[]): ServiceError {
    return new ServiceError("ValidationException", 400, summariseViolations(violations), {
        reason: "FIELD_VALIDATION_FAILED",
        fields: violations.map((violation) => ({
            name: formatPath(violation.path),
            message: violation.message,
        })),
    });
}
