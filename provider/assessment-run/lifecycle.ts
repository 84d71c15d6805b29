/**
 * The AssessmentRun lifecycle, loaded by the thin serialised provider (resource.ts) inside the engine's plugin
 * process and adapted to the dynamic-provider host by provider/dynamic/adapter.ts.
 */
import type { AssessmentRun } from "@aws-sdk/client-inspector";
import { regionOfArn } from "../aws/region";
import type { LifecycleContext } from "../core/context";
import type { ReadOutcome, ResourceLifecycle } from "../dynamic/adapter";
import type { CheckOutcome } from "../dynamic/check";
import { PartialFailure } from "../dynamic/partial-failure";
import { describeRunChange, diffAssessmentRun } from "./diff";
import { runGoneMessage, stillStoppingMessage, waitTimedOutMessage } from "./errors";
import { type AssessmentRunInputs, DEFAULT_STOP_ACTION, INPUT_KEYS } from "./inputs";
import { deleteRunRecord, describeRun, type RunTarget, startOrAdoptRun, stopRun } from "./operations";
import { type AssessmentRunOutputs, assessmentRunOutputs, runOutputs } from "./outputs";
import {
    classicEndpoint,
    classicRetiredMessage,
    droppedOnRefreshWarning,
    releasedOnDeleteWarning,
} from "./retirement";
import { isTerminal } from "./run-state";
import { checkAssessmentRunInputs } from "./validate";
import { completeCounts, judgeFinishedRun } from "./verdict";
import { waitForRun, waitForStop } from "./wait";

/**
 * Check: the inputs' rules (validate.ts), and where the calls would go. Against AWS's own Inspector Classic
 * endpoint, which AWS retired, nothing can work: that is said here, at preview, under the template ARN, without
 * any call.
 */
export async function checkRun(
    news: Readonly<Record<string, unknown>>,
    context: LifecycleContext,
): Promise<CheckOutcome> {
    const outcome = checkAssessmentRunInputs(news, context);
    const region = typeof outcome.inputs.region === "string" ? outcome.inputs.region : ANY_REGION;
    if (await classicEndpoint(context, region)) return outcome;
    return {
        inputs: outcome.inputs,
        failures: [
            { property: "assessmentTemplateArn", reason: classicRetiredMessage() },
            ...outcome.failures,
        ],
    };
}

/**
 * The region whose client tells where calls would go when the run's region is not known yet: an endpoint set in
 * code or configuration applies to every region alike.
 */
const ANY_REGION = "us-east-1";

/** Starts (or adopts) the run, then waits and judges it as the inputs ask. */
export async function createRun(
    inputs: AssessmentRunInputs,
    context: LifecycleContext,
): Promise<{ id: string; outs: AssessmentRunOutputs }> {
    if (!(await classicEndpoint(context, inputs.region))) throw new Error(classicRetiredMessage());
    const { run, adopted } = await startOrAdoptRun(inputs, context);
    context.log(
        adopted
            ? `${inputs.assessmentRunName}: adopted the run an earlier update started (${run.arn}), ${run.state}`
            : `${inputs.assessmentRunName}: started ${run.arn}`,
    );
    return { id: run.arn ?? "", outs: await settleRun(inputs, run, context) };
}

/**
 * Refresh: the run's current state and finding counts. A run deleted outside Pulumi reads as gone. The region is
 * the one in the run's ARN, so this also works for an import, where nothing else is known. Refresh never fails
 * on the gate; only an update applies it.
 */
export async function readRun(
    id: string,
    stored: Readonly<Partial<AssessmentRunOutputs>>,
    context: LifecycleContext,
): Promise<ReadOutcome<AssessmentRunOutputs>> {
    const region = regionOfArn(id) ?? String(stored.region);
    if (!(await classicEndpoint(context, region))) {
        context.warn(droppedOnRefreshWarning(stored.assessmentRunName ?? id, id));
        return { id: "", outs: {} };
    }
    const run = await describeRun(context, { region, runArn: id }, id);
    if (!run) return { id: "", outs: {} };
    const outs = {
        ...stored,
        assessmentTemplateArn: run.assessmentTemplateArn,
        assessmentRunName: run.name,
        region,
        ...runOutputs(run),
    } as AssessmentRunOutputs;
    return { id, outs };
}

/**
 * An update never starts a run (anything that calls for a new run is a replacement). It reads the recorded run
 * again, then waits and judges it under the new settings. This is also what the engine calls on the `pulumi up`
 * after a partial failure (a timed-out wait, a failed gate), so that update waits for or re-checks the SAME run.
 */
export async function updateRun(
    id: string,
    _olds: Readonly<AssessmentRunOutputs>,
    news: AssessmentRunInputs,
    context: LifecycleContext,
): Promise<{ outs: AssessmentRunOutputs }> {
    if (!(await classicEndpoint(context, news.region))) throw new Error(classicRetiredMessage());
    const target: RunTarget = { region: news.region, runName: news.assessmentRunName, runArn: id };
    const run = await describeRun(context, target, id);
    if (!run) throw new Error(runGoneMessage(news.assessmentRunName, id));
    return { outs: await settleRun(news, run, context) };
}

/**
 * Destroy or the first half of a replacement. A run in progress is stopped with the configured stop action and
 * followed until it has finished, so that its agents are free for the replacement's run. A finished run is kept
 * (its findings are the audit record) unless deleteOnDestroy is set. A run that is already gone is no error.
 */
export async function deleteRun(
    id: string,
    stored: Readonly<Partial<AssessmentRunOutputs>>,
    context: LifecycleContext,
): Promise<void> {
    const region = regionOfArn(id) ?? stored.region ?? ANY_REGION;
    const name = stored.assessmentRunName ?? id;
    if (!(await classicEndpoint(context, region))) return context.warn(releasedOnDeleteWarning(name, id));
    const target: RunTarget = { region, runName: stored.assessmentRunName, runArn: id };
    const gone = () => context.log(`${name}: already gone from Inspector`);

    let run = await describeRun(context, target, id);
    if (!run) return gone();
    if (!isTerminal(run.state ?? "")) {
        const action = stored.stopActionOnDelete ?? DEFAULT_STOP_ACTION;
        if (!(await stopRun(context, target, id, action))) return gone();
        context.log(`${name}: stopping (${action}), was ${run.state}`);
        run = await waitForStop(context, target, run);
        if (!run) return;
        if (!isTerminal(run.state ?? "")) {
            const waited = `still ${run.state} ${Math.round(context.policy.stopWaitMs / 1000)} s after it was stopped`;
            if (stored.deleteOnDestroy) throw new Error(stillStoppingMessage(name, id, waited));
            return context.warn(`${name}: ${waited}; it finishes on its own and stays in Inspector.`);
        }
    }
    if (!stored.deleteOnDestroy) {
        return context.log(`${name}: kept in Inspector with its findings (deleteOnDestroy is false)`);
    }
    await deleteRunRecord(context, target, id);
    context.log(`${name}: deleted with its findings`);
}

/**
 * What create (after starting or adopting the run) and update have in common: wait if asked, then judge the
 * finished run. Every failure after the run exists is a PartialFailure carrying the run, so the engine keeps it in
 * the state and the next `pulumi up` updates the same run (waits again, judges again) instead of starting another.
 */
async function settleRun(
    inputs: AssessmentRunInputs,
    run: AssessmentRun,
    context: LifecycleContext,
): Promise<AssessmentRunOutputs> {
    if (!inputs.waitForCompletion) return assessmentRunOutputs(inputs, run);
    const id = run.arn ?? "";
    const waited = await waitForRun(inputs, run, context);
    const outs = assessmentRunOutputs(inputs, waited.run);
    if (waited.timedOut) {
        const message = waitTimedOutMessage(inputs.assessmentRunName, waited.run.state, waited.waitedSeconds);
        throw new PartialFailure(message, id, { ...outs });
    }
    const verdict = judgeFinishedRun(
        {
            name: inputs.assessmentRunName,
            arn: id,
            state: waited.run.state ?? "",
            findingCounts: completeCounts(waited.run.findingCounts),
            errorNotes: (waited.run.notifications ?? [])
                .filter((note) => note.error)
                .map((note) => note.message ?? note.event ?? ""),
        },
        inputs.failOnFindings,
    );
    if (verdict.warning) context.warn(verdict.warning);
    if (verdict.failure) throw new PartialFailure(verdict.failure, id, { ...outs });
    return outs;
}

/**
 * The outputs that reveal an input, kept secret when it is: the run's ARN holds the template's (and its region),
 * the derived run name a short hash of the template and the triggers, the rules packages' ARNs the region.
 */
const SECRET_OUTPUTS = {
    assessmentTemplateArn: ["assessmentRunArn", "assessmentRunName", "region", "rulesPackageArns"],
    region: ["assessmentRunArn", "rulesPackageArns"],
    triggers: ["assessmentRunName"],
} as const;

export const lifecycle: ResourceLifecycle<AssessmentRunInputs, AssessmentRunOutputs> = {
    inputKeys: INPUT_KEYS,
    secretOutputs: SECRET_OUTPUTS,
    check: checkRun,
    diff: (_id, olds, news) => diffAssessmentRun(olds, news),
    // What up would do, told to the reviewer at preview: read from the recorded state, without calling AWS.
    preview: async (_id, olds, news, context) => context.log(describeRunChange(olds, news)),
    previewCreate: async (news, context) => context.log(describeRunChange({}, news)),
    create: createRun,
    read: readRun,
    update: updateRun,
    delete: deleteRun,
};
