import { ServiceError } from "../service-error";

/**
 * The Classic API's modelled errors. Every one carries `canRetry`, and all but InternalException an `errorCode`
 * from the model's enum for its shape; all are HTTP 400.
 */

export type NoSuchEntityErrorCode =
    | "ASSESSMENT_TARGET_DOES_NOT_EXIST"
    | "ASSESSMENT_TEMPLATE_DOES_NOT_EXIST"
    | "ASSESSMENT_RUN_DOES_NOT_EXIST"
    | "RESOURCE_GROUP_DOES_NOT_EXIST"
    | "RULES_PACKAGE_DOES_NOT_EXIST";

export type InvalidInputErrorCode =
    | "INVALID_ASSESSMENT_TARGET_ARN"
    | "INVALID_ASSESSMENT_TEMPLATE_ARN"
    | "INVALID_ASSESSMENT_RUN_ARN"
    | "INVALID_RESOURCE_GROUP_ARN"
    | "INVALID_RULES_PACKAGE_ARN"
    | "INVALID_ASSESSMENT_RUN_STATE"
    | "INVALID_ASSESSMENT_TEMPLATE_DURATION_RANGE"
    | "INVALID_ASSESSMENT_RUN_DURATION_RANGE"
    | "INVALID_ASSESSMENT_RUN_START_TIME_RANGE"
    | "INVALID_ASSESSMENT_RUN_COMPLETION_TIME_RANGE"
    | "INVALID_ASSESSMENT_RUN_STATE_CHANGE_TIME_RANGE"
    | "INVALID_PAGINATION_TOKEN"
    | "INVALID_MAX_RESULTS"
    | "ASSESSMENT_TARGET_NAME_ALREADY_TAKEN"
    | "ASSESSMENT_TEMPLATE_NAME_ALREADY_TAKEN";

export type LimitExceededErrorCode =
    | "ASSESSMENT_TARGET_LIMIT_EXCEEDED"
    | "ASSESSMENT_TEMPLATE_LIMIT_EXCEEDED"
    | "ASSESSMENT_RUN_LIMIT_EXCEEDED"
    | "RESOURCE_GROUP_LIMIT_EXCEEDED";

/**
 * The model has no error code for a run name already used on the template; of its InvalidInputErrorCode values
 * the template-scoped "already taken" one is the closest, and callers can tell it apart by the message.
 */
export const RUN_NAME_TAKEN_ERROR_CODE: InvalidInputErrorCode = "ASSESSMENT_TEMPLATE_NAME_ALREADY_TAKEN";

const CLIENT_ERROR = 400;

export function noSuchEntity(errorCode: NoSuchEntityErrorCode, message: string): ServiceError {
    return new ServiceError("NoSuchEntityException", CLIENT_ERROR, message, { errorCode, canRetry: false });
}

export function invalidInput(errorCode: InvalidInputErrorCode, message: string): ServiceError {
    return new ServiceError("InvalidInputException", CLIENT_ERROR, message, { errorCode, canRetry: false });
}

/** `canRetry`: true when the limit frees itself (runs finish), false when only a deletion helps. */
export function limitExceeded(
    errorCode: LimitExceededErrorCode,
    message: string,
    canRetry: boolean,
): ServiceError {
    return new ServiceError("LimitExceededException", CLIENT_ERROR, message, { errorCode, canRetry });
}

export interface AgentRunningAssessment {
    readonly agentId: string;
    readonly assessmentRunArn: string;
}

/** The model allows at most 10 agents in the list; the rest is reported as truncated. */
const MAX_LISTED = 10;

export function agentsAlreadyRunning(
    agents: readonly AgentRunningAssessment[],
    message: string,
): ServiceError {
    return new ServiceError("AgentsAlreadyRunningAssessmentException", CLIENT_ERROR, message, {
        agents: agents.slice(0, MAX_LISTED),
        agentsTruncated: agents.length > MAX_LISTED,
        canRetry: true,
    });
}

export function runInProgress(assessmentRunArns: readonly string[], message: string): ServiceError {
    return new ServiceError("AssessmentRunInProgressException", CLIENT_ERROR, message, {
        assessmentRunArns: assessmentRunArns.slice(0, MAX_LISTED),
        assessmentRunArnsTruncated: assessmentRunArns.length > MAX_LISTED,
        canRetry: true,
    });
}
