/** What the provider was doing when Inspector answered with an error, for a message that says what to do. */
export interface ErrorContext {
    /** The Inspector Classic operation, for example `StartAssessmentRun`. */
    readonly operation: string;
    readonly region: string;
    readonly templateArn?: string;
    readonly runName?: string;
    readonly runArn?: string;
    /** How many times the call was made before giving up, when it was retried. */
    readonly attempts?: number;
}

/** The members of Inspector Classic's modelled errors that the messages use. */
interface InspectorErrorShape {
    readonly name?: string;
    readonly message?: string;
    readonly errorCode?: string;
    readonly agents?: readonly { readonly agentId?: string; readonly assessmentRunArn?: string }[];
    readonly agentsTruncated?: boolean;
    readonly assessmentRunArns?: readonly string[];
}

/** The error's modelled name (the SDK sets `name` to the shape name), or undefined for other errors. */
export function errorName(error: unknown): string | undefined {
    return error !== null && typeof error === "object" ? (error as InspectorErrorShape).name : undefined;
}

/** True for StartAssessmentRun refusing a run name already used on the template (a concurrent start won). */
export function isRunNameTaken(error: unknown): boolean {
    const shape = error as InspectorErrorShape;
    return (
        errorName(error) === "InvalidInputException" &&
        // The model has no code for run names; Inspector reuses its "name already taken" one.
        (shape.errorCode === "ASSESSMENT_TEMPLATE_NAME_ALREADY_TAKEN" ||
            /already (taken|in use)/i.test(shape.message ?? ""))
    );
}

/** The runs an AgentsAlreadyRunningAssessmentException says hold the agents. */
export function busyRunArns(error: unknown): string[] {
    const agents = (error as InspectorErrorShape).agents ?? [];
    return [...new Set(agents.map((agent) => agent.assessmentRunArn).filter((arn): arn is string => !!arn))];
}

/**
 * Turns an error from Inspector into one whose message says what happened, to what, and what to do next. The
 * original error is kept as `cause`.
 */
export function explainInspectorError(error: unknown, context: ErrorContext): Error {
    const shape = (error ?? {}) as InspectorErrorShape;
    const said = `Inspector said: ${shape.errorCode ? `${shape.errorCode}, ` : ""}"${shape.message ?? String(error)}"`;
    const template = context.templateArn ?? "(unknown template)";
    const run = context.runName ? `run "${context.runName}"` : `run ${context.runArn ?? ""}`.trim();
    const retryLater = "then run pulumi up again";
    let message: string;
    switch (errorName(error)) {
        case "NoSuchEntityException":
            message =
                context.operation === "StartAssessmentRun" ||
                shape.errorCode === "ASSESSMENT_TEMPLATE_DOES_NOT_EXIST"
                    ? `Assessment template ${template} does not exist in ${context.region} for the account of ` +
                      `these credentials (${said}). Check assessmentTemplateArn, the region and which AWS account ` +
                      `the credentials belong to.`
                    : `Inspector has no ${run} in ${context.region} (${said}).`;
            break;
        case "AgentsAlreadyRunningAssessmentException": {
            const agents = (shape.agents ?? []).map(
                (agent) => `${agent.agentId} in ${agent.assessmentRunArn}`,
            );
            const more = shape.agentsTruncated ? " and more" : "";
            message =
                `Cannot start ${run}: the agents of template ${template} are busy in another assessment run ` +
                `(${agents.join("; ")}${more}). An agent takes part in one run at a time: wait for that run to ` +
                `finish, or stop it with "aws inspector stop-assessment-run --assessment-run-arn <arn>", ${retryLater}.`;
            break;
        }
        case "LimitExceededException":
            message =
                shape.errorCode === "ASSESSMENT_RUN_LIMIT_EXCEEDED" ||
                context.operation === "StartAssessmentRun"
                    ? `Cannot start ${run}: this account has as many assessment runs in progress in ` +
                      `${context.region} as Inspector allows (${said}). Wait for some to finish or stop them, or ` +
                      `ask AWS for a higher quota, ${retryLater}.`
                    : `Inspector refused ${context.operation} for ${run}: a quota is reached (${said}).`;
            break;
        case "InvalidCrossAccountRoleException":
            message =
                `Cannot start ${run}: Inspector cannot use the IAM role registered for it in ${context.region} ` +
                `(${said}). Inspector needs a role it may assume that allows ec2:DescribeInstances; register one ` +
                `with "aws inspector register-cross-account-access-role --role-arn <role arn>", ${retryLater}.`;
            break;
        case "AccessDeniedException":
            message =
                `The credentials may not call ${context.operation} on ${context.runArn ?? template} (${said}). ` +
                `Allow inspector:${context.operation} for them, ${retryLater}.`;
            break;
        case "ServiceTemporarilyUnavailableException":
            message =
                `Inspector Classic is temporarily unavailable in ${context.region}: ${context.operation} for ${run} ` +
                `failed${context.attempts ? ` ${context.attempts} times` : ""} (${said}). Wait a few minutes, ` +
                `${retryLater}.`;
            break;
        case "InternalException":
            message = `Inspector had an internal error in ${context.operation} for ${run} (${said}); run pulumi up again.`;
            break;
        case "InvalidInputException":
            message = `Inspector rejected ${context.operation} for ${run} as invalid (${said}).`;
            break;
        default:
            message = `${context.operation} for ${run} in ${context.region} failed: ${shape.message ?? String(error)}.`;
    }
    return new Error(message, { cause: error });
}
