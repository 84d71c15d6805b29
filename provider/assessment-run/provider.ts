import type * as pulumi from "@pulumi/pulumi";

/**
 * The provider object `pulumi.dynamic.Resource` serialises into every AssessmentRun's state. It is kept thin on
 * purpose: each method loads the implementation when called and delegates, so the serialised text is a few
 * hundred bytes, holds no SDK client, configuration or credential, and does not change when the implementation
 * does. The specifier is a bare package path with `.js`, which resolves from the program's node_modules inside
 * the engine's provider host (see tests/support/dynamic-provider-host.ts).
 */
export const assessmentRunProvider: pulumi.dynamic.ResourceProvider = {
    async configure(request) {
        return require("pulumi-inspector/dist/provider/assessment-run/lifecycle.js").configure(request);
    },
    async check(olds, news) {
        return require("pulumi-inspector/dist/provider/assessment-run/lifecycle.js").check(olds, news);
    },
    async diff(id, olds, news) {
        return require("pulumi-inspector/dist/provider/assessment-run/lifecycle.js").diff(id, olds, news);
    },
    async create(inputs) {
        return require("pulumi-inspector/dist/provider/assessment-run/lifecycle.js").create(inputs);
    },
    async read(id, props) {
        return require("pulumi-inspector/dist/provider/assessment-run/lifecycle.js").read(id, props);
    },
    async update(id, olds, news) {
        return require("pulumi-inspector/dist/provider/assessment-run/lifecycle.js").update(id, olds, news);
    },
    async delete(id, props) {
        return require("pulumi-inspector/dist/provider/assessment-run/lifecycle.js").remove(id, props);
    },
};
