import * as pulumi from "@pulumi/pulumi";

/** The module every resource of this package registers under: types read `pulumi-nodejs:dynamic/inspector:<Type>`. */
export const MODULE = "inspector";

/** The type token `pulumi.dynamic.Resource` gives a resource of this package's module. */
export function typeToken(type: string): string {
    return `pulumi-nodejs:dynamic/${MODULE}:${type}`;
}

/**
 * The URN the engine will give a resource, computed in the program: the provider is never told a resource's name,
 * so the classes pass it as an input. It scopes what must be stable for a resource's whole life and differ
 * between resources and stacks (default idempotency tokens, run names) and names the resource in messages.
 */
export function resourceUrn(
    name: string,
    type: string,
    opts?: pulumi.CustomResourceOptions,
): pulumi.Output<string> {
    return pulumi.createUrn(name, typeToken(type), opts?.parent, pulumi.getProject(), pulumi.getStack());
}

/** What a URN (`urn:pulumi:<stack>::<project>::<type>::<name>`) says. */
export interface UrnParts {
    readonly stack: string;
    readonly project: string;
    readonly name: string;
}

const URN_PREFIX = "urn:pulumi:";

export function isUrn(value: unknown): value is string {
    return typeof value === "string" && value.startsWith(URN_PREFIX) && value.split("::").length >= 4;
}

export function parseUrn(urn: string): UrnParts {
    const parts = urn.slice(URN_PREFIX.length).split("::");
    return { stack: parts[0] ?? "", project: parts[1] ?? "", name: parts.at(-1) ?? "" };
}
