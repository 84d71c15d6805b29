import { runInProgress } from "../errors";
import { requireRun } from "../lookup";
import type { ClassicHandler } from "../request";
import { isTerminal } from "../run-lifecycle";
import { viewRun } from "../run-view";

export interface DeleteAssessmentRunInput {
    readonly assessmentRunArn: string;
}

/** Deletes a finished run with its findings; a run in progress must be stopped and finish first. */
export const deleteAssessmentRun: ClassicHandler<DeleteAssessmentRunInput> = (request, input) => {
    const { scope, now } = request;
    const run = requireRun(scope, "assessmentRunArn", input.assessmentRunArn);
    const { state } = viewRun(run, now);
    if (!isTerminal(state)) {
        throw runInProgress(
            [run.arn],
            `assessmentRunArn "${run.arn}" is in state ${state}: a run can only be deleted once it has finished (stop it first)`,
        );
    }
    scope.runs.delete(run.arn);
    request.countMutation();
    return {};
};
