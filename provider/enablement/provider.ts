import type * as pulumi from "@pulumi/pulumi";

/**
 * Where the provider host finds the implementation: a bare package specifier through the package's `./dist/*`
 * export, with the extension, so it resolves from the user's program directory on any machine.
 */
const IMPLEMENTATION = "pulumi-inspector/dist/provider/enablement/lifecycle.js";
export { IMPLEMENTATION as ENABLEMENT_IMPLEMENTATION };

// A local (not `export const`) binding: the serialiser captures its value; an exported one would compile to
// `exports.X`, which means nothing once the provider text is evaluated elsewhere.
const load = (): typeof import("./lifecycle") => require(IMPLEMENTATION);

/**
 * The provider object serialised into every InspectorEnablement's state. It is deliberately thin: each method
 * loads the implementation when it runs, so the serialised text holds only these lines and the specifier, and
 * captures no SDK client, no stack config and no credential.
 */
export const enablementProvider: pulumi.dynamic.ResourceProvider = {
    configure: (request) => load().configure(request),
    check: (olds, news) => load().check(olds, news),
    diff: (id, olds, news) => load().diff(id, olds, news),
    create: (inputs) => load().create(inputs),
    read: (id, props) => load().read(id, props),
    update: (id, olds, news) => load().update(id, olds, news),
    delete: (id, props) => load().remove(id, props),
};
