/**
 * The InspectorEnablement provider's implementation. The serialised provider (provider.ts) loads this module by
 * package name inside the provider host and hands every call over, so no client, config or credential is ever
 * written into state with the provider.
 */
import type * as pulumi from "@pulumi/pulumi";
import { configuredStackRegion, configureFromStack } from "../dynamic/stack-config";
import { createEnablement } from "./create";
import { deleteEnablement } from "./delete";
import { diffEnablement } from "./diff";
import type { EnablementInputs } from "./inputs";
import type { EnablementOutputs } from "./outputs";
import { engineReporter, engineWarner } from "./progress";
import { readEnablement, type StoredOutputs } from "./read";
import { updateEnablement } from "./update";
import { checkEnablementInputs } from "./validate";

export async function configure(request: pulumi.dynamic.ConfigureRequest): Promise<void> {
    configureFromStack(request.config);
}

export async function check(
    _olds: Record<string, unknown>,
    news: Record<string, unknown>,
): Promise<pulumi.dynamic.CheckResult> {
    return checkEnablementInputs(news, { stackRegion: configuredStackRegion() });
}

export async function diff(
    _id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): Promise<pulumi.dynamic.DiffResult> {
    return diffEnablement(olds, news);
}

export async function create(
    inputs: EnablementInputs,
): Promise<pulumi.dynamic.CreateResult<EnablementOutputs>> {
    return createEnablement(inputs, engineReporter);
}

export async function read(id: string, props: StoredOutputs): Promise<pulumi.dynamic.ReadResult> {
    return readEnablement(id, props);
}

export async function update(
    _id: string,
    olds: EnablementOutputs,
    news: EnablementInputs,
): Promise<pulumi.dynamic.UpdateResult<EnablementOutputs>> {
    return updateEnablement(olds, news, engineReporter);
}

export async function remove(_id: string, props: StoredOutputs): Promise<void> {
    return deleteEnablement(props, engineReporter, engineWarner);
}
