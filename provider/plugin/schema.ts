import { CONFIG_KEYS } from "./config";
import { PACKAGE, RESOURCES, type DocSource, type ResourceDescription, type Shape } from "./resources";

/**
 * The Pulumi package schema of the plugin, built from the resource descriptions (./resources.ts) and each
 * property's TSDoc (read by ./schema-generator.ts): the same words in the TypeScript reference, the schema and
 * the SDKs generated from it. Defaults are stated in the descriptions, not as schema defaults: check fills them
 * in (some depend on the stack or the resource), so an SDK must not send one of its own.
 */

/** A property's TSDoc: its text, its `@default`, and whether the interface makes it optional. */
export interface PropertyDoc {
    readonly description: string;
    readonly default?: string;
    readonly optional: boolean;
}

/** Looks up a property's TSDoc in one of a {@link DocSource}'s interfaces. */
export type DocLookup = (source: DocSource, property: string) => PropertyDoc | undefined;

type SchemaProperty = Record<string, unknown>;

export const PACKAGE_METADATA = {
    name: PACKAGE,
    displayName: "Amazon Inspector",
    description:
        "Amazon Inspector resources: organisation-wide Inspector (v2) scanning enablement, findings gates, and Inspector Classic assessment runs.",
    keywords: ["pulumi", "aws", "amazon-inspector", "inspector2", "security", "category/cloud"],
    homepage: "https://github.com/pulumi-inspector/pulumi-inspector#readme",
    repository: "https://github.com/pulumi-inspector/pulumi-inspector",
    license: "Apache-2.0",
    publisher: "pulumi-inspector maintainers",
} as const;

/** The schema as an object; `JSON.stringify(schema, null, 4)` plus a newline is schema.json. */
export function buildSchema(docs: DocLookup): Record<string, unknown> {
    const config: Record<string, SchemaProperty> = {};
    for (const [key, spec] of Object.entries(CONFIG_KEYS)) {
        config[key] = {
            ...shapeOf(spec.shape),
            description: spec.description,
            ...(spec.secret ? { secret: true } : {}),
        };
    }
    const resources: Record<string, unknown> = {};
    for (const resource of RESOURCES) resources[resource.token] = resourceSchema(resource, docs);
    return {
        ...PACKAGE_METADATA,
        config: { variables: config },
        provider: {
            description:
                "The provider of the `inspector` resources: region and credentials, as `aws:*` of @pulumi/aws.",
            inputProperties: config,
        },
        resources,
        language: {
            go: {
                importBasePath: "github.com/pulumi-inspector/pulumi-inspector/sdk/go/inspector",
                generateResourceContainerTypes: false,
            },
            python: { packageName: "pulumi_inspector" },
        },
    };
}

function resourceSchema(resource: ResourceDescription, docs: DocLookup): Record<string, unknown> {
    const inputProperties: Record<string, SchemaProperty> = {};
    for (const [key, shape] of Object.entries(resource.inputs)) {
        inputProperties[key] = property(
            shape,
            required(docs(resource.inputDocs, key), resource, key),
            resource,
            key,
        );
    }
    const properties: Record<string, SchemaProperty> = { ...inputProperties };
    const requiredOutputs: string[] = [...resource.requiredInputs];
    for (const [key, shape] of Object.entries(resource.outputs)) {
        // Optional as the first source that has the property says; described by the first that describes it.
        const found = resource.outputDocs.flatMap((source) => docs(source, key) ?? []);
        const described = found.find((candidate) => candidate.description);
        const doc = required(described && { ...described, optional: found[0].optional }, resource, key);
        properties[key] = property(shape, doc, resource, key);
        if (!doc.optional) requiredOutputs.push(key);
    }
    return {
        description: resource.summary,
        inputProperties,
        ...(resource.requiredInputs.length > 0 ? { requiredInputs: [...resource.requiredInputs] } : {}),
        properties,
        required: requiredOutputs.sort(),
    };
}

function required(doc: PropertyDoc | undefined, resource: ResourceDescription, key: string): PropertyDoc {
    if (!doc?.description)
        throw new Error(`${resource.token}: ${key} has no TSDoc to describe it in the schema`);
    return doc;
}

function property(
    shape: Shape,
    doc: PropertyDoc,
    resource: ResourceDescription,
    key: string,
): SchemaProperty {
    const notes = [doc.description];
    if (doc.default) notes.push(`Default: ${doc.default}.`.replace(/\.\.$/, "."));
    if ((resource.lifecycle.setInputs ?? []).includes(key))
        notes.push("A set: order and duplicates do not matter.");
    return { ...shapeOf(shape), description: notes.join("\n\n") };
}

function shapeOf(shape: Shape): SchemaProperty {
    const any = { $ref: "pulumi.json#/Any" };
    switch (shape) {
        case "string[]":
            return { type: "array", items: { type: "string" } };
        case "any":
            return any;
        case "any[]":
            return { type: "array", items: any };
        default:
            return { type: shape };
    }
}

/** schema.json's text. */
export function schemaText(docs: DocLookup): string {
    return `${JSON.stringify(buildSchema(docs), null, 4)}\n`;
}
