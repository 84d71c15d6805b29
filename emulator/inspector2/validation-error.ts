import { ServiceError } from "../service-error";

/** A ValidationException about one input field, shaped as Inspector sends it (reason and field list). */
export function fieldValidationError(field: string, message: string): ServiceError {
    return new ServiceError("ValidationException", 400, message, {
        reason: "FIELD_VALIDATION_FAILED",
        fields: [{ name: field, message }],
    });
}
