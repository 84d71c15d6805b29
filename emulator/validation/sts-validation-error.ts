import { ServiceError } from "../service-error";
import type { Violation } from "./violation";

/**
 * STS's answer to invalid input: 400 `ValidationError`, "<n> validation error(s) detected: …" followed by each
 * broken constraint.
 */
export function stsValidationError(violations: readonly Violation[]): ServiceError {
    const noun = violations.length === 1 ? "error" : "errors";
    const details = violations.map((violation) => violation.message).join("; ");
    return new ServiceError(
        "ValidationError",
        400,
        `${violations.length} validation ${noun} detected: ${details}`,
    );
}
