import type { Properties, ResourceLifecycle } from "../dynamic/adapter";
import { lifecycle as assessmentRun } from "../assessment-run/lifecycle";
import { lifecycle as enablement } from "../enablement/lifecycle";
import { lifecycle as findingsGate } from "../findings-gate/lifecycle";
import { parseEnablementImportId, parseFindingsGateImportId } from "./import-id";

/**
 * The resources the plugin serves, described once: each property's wire shape and where its TypeScript
 * documentation lives. schema.json is generated from this and that documentation (tests/plugin/schema-docs.ts);
 * the plugin serves the generated file. Which lists are sets is the lifecycle's own `setInputs`.
 */

/** The package name: Pulumi looks for the plugin `pulumi-resource-<name>` and types read `inspector:index:<Type>`. */
export const PACKAGE = "inspector";

/** A property's shape on the wire; `any` for the structured values the SDKs type as untyped objects. */
export type Shape = "string" | "integer" | "number" | "boolean" | "string[]" | "any" | "any[]";

/** Where a property's TSDoc is: interfaces or classes of a file, searched in order (path from the repository's root). */
export interface DocSource {
    readonly file: string;
    readonly interfaces: readonly string[];
}

/** A lifecycle as the plugin calls it: on properties, whatever its own input and output types. */
export type PluginLifecycle = ResourceLifecycle<Properties, Properties>;

/** How `pulumi import` finds the resource: the inputs its ID stands for. */
export interface ImportSupport {
    /**
     * The inputs, unchecked, of an ID (what an imported resource records, as check spells them: what a program
     * would write); throws naming the format when the ID has not got it.
     */
    readonly inputs: (id: string) => Properties;
    /** The state read found, completed as if this resource had made what it adopts (what it manages from now). */
    readonly adopted: (outs: Properties) => Properties;
}

export interface ResourceDescription {
    /** The type token, `inspector:index:<Type>`. */
    readonly token: string;
    readonly lifecycle: PluginLifecycle;
    /** One line about the resource, for the schema and the SDKs. */
    readonly summary: string;
    /** The inputs a program sets (the lifecycle's input keys, less the ones the plugin sets itself). */
    readonly inputs: Readonly<Record<string, Shape>>;
    readonly requiredInputs: readonly string[];
    /** The outputs besides the inputs (every input is an output too). */
    readonly outputs: Readonly<Record<string, Shape>>;
    readonly inputDocs: DocSource;
    /** Where the outputs' TSDoc is, searched in order. */
    readonly outputDocs: readonly DocSource[];
    /** Absent: the resource cannot be imported. */
    readonly importing?: ImportSupport;
}

/**
 * Inputs the plugin fills in itself: the engine tells it every resource's URN, where the dynamic resources' classes
 * have to pass it.
 */
export const PLUGIN_SET_INPUTS = ["resourceUrn"] as const;

const CREDENTIALS: Readonly<Record<string, Shape>> = { profile: "string", assumeRole: "any" };

const ENABLEMENT: ResourceDescription = {
    token: `${PACKAGE}:index:InspectorEnablement`,
    lifecycle: enablement as unknown as PluginLifecycle,
    summary:
        "Amazon Inspector (v2) scanning of resource types on a set of accounts of one region, enabled and kept enabled.",
    inputs: {
        resourceTypes: "string[]",
        accountIds: "string[]",
        clientToken: "string",
        region: "string",
        waitForEnabled: "boolean",
        waitTimeoutSeconds: "integer",
        pollIntervalSeconds: "number",
        ...CREDENTIALS,
    },
    requiredInputs: ["resourceTypes"],
    outputs: {
        resourceUrn: "string",
        callerAccountId: "string",
        managedAccountIds: "string[]",
        managedResourceTypes: "string[]",
        statusGroups: "any[]",
        notEnabledAccountIds: "string[]",
        failedAccounts: "any[]",
        enabledAccountCount: "integer",
        createdAt: "string",
        updatedAt: "string",
    },
    inputDocs: {
        file: "provider/enablement/args.ts",
        interfaces: ["InspectorEnablementArgs"],
    },
    outputDocs: [{ file: "provider/enablement/outputs.ts", interfaces: ["EnablementOutputs"] }],
    importing: {
        inputs: (id) => ({ ...parseEnablementImportId(id) }),
        adopted: (outs) => ({
            ...outs,
            managedAccountIds: outs.managedAccountIds ?? outs.accountIds ?? [outs.callerAccountId],
            managedResourceTypes: outs.managedResourceTypes ?? outs.resourceTypes,
        }),
    },
};

const ASSESSMENT_RUN: ResourceDescription = {
    token: `${PACKAGE}:index:AssessmentRun`,
    lifecycle: assessmentRun as unknown as PluginLifecycle,
    summary:
        "An Inspector Classic assessment run of a template (Classic was retired on 2026-05-20: for the emulator and Classic-compatible endpoints).",
    inputs: {
        assessmentTemplateArn: "string",
        assessmentRunName: "string",
        region: "string",
        waitForCompletion: "boolean",
        waitTimeoutSeconds: "integer",
        failOnFindings: "string",
        triggers: "any[]",
        stopActionOnDelete: "string",
        deleteOnDestroy: "boolean",
        ...CREDENTIALS,
    },
    requiredInputs: ["assessmentTemplateArn"],
    outputs: {
        resourceUrn: "string",
        assessmentRunArn: "string",
        state: "string",
        stateChangedAt: "string",
        createdAt: "string",
        startedAt: "string",
        completedAt: "string",
        dataCollected: "boolean",
        durationInSeconds: "integer",
        rulesPackageArns: "string[]",
        findingCounts: "any",
    },
    inputDocs: { file: "provider/assessment-run/args.ts", interfaces: ["AssessmentRunArgs"] },
    outputDocs: [
        { file: "provider/assessment-run/outputs.ts", interfaces: ["RunReport"] },
        { file: "provider/assessment-run/resource.ts", interfaces: ["AssessmentRun"] },
        { file: "provider/assessment-run/inputs.ts", interfaces: ["AssessmentRunInputs"] },
    ],
};

const FINDINGS_GATE: ResourceDescription = {
    token: `${PACKAGE}:index:FindingsGate`,
    lifecycle: findingsGate as unknown as PluginLifecycle,
    summary:
        "A gate on Amazon Inspector (v2) findings of images, functions, instances, repositories or accounts: it fails the update when they break the rules.",
    inputs: {
        images: "any[]",
        lambdaFunctions: "string[]",
        ec2Instances: "string[]",
        codeRepositories: "string[]",
        accountIds: "string[]",
        failOnSeverity: "string",
        thresholds: "any",
        onlyFixAvailable: "boolean",
        onlyExploitAvailable: "boolean",
        ignore: "any[]",
        waitForScan: "boolean",
        waitTimeoutSeconds: "integer",
        triggers: "any[]",
        region: "string",
        ...CREDENTIALS,
    },
    requiredInputs: [],
    outputs: {
        resourceUrn: "string",
        findingCounts: "any",
        worstFindings: "any[]",
        resources: "any[]",
        ignoredFindings: "any[]",
        passed: "boolean",
        verdict: "string",
        evaluatedAt: "string",
    },
    inputDocs: { file: "provider/findings-gate/args.ts", interfaces: ["FindingsGateArgs"] },
    outputDocs: [
        { file: "provider/findings-gate/outputs.ts", interfaces: ["Evaluation"] },
        { file: "provider/findings-gate/resource.ts", interfaces: ["FindingsGate"] },
        { file: "provider/findings-gate/inputs.ts", interfaces: ["FindingsGateInputs"] },
    ],
    importing: { inputs: parseFindingsGateImportId, adopted: (outs) => outs },
};

/** Every resource the plugin serves. */
export const RESOURCES: readonly ResourceDescription[] = [ENABLEMENT, ASSESSMENT_RUN, FINDINGS_GATE];

/** The resource of a type token, or undefined. */
export function resourceOf(token: string): ResourceDescription | undefined {
    return RESOURCES.find((resource) => resource.token === token);
}

/** The type token in a URN (`urn:pulumi:<stack>::<project>::<type>::<name>`; the last type of a parent chain). */
export function tokenOfUrn(urn: string): string {
    const parts = urn.split("::");
    return (parts[2] ?? "").split("$").at(-1) ?? "";
}
