/**
 * The AssessmentRun provider's implementation, loaded by the thin serialised provider (provider.ts) inside the
 * engine's plugin process. Each function adapts one dynamic-provider method to the lifecycle functions.
 */
import type * as pulumi from "@pulumi/pulumi";
import { PartialFailure } from "../dynamic/partial-failure";
import { configureFromStack, configuredStackRegion } from "../dynamic/stack-config";
import { defaultContext } from "./context";
import { createRun } from "./create";
import { type DeleteSettings, deleteRun } from "./delete";
import { diffRun } from "./diff";
import { INPUT_PROPERTIES, type RunInputs } from "./inputs";
import { readRun } from "./read";
import { updateRun } from "./update";
import { checkInputs } from "./validate";

type Props = Record<string, unknown>;

/** Where `pulumi.dynamic.Resource` keeps the serialised provider among the inputs and the state. */
const PROVIDER_KEY = "__provider";

export async function configure(request: pulumi.dynamic.ConfigureRequest): Promise<void> {
    configureFromStack(request.config);
}

export async function check(_olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
    const { inputs, failures } = checkInputs(news, {
        stackRegion: configuredStackRegion(),
        env: process.env,
    });
    return { inputs, failures: [...failures] };
}

export async function diff(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
    return diffRun(olds, news);
}

export async function create(props: Props): Promise<pulumi.dynamic.CreateResult> {
    return keepingProvider(props, () => createRun(inputsOf(props), defaultContext()));
}

export async function read(id: string, props: Props = {}): Promise<pulumi.dynamic.ReadResult> {
    return readRun(id, props, defaultContext());
}

export async function update(id: string, _olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    const { outs } = await keepingProvider(news, () => updateRun(id, inputsOf(news), defaultContext()));
    return { outs };
}

export async function remove(id: string, props: Props): Promise<void> {
    await deleteRun(id, props as DeleteSettings, defaultContext());
}

/**
 * The host stores a partial failure's properties as the state exactly as thrown, without adding the serialised
 * provider as it does for results; without `__provider` in the state the engine could not delete or update the
 * resource later. So it is put back here.
 */
async function keepingProvider<T>(props: Props, work: () => Promise<T>): Promise<T> {
    try {
        return await work();
    } catch (error) {
        if (!(error instanceof PartialFailure)) throw error;
        const properties = { ...error.properties, [PROVIDER_KEY]: props[PROVIDER_KEY] };
        throw new PartialFailure(error.message, error.id, properties, error.reasons);
    }
}

/** The checked inputs among the engine's properties (which also carry `__provider`). */
function inputsOf(props: Props): RunInputs {
    const inputs: Props = {};
    for (const key of INPUT_PROPERTIES) if (props[key] !== undefined) inputs[key] = props[key];
    return inputs as unknown as RunInputs;
}
