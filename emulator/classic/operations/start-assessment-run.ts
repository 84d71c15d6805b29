import { targetAgentIds } from "../agents";
import { runArn } from "../arns";
import { agentsAlreadyRunning, invalidInput, limitExceeded, RUN_NAME_TAKEN_ERROR_CODE } from "../errors";
import { derivedFindingCounts, runFindingCounts } from "../findings";
import { entityId } from "../ids";
import { requireTemplate } from "../lookup";
import { runIdentity, runOutcome } from "../outcome";
import type { RunRecord, TemplateRecord } from "../records";
import type { ClassicHandler, ClassicRequest } from "../request";
import { planRun } from "../run-lifecycle";
import { defaultRunName } from "../run-name";
import { isInProgress } from "../run-view";

export interface StartAssessmentRunInput {
    readonly assessmentTemplateArn: string;
    readonly assessmentRunName?: string;
}

function runName(request: ClassicRequest, template: TemplateRecord, requested: string | undefined): string {
    const taken = new Set(request.scope.runsOfTemplate(template.arn).map((run) => run.name));
    if (requested === undefined) return defaultRunName(template.name, request.now, taken);
    if (taken.has(requested)) {
        throw invalidInput(
            RUN_NAME_TAKEN_ERROR_CODE,
            `assessmentRunName "${requested}" is already taken: run names must be unique per assessment template (${template.arn})`,
        );
    }
    return requested;
}

/** Refuses a run while the target's agents are busy, or when the account already has the most runs allowed. */
function checkCapacity(request: ClassicRequest, template: TemplateRecord): void {
    const { scope, now, settings } = request;
    const inProgress = [...scope.runs.values()].filter((run) => isInProgress(run, now));
    const busy = inProgress.filter((run) => run.targetArn === template.targetArn);
    if (busy.length > 0) {
        const agents = busy.flatMap((run) =>
            targetAgentIds(settings.seed, run.targetArn).map((agentId) => ({
                agentId,
                assessmentRunArn: run.arn,
            })),
        );
        throw agentsAlreadyRunning(
            agents,
            `assessmentTemplateArn "${template.arn}" cannot start: the agents of its target ${template.targetArn} are already running assessment run ${busy[0].arn}`,
        );
    }
    const limit = settings.classic.maxConcurrentRuns;
    if (inProgress.length >= limit) {
        throw limitExceeded(
            "ASSESSMENT_RUN_LIMIT_EXCEEDED",
            `assessmentTemplateArn "${template.arn}" cannot start: account ${scope.accountId} already has ${inProgress.length} assessment runs in progress in region ${scope.region}, the limit is ${limit}`,
            true,
        );
    }
}

/** Emulated seconds per real second; a setting that is not a positive number means real time. */
function timeScaleOf(request: ClassicRequest): number {
    const scale = request.settings.classic.timeScale;
    return Number.isFinite(scale) && scale > 0 ? scale : 1;
}

export const startAssessmentRun: ClassicHandler<StartAssessmentRunInput> = (request, input) => {
    const { scope, now, settings } = request;
    const template = requireTemplate(scope, "assessmentTemplateArn", input.assessmentTemplateArn);
    const name = runName(request, template, input.assessmentRunName);
    checkCapacity(request, template);

    const seq = request.nextSeq();
    const arn = runArn(template.arn, entityId(settings.seed, seq));
    const identity = runIdentity({
        accountId: scope.accountId,
        region: scope.region,
        templateName: template.name,
        rulesPackageArns: template.rulesPackageArns,
    });
    const outcome = runOutcome(settings.seed, identity, settings.classic.outcome);
    const derived = derivedFindingCounts(settings.seed, identity, template.rulesPackageArns.length);
    const timeScale = timeScaleOf(request);
    const run: RunRecord = {
        seq,
        arn,
        name,
        templateArn: template.arn,
        targetArn: template.targetArn,
        durationInSeconds: template.durationInSeconds,
        rulesPackageArns: [...template.rulesPackageArns],
        userAttributesForFindings: template.userAttributesForFindings.map((attribute) => ({ ...attribute })),
        createdAt: now,
        timeScale,
        outcome,
        findingCounts: runFindingCounts(derived, settings.classic.findingCounts),
        timeline: planRun(now, template.durationInSeconds, timeScale, outcome),
    };
    scope.runs.set(arn, run);
    request.countMutation();
    return { assessmentRunArn: arn };
};
