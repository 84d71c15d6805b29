import type { ResourceLifecycle } from "../provider/dynamic/adapter";
import { PartialFailure } from "../provider/dynamic/partial-failure";
import type { LifecycleContext } from "../provider/core/context";
import {
    HostError,
    withProvider,
    type DynamicProviderHost,
    type Properties,
} from "../tests/support/dynamic-provider-host";

/**
 * What the Pulumi engine does with one resource, reduced to the steps the matrix needs: `up` (check, then create,
 * or diff and update), `refresh` (read) and `destroy` (delete), and the state it keeps between runs. It follows
 * the engine's rules for failures: a create or update that fails with an ID (a partial failure) is recorded with
 * what it did and marked, and the next `up` updates it whatever diff says; any other failure leaves the state as
 * it was. Provider calls go through a {@link Driver}: the lifecycle in this process, or the real provider host.
 */

/** One resource in the state: its ID, outputs and inputs, and whether its last create or update failed in part. */
export interface ResourceState {
    readonly id: string;
    readonly outs: Properties;
    readonly inputs: Properties;
    readonly initErrors: boolean;
}

/** A failed provider call as the engine sees it: the partial result when there was one. */
export class ProviderFailure extends Error {
    constructor(
        message: string,
        readonly partial?: { readonly id: string; readonly properties: Properties },
    ) {
        super(message);
        this.name = "ProviderFailure";
    }
}

/** The provider calls, as the engine makes them. Every failure is a {@link ProviderFailure}. */
export interface Driver {
    check(olds: Properties, news: Properties): Promise<Properties>;
    diff(id: string, olds: Properties, news: Properties): Promise<boolean>;
    create(inputs: Properties): Promise<{ id: string; outs: Properties }>;
    read(id: string, outs: Properties, inputs: Properties): Promise<{ id: string; outs: Properties }>;
    update(id: string, olds: Properties, news: Properties): Promise<Properties>;
    delete(id: string, outs: Properties): Promise<void>;
}

/** The lifecycle called in this process with a context of the caller's choosing (the fast path). */
export function inProcessDriver(
    lifecycle: ResourceLifecycle<unknown, unknown>,
    context: () => LifecycleContext,
): Driver {
    const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
        try {
            return await work();
        } catch (error) {
            if (error instanceof PartialFailure) {
                throw new ProviderFailure(error.message, { id: error.id, properties: error.properties });
            }
            throw new ProviderFailure(error instanceof Error ? error.message : String(error));
        }
    };
    return {
        check: (_olds, news) =>
            guarded(async () => {
                const outcome = await lifecycle.check(news, context());
                if (outcome.failures.length > 0) {
                    throw new Error(`check failed: ${JSON.stringify(outcome.failures)}`);
                }
                return outcome.inputs as Properties;
            }),
        diff: async (id, olds, news) => lifecycle.diff(id, olds, news).changes,
        create: (inputs) =>
            guarded(async () => {
                const { id, outs } = await lifecycle.create(inputs, context());
                return { id, outs: outs as Properties };
            }),
        read: (id, outs) =>
            guarded(async () => {
                const read = await lifecycle.read(id, outs, context());
                return { id: read.id, outs: read.outs as Properties };
            }),
        update: (id, olds, news) =>
            guarded(async () => (await lifecycle.update(id, olds, news, context())).outs as Properties),
        delete: (id, outs) => guarded(() => lifecycle.delete(id, outs, context())),
    };
}

/**
 * The real dynamic-provider host, over gRPC, with the serialised provider in every input as a program's
 * `pulumi.dynamic.Resource` puts it there. `host()` is asked at every call, so a killed host can be replaced.
 */
export function hostDriver(host: () => DynamicProviderHost, provider: string, urn: string): Driver {
    const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
        try {
            return await work();
        } catch (error) {
            if (error instanceof HostError && error.initFailure) {
                throw new ProviderFailure(error.message, {
                    id: error.initFailure.id,
                    properties: error.initFailure.properties,
                });
            }
            throw new ProviderFailure(error instanceof Error ? error.message : String(error));
        }
    };
    return {
        check: (olds, news) =>
            guarded(async () => {
                const { inputs, failures } = await host().check(urn, olds, withProvider(provider, news));
                if (failures.length > 0) throw new Error(`check failed: ${JSON.stringify(failures)}`);
                return inputs;
            }),
        diff: (id, olds, news) =>
            guarded(async () => (await host().diff(id, urn, olds, news)).changes !== "none"),
        create: (inputs) => guarded(() => host().create(urn, inputs)),
        read: (id, outs, inputs) =>
            guarded(async () => {
                const read = await host().read(id, urn, outs, inputs);
                return { id: read.id, outs: read.props };
            }),
        update: (id, olds, news) => guarded(async () => (await host().update(id, urn, olds, news)).outs),
        delete: (id, outs) => guarded(() => host().delete(id, urn, outs)),
    };
}

/** How one engine run ended. */
export interface RunResult {
    readonly ok: boolean;
    readonly error?: string;
}

/** One resource's state and the runs over it. */
export class MiniEngine {
    state: ResourceState | undefined;

    constructor(public driver: Driver) {}

    /** `pulumi up` with the program's inputs `news`; `present: false` removes the resource from the program. */
    async up(news: Properties): Promise<RunResult> {
        return this.run(async () => {
            const state = this.state;
            if (!state) {
                const inputs = await this.driver.check({}, news);
                try {
                    const { id, outs } = await this.driver.create(inputs);
                    this.state = { id, outs, inputs, initErrors: false };
                } catch (error) {
                    this.keepPartial(error, inputs);
                    throw error;
                }
                return;
            }
            const inputs = await this.driver.check(state.inputs, news);
            const changes = await this.driver.diff(state.id, state.outs, inputs);
            if (!changes && !state.initErrors) return;
            try {
                const outs = await this.driver.update(state.id, state.outs, inputs);
                this.state = { id: state.id, outs, inputs, initErrors: false };
            } catch (error) {
                this.keepPartial(error, inputs);
                throw error;
            }
        });
    }

    /** `pulumi refresh`: the provider's read replaces the outputs; an empty ID means the resource is gone. */
    async refresh(): Promise<RunResult> {
        return this.run(async () => {
            const state = this.state;
            if (!state) return;
            const read = await this.driver.read(state.id, state.outs, state.inputs);
            this.state = read.id ? { ...state, id: read.id, outs: read.outs } : undefined;
        });
    }

    /** `pulumi destroy` (or `up` without the resource): delete, and forget it once deleted. */
    async destroy(): Promise<RunResult> {
        return this.run(async () => {
            const state = this.state;
            if (!state) return;
            await this.driver.delete(state.id, state.outs);
            this.state = undefined;
        });
    }

    private keepPartial(error: unknown, inputs: Properties): void {
        if (error instanceof ProviderFailure && error.partial) {
            this.state = { id: error.partial.id, outs: error.partial.properties, inputs, initErrors: true };
        }
    }

    private async run(work: () => Promise<void>): Promise<RunResult> {
        try {
            await work();
            return { ok: true };
        } catch (error) {
            return { ok: false, error: error instanceof Error ? error.message : String(error) };
        }
    }
}
