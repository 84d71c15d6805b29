import * as pulumi from "@pulumi/pulumi";

/** The input under which `pulumi.dynamic.Resource` stores its serialised provider. */
export const PROVIDER_KEY = "__provider";

/** Property bags as the engine passes them to a provider: plain JSON values. */
export type Properties = Record<string, unknown>;

/**
 * Serialises a dynamic provider object exactly as `new pulumi.dynamic.Resource(provider, …)` does
 * (`serializeFunction(() => provider, { allowSecrets: true })` in @pulumi/pulumi/dynamic): the result is the
 * `__provider` text that ends up in the resource's inputs and state, and that the provider host evaluates.
 * Its length is what every resource of that kind adds to the state file, so tests can bound it.
 */
export async function serializeDynamicProvider(provider: pulumi.dynamic.ResourceProvider): Promise<string> {
    const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
    return serialized.text;
}

/**
 * A resource's inputs as the program registers them: `props` plus `__provider`, the way
 * `pulumi.dynamic.Resource` adds it (and, like it, refusing props that already carry the key).
 */
export function withProvider(serializedProvider: string, props: Properties): Properties {
    if (PROVIDER_KEY in props) throw new Error(`props already carry "${PROVIDER_KEY}"; withProvider adds it`);
    return { ...props, [PROVIDER_KEY]: serializedProvider };
}
