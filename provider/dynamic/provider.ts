import type * as pulumi from "@pulumi/pulumi";

/**
 * The adapter by package specifier, as the provider host resolves it from the program's folder (a bare
 * specifier through the package's `./dist/*` export, with the extension). A module-level `const` that is not
 * exported: the serialiser captures its value, where an exported one would compile to `exports.X`.
 */
const ADAPTER = "pulumi-inspector/dist/provider/dynamic/adapter.js";

/**
 * The provider object `pulumi.dynamic.Resource` serialises into every resource's state. It is thin on purpose:
 * each method loads the adapter and the resource's lifecycle module when it runs, so the serialised text holds
 * a few lines and two specifiers, captures no SDK client, stack config or credential, and stays the same when
 * the implementation changes.
 *
 * @param lifecycleModule the package specifier of a module that exports the resource's `lifecycle`, for example
 * `pulumi-inspector/dist/provider/enablement/lifecycle.js`
 */
export function dynamicProvider(lifecycleModule: string): pulumi.dynamic.ResourceProvider {
    const adapter = ADAPTER;
    const load = (): pulumi.dynamic.ResourceProvider => require(adapter).hostProvider(lifecycleModule);
    return {
        configure: (request) => load().configure!(request),
        check: (olds, news) => load().check!(olds, news),
        diff: (id, olds, news) => load().diff!(id, olds, news),
        create: (inputs) => load().create(inputs),
        read: (id, props) => load().read!(id, props),
        update: (id, olds, news) => load().update!(id, olds, news),
        delete: (id, props) => load().delete!(id, props),
    };
}
