import * as pulumi from "@pulumi/pulumi";
import { clientsFor } from "../aws/clients";
import { credentialSource, type CredentialSource, type ResourceCredentials } from "../aws/credentials";
import {
    WAIT_POLICY_VARIABLE,
    waitPolicyFromEnv,
    type LifecycleContext,
    type StackSettings,
} from "../core/context";
import { containsUnknown, type CheckOutcome } from "./check";
import { resourceCredentials } from "./credential-inputs";
import { collectingAfterLargeCalls } from "./heap";
import { consoleLog, engineLog, type EngineLog } from "./engine-log";
import { PartialFailure } from "./partial-failure";
import {
    markSecrets,
    redactedError,
    sameSecretInputs,
    SECRET_INPUTS_KEY,
    secretInputsOf,
    secretInputsProblem,
    secretProperties,
    secretRedactor,
    type SecretDerivations,
} from "./secrets";
import { type SetInputKeys, withSetLists, withSetShapes } from "./set-inputs";
import { configureFromStack, stackSettings } from "./stack-config";
import { isUrn } from "./urn";

/** Properties as the engine passes them: the inputs or the state, with `__provider` among them. */
export type Properties = Record<string, unknown>;

/** Where `pulumi.dynamic.Resource` keeps the serialised provider, among the inputs and in the state. */
export const PROVIDER_KEY = "__provider";

/** What a diff tells the engine: whether anything changes, what forces a replacement, and in which order. */
export interface DiffOutcome {
    readonly changes: boolean;
    readonly replaces: string[];
    /** Outputs no in-place update changes, so previews can show them as known. */
    readonly stables?: string[];
    readonly deleteBeforeReplace: boolean;
}

/** What a read (refresh) found: an empty `id` when the resource is gone from AWS. */
export interface ReadOutcome<Outputs> {
    readonly id: string;
    readonly outs: Outputs | Record<string, never>;
    /** The inputs to record after the refresh, when they should follow what was read. */
    readonly inputs?: Properties;
}

/**
 * One resource's lifecycle as plain functions: typed inputs and a context in, typed outputs out. Nothing here
 * knows the dynamic-provider host; {@link adaptLifecycle} is the one place that does. `Outputs` is everything
 * the resource records in the state: its checked inputs and what AWS reported.
 */
export interface ResourceLifecycle<Inputs, Outputs extends Inputs> {
    /** The input properties: check refuses any other, and create and update receive only these. */
    readonly inputKeys: readonly string[];
    /**
     * The outputs that reveal each input's value: stored as secrets when that input is secret (see
     * `./secrets.ts`). An input's own output needs no entry.
     */
    readonly secretOutputs?: SecretDerivations;
    /**
     * The list inputs that are sets (order and position mean nothing): check returns them keyed by member, so
     * that `pulumi preview --diff` shows members added and removed, and every lifecycle function still receives
     * them as sorted lists (see `./set-inputs.ts`).
     */
    readonly setInputs?: SetInputKeys;
    /** Validates and normalises the program's inputs, without calling AWS (it runs at preview). */
    check(news: Readonly<Properties>, context: LifecycleContext): CheckOutcome | Promise<CheckOutcome>;
    /** Compares the state with the checked new inputs, without calling AWS. */
    diff(id: string, olds: Readonly<Partial<Outputs>>, news: Readonly<Properties>): DiffOutcome;
    /**
     * Optional: a read-only look, when diff reports a change, at what applying it would do, told to the reviewer
     * through the context's log and warnings (FindingsGate: whether the gate would fail now). It runs in diff, so
     * at preview; it never calls a mutating API and never fails the diff.
     */
    preview?(
        id: string,
        olds: Readonly<Partial<Outputs>>,
        news: Readonly<Properties>,
        context: LifecycleContext,
    ): Promise<void>;
    /**
     * Optional: the same read-only look for a resource about to be created, for which the engine calls check and
     * no diff. The adapter calls it after a check without failures, when there is no earlier state and every
     * checked input is known (so never with values an update has yet to compute), with the checked inputs. It
     * never calls a mutating API and never fails the check; check itself still calls nothing.
     */
    previewCreate?(news: Readonly<Properties>, context: LifecycleContext): Promise<void>;
    /** Creates; a failure after something was made in AWS is a {@link PartialFailure} carrying it. */
    create(inputs: Inputs, context: LifecycleContext): Promise<{ id: string; outs: Outputs }>;
    read(
        id: string,
        stored: Readonly<Partial<Outputs>>,
        context: LifecycleContext,
    ): Promise<ReadOutcome<Outputs>>;
    update(
        id: string,
        olds: Readonly<Outputs>,
        news: Inputs,
        context: LifecycleContext,
    ): Promise<{ outs: Outputs }>;
    delete(id: string, stored: Readonly<Partial<Outputs>>, context: LifecycleContext): Promise<void>;
}

/**
 * The context of the provider host (and of the provider plugin, provider/plugin/adapter.ts, with its provider
 * configuration's settings as `stack`): the engine's log, the real clock, the stack's settings, and the shared
 * clients of the credential source that the stack's settings and the resource's own `profile` and `assumeRole`
 * select (provider/aws/credentials.ts). The source is resolved when the first client is asked for, so check,
 * which calls nothing, works even when the stack's credential settings are invalid (it reports them).
 *
 * Messages about a resource whose URN is known go to the engine attached to it (see `./engine-log.ts`); without
 * an engine or a URN they go to the console, as `pulumi.log` prints them. They keep the "<name>: " the
 * lifecycles start them with: `pulumi preview --diff` prints messages without the resource they are attached to.
 */
export function hostContext(
    env: NodeJS.ProcessEnv = process.env,
    resource: ResourceCredentials = {},
    urn?: string,
    engine: EngineLog = engineLog(),
    // The provider plugin passes its provider configuration's settings.
    stack: StackSettings = stackSettings(),
): LifecycleContext {
    let source: CredentialSource | undefined;
    const log = urn !== undefined ? engine : consoleLog;
    return {
        now: Date.now,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        log: (message) => log.send("info", message, urn),
        warn: (message) => log.send("warning", message, urn),
        policy: waitPolicyFromEnv(env),
        policyFixed: Boolean(env[WAIT_POLICY_VARIABLE]),
        clients: clientsFor(() => (source ??= credentialSource(stack, resource, env))),
        stack,
        env,
    };
}

/**
 * Turns a lifecycle into what the dynamic-provider host calls. Here, and only here:
 * - `__provider` is taken out of what a lifecycle sees, and put back into every partial failure's properties
 *   (the host adds it to results itself, but stores a partial failure's properties as thrown, and a state
 *   without it can be neither refreshed nor destroyed);
 * - create and update receive exactly the lifecycle's input keys;
 * - the context is made (one per call, so a changed environment or stack setting is seen), with the credentials
 *   of the resource's `profile` and `assumeRole`: the new inputs' for create and update, the recorded state's
 *   for read and delete (what made the resource is what finds and removes it);
 * - secret inputs are honoured (`./secrets.ts`): the list of them the class sends is checked, kept beside the
 *   outputs, and the outputs that reveal them are returned as secrets, in results and partial failures alike;
 *   messages (progress, warnings, errors, check failures) show `[secret]` instead of their values;
 * - set-like list inputs (`setInputs`) leave check and read keyed by member, so the engine diffs them as sets,
 *   and reach every lifecycle function as sorted lists, whatever shape the state recorded (`./set-inputs.ts`);
 * - each call answers only once its messages have reached the engine (they are attached to the resource);
 * - the read-only looks at preview run: `preview` after a diff that reports a change, `previewCreate` after the
 *   check of a resource about to be created (no earlier state, no failure, every input known), both with the
 *   resource's credentials, and neither can fail the call it runs in.
 */
export function adaptLifecycle<Inputs, Outputs extends Inputs>(
    lifecycle: ResourceLifecycle<Inputs, Outputs>,
    makeContext: (resource: ResourceCredentials, urn?: string) => LifecycleContext = (resource, urn) =>
        hostContext(process.env, resource, urn),
    log: EngineLog = engineLog(),
): pulumi.dynamic.ResourceProvider {
    const setInputs = lifecycle.setInputs ?? [];
    /** The properties as lifecycles see them: set-like inputs as sorted lists, whatever their recorded shape. */
    const lists = (props: Properties): Properties => withSetLists(props, setInputs);
    /** Runs one call of the host, then waits until its messages have reached the engine. */
    const delivering = async <T>(work: () => Promise<T>): Promise<T> => {
        try {
            return await work();
        } finally {
            await log.flush();
        }
    };
    const inputsOf = (props: Properties): Inputs => {
        const inputs: Properties = {};
        for (const key of lifecycle.inputKeys) if (props[key] !== undefined) inputs[key] = props[key];
        return inputs as Inputs;
    };
    /**
     * The context of one call, its messages with the values of `props`' secret inputs hidden, and those of
     * `recorded` too when given (a preview compares with the state: a removed account of a secret list is named
     * only there).
     */
    const contextFor = (props: Properties, recorded?: Properties): LifecycleContext => {
        // The resource's own credentials: the new inputs' for create and update, the state's for read and delete.
        const urn = isUrn(props.resourceUrn) ? props.resourceUrn : undefined;
        const context = makeContext(resourceCredentials(props), urn);
        const hideNew = secretRedactor(props, secretInputsOf(props));
        const hideRecorded = recorded ? secretRedactor(recorded, secretInputsOf(recorded)) : undefined;
        const redact = (message: string): string =>
            hideRecorded ? hideRecorded(hideNew(message)) : hideNew(message);
        return {
            ...context,
            log: (message) => context.log(redact(message)),
            warn: (message) => context.warn(redact(message)),
        };
    };
    /** Outputs as the engine should store them: what reveals a secret input in the secret form. */
    const secured = (outs: Properties, props: Properties): Properties => {
        const secretInputs = secretInputsOf(props);
        return markSecrets(outs, secretProperties(secretInputs, lifecycle.secretOutputs), secretInputs);
    };
    /** Runs a call that returns outputs: a partial failure's properties secured, secrets hidden in errors. */
    const guarded = async <T>(props: Properties, work: () => Promise<T>): Promise<T> => {
        try {
            return await work();
        } catch (error) {
            const redact = secretRedactor(props, secretInputsOf(props));
            throw redactedError(error, redact, (properties) => secured(properties, props));
        }
    };
    return {
        async configure(request) {
            configureFromStack(request.config);
        },
        check: (rawOlds, rawNews) =>
            delivering(async () => {
                const olds = lists(rawOlds);
                const news = lists(rawNews);
                const given = withoutProvider(news);
                const marker = given[SECRET_INPUTS_KEY];
                delete given[SECRET_INPUTS_KEY];
                const outcome = await lifecycle.check(given, makeContext({}));
                const redact = secretRedactor(news, secretInputsOf(news));
                const failures = outcome.failures.map(({ property, reason }) => ({
                    property,
                    reason: redact(reason),
                }));
                const problem = secretInputsProblem(marker, lifecycle.inputKeys);
                if (problem) failures.push({ property: SECRET_INPUTS_KEY, reason: problem });
                const secretInputs = secretInputsOf(news);
                const inputs =
                    secretInputs.length > 0
                        ? { ...outcome.inputs, [SECRET_INPUTS_KEY]: secretInputs }
                        : outcome.inputs;
                const previewCreate = lifecycle.previewCreate;
                if (
                    previewCreate &&
                    failures.length === 0 &&
                    Object.keys(withoutInternal(olds)).length === 0 &&
                    !containsUnknown(outcome.inputs)
                ) {
                    const context = contextFor(inputs);
                    await lookingAhead(context, () => previewCreate(outcome.inputs, context));
                }
                // What the engine records and diffs: set-like inputs keyed by member.
                return { inputs: withSetShapes(inputs, setInputs), failures };
            }),
        diff: (id, rawOlds, rawNews) =>
            delivering(async () => {
                const olds = lists(rawOlds);
                const news = lists(rawNews);
                const outcome = lifecycle.diff(
                    id,
                    withoutInternal(olds) as Partial<Outputs>,
                    withoutInternal(news),
                );
                const preview = lifecycle.preview;
                if (outcome.changes && preview) {
                    const context = contextFor(news, olds);
                    await lookingAhead(context, () =>
                        preview(
                            id,
                            withoutInternal(olds) as Partial<Outputs>,
                            withoutInternal(news),
                            context,
                        ),
                    );
                }
                // Inputs that became secret (or stopped being) change how the outputs are stored: an update that
                // records them again.
                if (outcome.changes || sameSecretInputs(olds, news)) return outcome;
                return { ...outcome, changes: true };
            }),
        create: (rawProps) =>
            delivering(async () => {
                const props = lists(rawProps);
                return keepingProvider(props, () =>
                    guarded(props, async () => {
                        const { id, outs } = await lifecycle.create(inputsOf(props), contextFor(props));
                        return { id, outs: secured(outs as Properties, props) };
                    }),
                );
            }),
        read: (id, rawProps = {}) =>
            delivering(async () => {
                const props = lists(rawProps);
                const {
                    id: readId,
                    outs,
                    inputs,
                } = await guarded(props, () =>
                    lifecycle.read(id, withoutInternal(props) as Partial<Outputs>, contextFor(props)),
                );
                const secretInputs = secretInputsOf(props);
                return {
                    id: readId,
                    props: readId ? secured(outs as Properties, props) : outs,
                    ...(inputs
                        ? {
                              inputs: markSecrets(
                                  withSetShapes(inputs, setInputs),
                                  secretProperties(secretInputs),
                                  secretInputs,
                              ),
                          }
                        : {}),
                };
            }),
        update: (id, rawOlds, rawNews) =>
            delivering(async () => {
                const olds = lists(rawOlds);
                const news = lists(rawNews);
                return keepingProvider(news, () =>
                    guarded(news, async () => {
                        const { outs } = await lifecycle.update(
                            id,
                            withoutInternal(olds) as Outputs,
                            inputsOf(news),
                            contextFor(news),
                        );
                        return { outs: secured(outs as Properties, news) };
                    }),
                );
            }),
        delete: (id, rawProps) =>
            delivering(async () => {
                const props = lists(rawProps);
                await guarded(props, () =>
                    lifecycle.delete(id, withoutInternal(props) as Partial<Outputs>, contextFor(props)),
                );
            }),
    };
}

/**
 * Runs a lifecycle's read-only look at preview: a failure of it (which the lifecycle should have caught itself)
 * becomes a warning, so it can never fail the check or the diff it runs in (the plugin's adapter runs it too).
 */
export async function lookingAhead(context: LifecycleContext, look: () => Promise<void>): Promise<void> {
    try {
        await look();
    } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        context.warn(
            `the read-only look ahead at preview failed, so what applying would do is not shown: ${why}`,
        );
    }
}

/** The properties without what the adapter keeps for itself: the serialised provider and the secret inputs. */
function withoutInternal(props: Properties): Properties {
    const rest = withoutProvider(props);
    delete rest[SECRET_INPUTS_KEY];
    return rest;
}

function withoutProvider(props: Properties): Properties {
    const rest = { ...props };
    delete rest[PROVIDER_KEY];
    return rest;
}

async function keepingProvider<T>(props: Properties, work: () => Promise<T>): Promise<T> {
    try {
        return await work();
    } catch (error) {
        if (!(error instanceof PartialFailure)) throw error;
        const properties = { ...error.properties, [PROVIDER_KEY]: props[PROVIDER_KEY] };
        throw new PartialFailure(error.message, error.id, properties, error.reasons);
    }
}

const adapted = new Map<string, pulumi.dynamic.ResourceProvider>();

/**
 * The provider the serialised one hands each call to: the lifecycle exported as `lifecycle` by the module with
 * this package specifier, adapted once per process.
 */
export function hostProvider(lifecycleModule: string): pulumi.dynamic.ResourceProvider {
    let provider = adapted.get(lifecycleModule);
    if (!provider) {
        const { lifecycle } = require(lifecycleModule) as {
            lifecycle: ResourceLifecycle<unknown, unknown>;
        };
        provider = collectingAfterLargeCalls(adaptLifecycle(lifecycle));
        adapted.set(lifecycleModule, provider);
    }
    return provider;
}
