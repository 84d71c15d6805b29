import { invalidInput } from "../errors";
import { requireRun } from "../lookup";
import type { ClassicHandler } from "../request";
import { isTerminal, planStop, type StopAction } from "../run-lifecycle";
import { viewRun } from "../run-view";

export interface StopAssessmentRunInput {
    readonly assessmentRunArn: string;
    readonly stopAction?: StopAction;
}

/**
 * Stops data collection now. A finished run cannot be stopped (InvalidInputException); a run already stopping
 * or evaluating is left as it is, so a retried stop is harmless.
 */
export const stopAssessmentRun: ClassicHandler<StopAssessmentRunInput> = (request, input) => {
    const { scope, now } = request;
    const run = requireRun(scope, "assessmentRunArn", input.assessmentRunArn);
    const { state } = viewRun(run, now);
    if (isTerminal(state)) {
        throw invalidInput(
            "INVALID_ASSESSMENT_RUN_STATE",
            `assessmentRunArn "${run.arn}" is in state ${state}: only a run in progress can be stopped`,
        );
    }
    const timeline = planStop(
        run.timeline,
        now,
        run.timeScale,
        input.stopAction ?? "START_EVALUATION",
        run.outcome,
    );
    if (timeline) {
        run.timeline = timeline;
        request.countMutation();
    }
    return {};
};
