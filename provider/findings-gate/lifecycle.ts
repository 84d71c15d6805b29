/**
 * The FindingsGate lifecycle, loaded by the thin serialised provider (resource.ts) inside the engine's plugin
 * process and adapted to the dynamic-provider host by provider/dynamic/adapter.ts.
 */
import { digest } from "../core/canonical";
import type { LifecycleContext } from "../core/context";
import type { ReadOutcome, ResourceLifecycle } from "../dynamic/adapter";
import { containsUnknown } from "../dynamic/check";
import { PartialFailure } from "../dynamic/partial-failure";
import { describeGateChange, diffFindingsGate } from "./diff";
import { previewReadFailed, wouldFailWarning } from "./errors";
import { evaluateGate, gateLabel } from "./evaluate";
import { type FindingsGateInputs, INPUT_KEYS, pickInputs, SUBJECT_LISTS } from "./inputs";
import { type FindingsGateOutputs, gateOutputs, sameEvaluation } from "./outputs";
import { checkFindingsGateInputs } from "./validate";

/** The gate's ID: stable for the resource's whole life, different per resource and stack. */
export function gateId(resourceUrn: string): string {
    return `findings-gate-${digest(resourceUrn).slice(0, 16)}`;
}

/**
 * Create and update: wait for the scans if asked, count, decide. A failing gate fails the update with the
 * verdict, the worst findings and the ways past it, and records the evaluation (a PartialFailure), so the
 * state shows what was found and the next `pulumi up` evaluates again.
 */
async function applyGate(
    id: string,
    inputs: FindingsGateInputs,
    context: LifecycleContext,
): Promise<FindingsGateOutputs> {
    const label = gateLabel(inputs);
    const { evaluation, judgement } = await evaluateGate(inputs, context, { wait: true });
    for (const note of judgement.notes) context.warn(`${label}: ${note}`);
    const outs = gateOutputs(inputs, evaluation);
    if (!judgement.passed) throw new PartialFailure(judgement.message ?? judgement.verdict, id, { ...outs });
    context.log(judgement.verdict);
    return outs;
}

export async function createGate(
    inputs: FindingsGateInputs,
    context: LifecycleContext,
): Promise<{ id: string; outs: FindingsGateOutputs }> {
    const id = gateId(inputs.resourceUrn);
    return { id, outs: await applyGate(id, inputs, context) };
}

export async function updateGate(
    id: string,
    _olds: Readonly<FindingsGateOutputs>,
    news: FindingsGateInputs,
    context: LifecycleContext,
): Promise<{ outs: FindingsGateOutputs }> {
    return { outs: await applyGate(id, news, context) };
}

/**
 * Refresh counts again, without waiting and without failing on the verdict: new findings (or fixed ones) show
 * as changed outputs, and a verdict turned failing makes the next `pulumi up` evaluate again (see diff). When
 * nothing changed, the recorded evaluation (and its time) is kept, so a refresh without news shows no change.
 */
export async function readGate(
    id: string,
    stored: Readonly<Partial<FindingsGateOutputs>>,
    context: LifecycleContext,
): Promise<ReadOutcome<FindingsGateOutputs>> {
    if (!stored.resourceUrn || !stored.region) return { id, outs: stored as FindingsGateOutputs };
    const inputs = pickInputs(stored) as FindingsGateInputs;
    const { evaluation } = await evaluateGate(inputs, context, { wait: false });
    const evaluatedAt = stored.evaluatedAt;
    const unchanged = evaluatedAt !== undefined && sameEvaluation(stored, evaluation);
    return { id, outs: gateOutputs(inputs, unchanged ? { ...evaluation, evaluatedAt } : evaluation) };
}

/** Nothing exists in AWS for a gate: delete only forgets it. */
export async function deleteGate(): Promise<void> {}

/**
 * Preview's read-only look, when diff reports a change or a new gate has been checked: evaluates now, without
 * waiting, and warns the reviewer when applying would fail (with the worst findings), so the pull request's
 * preview shows it; a passing read is logged, with what Inspector does not scan yet. Inputs not known until the
 * update runs (an image built in the same update) leave nothing to evaluate. A failed read only warns: the
 * preview goes on.
 */
export async function previewGate(
    _id: string,
    _olds: Readonly<Partial<FindingsGateOutputs>>,
    news: Readonly<Record<string, unknown>>,
    context: LifecycleContext,
): Promise<void> {
    const relevant = INPUT_KEYS.filter((key) => key !== "triggers").map((key) => news[key]);
    if (containsUnknown(relevant) || typeof news.resourceUrn !== "string" || typeof news.region !== "string")
        return;
    const inputs = pickInputs(news as Partial<FindingsGateInputs>) as FindingsGateInputs;
    const label = gateLabel(inputs);
    try {
        const { judgement } = await evaluateGate(inputs, context, { wait: false });
        if (judgement.passed) {
            context.log(`${judgement.verdict} (read at preview)`);
            for (const note of judgement.notes) context.log(`${label}: ${note} (read at preview)`);
        } else context.warn(wouldFailWarning(label, judgement.message ?? judgement.verdict));
    } catch (error) {
        context.warn(previewReadFailed(label, error));
    }
}

/**
 * The outputs that reveal an input, kept secret when it is: the gated resources' IDs are in `resources`, the worst
 * findings and (when waiting ran out) the verdict; a gated account's ID is in its findings' ARNs; the ignore list
 * is in `ignoredFindings`. Counts and times reveal none.
 */
const SECRET_OUTPUTS = {
    images: ["resources", "worstFindings", "verdict"],
    lambdaFunctions: ["resources", "worstFindings", "verdict"],
    ec2Instances: ["resources", "worstFindings", "verdict"],
    codeRepositories: ["resources", "worstFindings", "verdict"],
    accountIds: ["worstFindings"],
    ignore: ["ignoredFindings"],
} as const;

export const lifecycle: ResourceLifecycle<FindingsGateInputs, FindingsGateOutputs> = {
    inputKeys: INPUT_KEYS,
    secretOutputs: SECRET_OUTPUTS,
    // The subject lists are sets; triggers keep their order.
    setInputs: SUBJECT_LISTS.map((list) => list.property),
    check: (news, context) => checkFindingsGateInputs(news, context),
    diff: (_id, olds, news) => diffFindingsGate(olds, news),
    preview: async (id, olds, news, context) => {
        context.log(describeGateChange(olds, news));
        await previewGate(id, olds, news, context);
    },
    previewCreate: async (news, context) => {
        context.log(describeGateChange({}, news));
        await previewGate("", {}, news, context);
    },
    create: createGate,
    read: readGate,
    update: updateGate,
    delete: deleteGate,
};
