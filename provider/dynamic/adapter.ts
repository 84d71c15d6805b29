import * as pulumi from "@pulumi/pulumi";
import { sharedClients } from "../aws/clients";
import { WAIT_POLICY_VARIABLE, waitPolicyFromEnv, type LifecycleContext } from "../core/context";
import type { CheckOutcome } from "./check";
import { PartialFailure } from "./partial-failure";
import { configureFromStack, stackSettings } from "./stack-config";

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
    /** Validates and normalises the program's inputs, without calling AWS (it runs at preview). */
    check(news: Readonly<Properties>, context: LifecycleContext): CheckOutcome;
    /** Compares the state with the checked new inputs, without calling AWS. */
    diff(id: string, olds: Readonly<Partial<Outputs>>, news: Readonly<Properties>): DiffOutcome;
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

/** The context of the provider host: the engine's log, the real clock, shared clients, the stack's settings. */
export function hostContext(env: NodeJS.ProcessEnv = process.env): LifecycleContext {
    return {
        now: Date.now,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        // In the provider host `pulumi.log` has no engine connection and prints to the console, which the engine
        // passes through; messages therefore name their resource themselves.
        log: (message) => void pulumi.log.info(message),
        warn: (message) => void pulumi.log.warn(message),
        policy: waitPolicyFromEnv(env),
        policyFixed: Boolean(env[WAIT_POLICY_VARIABLE]),
        clients: sharedClients,
        stack: stackSettings(),
        env,
    };
}

/**
 * Turns a lifecycle into what the dynamic-provider host calls. Here, and only here:
 * - `__provider` is taken out of what a lifecycle sees, and put back into every partial failure's properties
 *   (the host adds it to results itself, but stores a partial failure's properties as thrown, and a state
 *   without it can be neither refreshed nor destroyed);
 * - create and update receive exactly the lifecycle's input keys;
 * - the context is made (one per call, so a changed environment or stack setting is seen).
 */
export function adaptLifecycle<Inputs, Outputs extends Inputs>(
    lifecycle: ResourceLifecycle<Inputs, Outputs>,
    makeContext: () => LifecycleContext = hostContext,
): pulumi.dynamic.ResourceProvider {
    const inputsOf = (props: Properties): Inputs => {
        const inputs: Properties = {};
        for (const key of lifecycle.inputKeys) if (props[key] !== undefined) inputs[key] = props[key];
        return inputs as Inputs;
    };
    return {
        async configure(request) {
            configureFromStack(request.config);
        },
        async check(_olds, news) {
            const { inputs, failures } = lifecycle.check(withoutProvider(news), makeContext());
            return { inputs, failures };
        },
        async diff(id, olds, news) {
            return lifecycle.diff(id, withoutProvider(olds) as Partial<Outputs>, withoutProvider(news));
        },
        async create(props) {
            return keepingProvider(props, () => lifecycle.create(inputsOf(props), makeContext()));
        },
        async read(id, props = {}) {
            const {
                id: readId,
                outs,
                inputs,
            } = await lifecycle.read(id, withoutProvider(props) as Partial<Outputs>, makeContext());
            return { id: readId, props: outs, ...(inputs ? { inputs } : {}) };
        },
        async update(id, olds, news) {
            return keepingProvider(news, () =>
                lifecycle.update(id, withoutProvider(olds) as Outputs, inputsOf(news), makeContext()),
            );
        },
        async delete(id, props) {
            await lifecycle.delete(id, withoutProvider(props) as Partial<Outputs>, makeContext());
        },
    };
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
        provider = adaptLifecycle(lifecycle);
        adapted.set(lifecycleModule, provider);
    }
    return provider;
}
