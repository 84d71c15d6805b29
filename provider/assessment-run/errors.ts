import { errorName } from "../aws/errors";

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
 * The message for an error Inspector Classic answered with: what happened, to what, and what to do next.
 * Undefined for any other error (credentials, throttling, the network, ...): `callAws`'s shared message, which
 * names the call and says what to do, applies to those.
 */
export function explainInspectorError(error: unknown, context: ErrorContext): string | undefined {
    const shape = (error ?? {}) as InspectorErrorShape;
    const said = `Inspector said: ${shape.errorCode ? `${shape.errorCode}, ` : ""}"${shape.message ?? String(error)}"`;
    const template = context.templateArn ?? "(unknown template)";
    const run = context.runName ? `run "${context.runName}"` : `run ${context.runArn ?? ""}`.trim();
    const retryLater = "then run pulumi up again";
    switch (errorName(error)) {
        case "NoSuchEntityException":
            return context.operation === "StartAssessmentRun" ||
                shape.errorCode === "ASSESSMENT_TEMPLATE_DOES_NOT_EXIST"
                ? `Assessment template ${template} does not exist in ${context.region} for the account of these ` +
                      `credentials (${said}). Check assessmentTemplateArn, the region and which AWS account the ` +
                      `credentials belong to.`
                : `Inspector has no ${run} in ${context.region} (${said}).`;
        case "AgentsAlreadyRunningAssessmentException": {
            const agents = (shape.agents ?? []).map(
                (agent) => `${agent.agentId} in ${agent.assessmentRunArn}`,
            );
            const more = shape.agentsTruncated ? " and more" : "";
            return (
                `Cannot start ${run}: the agents of template ${template} are busy in another assessment run ` +
                `(${agents.join("; ")}${more}). An agent takes part in one run at a time: wait for that run to ` +
                `finish, or stop it with "aws inspector stop-assessment-run --assessment-run-arn <arn>", ${retryLater}.`
            );
        }
        case "LimitExceededException":
            return shape.errorCode === "ASSESSMENT_RUN_LIMIT_EXCEEDED" ||
                context.operation === "StartAssessmentRun"
                ? `Cannot start ${run}: this account has as many assessment runs in progress in ${context.region} ` +
                      `as Inspector allows (${said}). Wait for some to finish or stop them, or ask AWS for a higher ` +
                      `quota, ${retryLater}.`
                : `Inspector refused ${context.operation} for ${run}: a quota is reached (${said}).`;
        case "InvalidCrossAccountRoleException":
            return (
                `Cannot start ${run}: Inspector cannot use the IAM role registered for it in ${context.region} ` +
                `(${said}). Inspector needs a role it may assume that allows ec2:DescribeInstances; register one ` +
                `with "aws inspector register-cross-account-access-role --role-arn <role arn>", ${retryLater}.`
            );
        case "AccessDeniedException":
            return (
                `The credentials may not call ${context.operation} on ${context.runArn ?? template} (${said}). ` +
                `Allow inspector:${context.operation} for them, ${retryLater}.`
            );
        case "ServiceTemporarilyUnavailableException": {
            const times = (context.attempts ?? 1) > 1 ? ` ${context.attempts} times` : "";
            return (
                `Inspector Classic is temporarily unavailable in ${context.region}: ${context.operation} for ${run} ` +
                `failed${times} (${said}). Wait a few minutes, ${retryLater}.`
            );
        }
        case "InternalException":
            return `Inspector had an internal error in ${context.operation} for ${run} (${said}); run pulumi up again.`;
        case "InvalidInputException":
            return `Inspector rejected ${context.operation} for ${run} as invalid (${said}).`;
        default:
            return undefined;
    }
}

/** Why create or update failed after waiting ran out: the run goes on and is recorded. */
export function waitTimedOutMessage(name: string, state: string | undefined, waitedSeconds: number): string {
    return (
        `Assessment run "${name}" is still ${state} after this update waited ${waitedSeconds} s ` +
        `(waitTimeoutSeconds). It goes on in Inspector and stays recorded in the state: the next pulumi up waits ` +
        `for the same run again. Raise waitTimeoutSeconds to wait longer in one update.`
    );
}

/** Why waiting failed: the run was deleted while this update waited for it. */
export function runDisappearedMessage(name: string, arn: string): string {
    return (
        `Assessment run "${name}" (${arn}) disappeared while this update waited for it: it was deleted outside ` +
        `Pulumi. Run pulumi refresh, then pulumi up starts a new run.`
    );
}

/** Why an update failed: the recorded run is gone. */
export function runGoneMessage(name: string, arn: string): string {
    return (
        `Assessment run "${name}" (${arn}) no longer exists in Inspector: it was deleted outside Pulumi. Run ` +
        `pulumi refresh to drop it from the state; the next pulumi up starts a new run.`
    );
}

/** Why a delete with deleteOnDestroy failed: the stopped run has not finished yet. */
export function stillStoppingMessage(name: string, arn: string, waited: string): string {
    return `Cannot delete assessment run "${name}" (${arn}) yet: it is ${waited}. Run the destroy again later.`;
}
