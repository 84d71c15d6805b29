import type { ResourceCredentials } from "../aws/credentials";
import type { LifecycleContext, StackSettings } from "../core/context";
import { hostContext, lookingAhead, type Properties } from "../dynamic/adapter";
import { containsUnknown, type CheckFailure } from "../dynamic/check";
import { resourceCredentials } from "../dynamic/credential-inputs";
import type { EngineLog } from "../dynamic/engine-log";
import {
    isSecretValue,
    markSecrets,
    redactedError,
    secretProperties,
    secretRedactor,
} from "../dynamic/secrets";
import { detailedDiff, type PropertyDiff } from "./detailed-diff";
import { PLUGIN_SET_INPUTS, type ResourceDescription } from "./resources";

/**
 * The adapter from a lifecycle to a provider plugin's resource calls: the plugin's counterpart of
 * provider/dynamic/adapter.ts, for the same lifecycles. What differs from the dynamic host:
 * - the engine sends secrets marked (the plugin accepts secrets): which inputs are secret is read from the values,
 *   with no marker input; the outputs that reveal a secret input are returned marked, as the dynamic adapter does;
 * - the URN arrives with every call: the plugin sets `resourceUrn` itself, and attaches messages to the resource;
 * - diff returns a detailed diff, with set-like lists compared by member;
 * - read of a resource with no state is `pulumi import`: the resource's description turns the ID into inputs.
 */

/** What the plugin's server needs besides a call's own request. */
export interface PluginHost {
    /** The provider configuration's settings, as Configure received them (empty before). */
    readonly settings: () => StackSettings;
    readonly log: EngineLog;
    readonly env: NodeJS.ProcessEnv;
}

export interface PluginDiff {
    readonly changes: boolean;
    readonly replaces: string[];
    readonly stables: string[];
    readonly deleteBeforeReplace: boolean;
    /** Undefined when the change is not in the inputs (drift found by a refresh): the engine shows no paths. */
    readonly detailed?: Record<string, PropertyDiff>;
}

/** One resource type's calls, on the engine's properties (secrets marked, unknowns as the engine's sentinel). */
export interface PluginResource {
    check(
        urn: string,
        olds: Properties,
        news: Properties,
    ): Promise<{ inputs: Properties; failures: CheckFailure[] }>;
    diff(id: string, urn: string, olds: Properties, news: Properties): Promise<PluginDiff>;
    create(urn: string, props: Properties): Promise<{ id: string; outs: Properties }>;
    read(
        id: string,
        urn: string,
        props: Properties,
        inputs?: Properties,
    ): Promise<{
        id: string;
        props: Properties;
        inputs?: Properties;
    }>;
    update(id: string, urn: string, olds: Properties, news: Properties): Promise<{ outs: Properties }>;
    delete(id: string, urn: string, props: Properties): Promise<void>;
}

/**
 * The context of one call: the dynamic host's (provider/dynamic/adapter.ts), with the provider configuration's
 * settings instead of the stack's and the messages attached to `urn`, their secret values hidden by `redact`.
 */
export function pluginContext(
    host: PluginHost,
    resource: ResourceCredentials,
    urn: string,
    redact: (text: string) => string = (text) => text,
): LifecycleContext {
    const context = hostContext(host.env, resource, urn, host.log, host.settings());
    return {
        ...context,
        log: (message) => context.log(redact(message)),
        warn: (message) => context.warn(redact(message)),
    };
}

/** The properties with every secret unwrapped, and the names of the top-level ones that held a secret. */
export function revealSecrets(props: Readonly<Properties>): { plain: Properties; secret: string[] } {
    const plain: Properties = {};
    const secret: string[] = [];
    for (const [key, value] of Object.entries(props)) {
        if (containsSecret(value)) secret.push(key);
        plain[key] = reveal(value);
    }
    return { plain, secret: secret.sort() };
}

function containsSecret(value: unknown): boolean {
    if (isSecretValue(value)) return true;
    if (Array.isArray(value)) return value.some(containsSecret);
    if (value !== null && typeof value === "object") return Object.values(value).some(containsSecret);
    return false;
}

function reveal(value: unknown): unknown {
    if (isSecretValue(value)) return reveal((value as { value: unknown }).value);
    if (Array.isArray(value)) return value.map(reveal);
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, reveal(item)]));
    }
    return value;
}

/** Turns a resource's lifecycle into the plugin's calls for it. */
export function adaptForPlugin(description: ResourceDescription, host: PluginHost): PluginResource {
    const lifecycle = description.lifecycle;
    const inputKeys = lifecycle.inputKeys;
    const compared = inputKeys.filter((key) => !(PLUGIN_SET_INPUTS as readonly string[]).includes(key));
    /** A call's properties: plain values, the names of the secret inputs, and a redactor of their values. */
    const open = (props: Properties) => {
        const { plain, secret } = revealSecrets(props);
        const secretInputs = secret.filter((key) => inputKeys.includes(key));
        return { plain, secretInputs, redact: secretRedactor(plain, secretInputs) };
    };
    const contextFor = (plain: Properties, urn: string, redact: (text: string) => string) =>
        pluginContext(host, resourceCredentials(plain), urn, redact);
    const inputsOf = (props: Properties): Properties => {
        const inputs: Properties = {};
        for (const key of inputKeys) if (props[key] !== undefined) inputs[key] = props[key];
        return inputs;
    };
    /** Outputs as the engine should store them: those that reveal a secret input marked secret. */
    const secured = (outs: Properties, secretInputs: readonly string[]): Properties =>
        markSecrets(outs, secretProperties(secretInputs, lifecycle.secretOutputs), []);
    /** Runs a call, then waits for its messages to reach the engine; errors without secrets, partial state secured. */
    const guarded = async <T>(
        secretInputs: readonly string[],
        redact: (text: string) => string,
        work: () => Promise<T>,
    ): Promise<T> => {
        try {
            return await work();
        } catch (error) {
            throw redactedError(error, redact, (properties) => secured(properties, secretInputs));
        } finally {
            await host.log.flush();
        }
    };

    return {
        async check(urn, olds, news) {
            const { plain, secretInputs, redact } = open(news);
            const given: Properties = { ...plain, resourceUrn: urn };
            return guarded(secretInputs, redact, async () => {
                const outcome = await lifecycle.check(given, contextFor({}, urn, redact));
                const failures = outcome.failures.map(({ property, reason }) => ({
                    property,
                    reason: redact(reason),
                }));
                if (
                    lifecycle.previewCreate &&
                    failures.length === 0 &&
                    Object.keys(olds).length === 0 &&
                    !containsUnknown(outcome.inputs)
                ) {
                    const context = contextFor(outcome.inputs, urn, redact);
                    await lookingAhead(context, () => lifecycle.previewCreate!(outcome.inputs, context));
                }
                return { inputs: markSecrets(outcome.inputs, new Set(secretInputs), []), failures };
            });
        },
        async diff(id, urn, olds, news) {
            const state = open(olds);
            const checked = open(news);
            return guarded(checked.secretInputs, checked.redact, async () => {
                const outcome = lifecycle.diff(id, state.plain, checked.plain);
                if (outcome.changes && lifecycle.preview) {
                    const context = contextFor(checked.plain, urn, checked.redact);
                    await lookingAhead(context, () =>
                        lifecycle.preview!(id, state.plain, checked.plain, context),
                    );
                }
                const detailed = detailedDiff(state.plain, checked.plain, {
                    keys: compared,
                    sets: lifecycle.setInputs ?? [],
                    replaces: outcome.replaces,
                });
                // Inputs that became secret (or stopped being) change how the outputs are stored.
                const secrecyChanged = state.secretInputs.join() !== checked.secretInputs.join();
                const changes = outcome.changes || secrecyChanged;
                const shown = changes && Object.keys(detailed).length > 0;
                return {
                    changes,
                    replaces: outcome.replaces,
                    stables: outcome.stables ?? [],
                    deleteBeforeReplace: outcome.deleteBeforeReplace,
                    ...(shown ? { detailed } : {}),
                };
            });
        },
        async create(urn, props) {
            const { plain, secretInputs, redact } = open(props);
            return guarded(secretInputs, redact, async () => {
                const { id, outs } = await lifecycle.create(inputsOf(plain), contextFor(plain, urn, redact));
                return { id, outs: secured(outs, secretInputs) };
            });
        },
        async read(id, urn, props, inputs) {
            const imported = Object.keys(props).length === 0;
            const stored = imported ? await importedState(id, urn) : open(props);
            return guarded(stored.secretInputs, stored.redact, async () => {
                const context = contextFor(stored.plain, urn, stored.redact);
                const outcome = await lifecycle.read(id, stored.plain, context);
                if (!outcome.id) return { id: "", props: {} };
                const recorded = imported
                    ? userInputs(id, stored.plain)
                    : (outcome.inputs ?? (inputs ? open(inputs).plain : undefined));
                const outs = imported ? description.importing!.adopted(outcome.outs) : outcome.outs;
                return {
                    id: outcome.id,
                    props: secured(outs, stored.secretInputs),
                    ...(recorded ? { inputs: markSecrets(recorded, new Set(stored.secretInputs), []) } : {}),
                };
            });
        },
        async update(id, urn, olds, news) {
            const state = open(olds);
            const { plain, secretInputs, redact } = open(news);
            return guarded(secretInputs, redact, async () => {
                const { outs } = await lifecycle.update(
                    id,
                    state.plain,
                    inputsOf(plain),
                    contextFor(plain, urn, redact),
                );
                return { outs: secured(outs, secretInputs) };
            });
        },
        async delete(id, urn, props) {
            const { plain, secretInputs, redact } = open(props);
            await guarded(secretInputs, redact, () =>
                lifecycle.delete(id, plain, contextFor(plain, urn, redact)),
            );
        },
    };

    /**
     * `pulumi import`: the state an import ID stands for, checked by the resource's own rules (a failure names
     * the ID's format), for read to complete from what AWS reports.
     */
    async function importedState(id: string, urn: string) {
        if (!description.importing) {
            throw new Error(
                `${description.token} cannot be imported: it records work done by pulumi up (a run), ` +
                    `not an object that exists in AWS on its own`,
            );
        }
        const given = { ...description.importing.inputs(id), resourceUrn: urn };
        const noop = (text: string) => text;
        const outcome = await lifecycle.check(given, contextFor({}, urn, noop));
        if (outcome.failures.length > 0) {
            const reasons = outcome.failures.map((failure) => failure.reason).join("; ");
            throw new Error(
                `The import ID ${JSON.stringify(id)} does not describe a valid resource: ${reasons}`,
            );
        }
        return { plain: outcome.inputs, secretInputs: [] as string[], redact: noop };
    }

    /** The inputs a program would write for a resource imported by `id`: those the ID gives, as check spells them. */
    function userInputs(id: string, checked: Properties): Properties {
        const inputs: Properties = {};
        for (const key of Object.keys(description.importing?.inputs(id) ?? {})) {
            if (checked[key] !== undefined) inputs[key] = checked[key];
        }
        return inputs;
    }
}
