import * as pulumi from "@pulumi/pulumi";
import { dynamicProvider } from "../dynamic/provider";
import { MODULE, resourceUrn, typeToken } from "../dynamic/urn";
import type { AssessmentRunArgs, FailOnSeverity, StopAction } from "./args";
import type { FindingCounts } from "./verdict";

const TYPE = "AssessmentRun";

/** The resource's type token, `pulumi-nodejs:dynamic/inspector:AssessmentRun`. */
export const ASSESSMENT_RUN_TYPE_TOKEN = typeToken(TYPE);

/**
 * The provider object serialised into every AssessmentRun's state: thin, it loads the lifecycle when called
 * (see dynamicProvider).
 */
export const assessmentRunProvider = dynamicProvider(
    "pulumi-inspector/dist/provider/assessment-run/lifecycle.js",
);

/**
 * An Inspector Classic assessment run, started by `pulumi up` from a template, recorded with its state and
 * finding counts, and optionally waited for and gated on its findings. Type token
 * `pulumi-nodejs:dynamic/inspector:AssessmentRun`.
 *
 * @example
 * const run = new AssessmentRun("release-scan", {
 *     assessmentTemplateArn: templateArn,
 *     failOnFindings: "High",
 *     triggers: [amiId],
 * });
 * export const findings = run.findingCounts;
 */
export class AssessmentRun extends pulumi.dynamic.Resource {
    // `declare`: with ES2022 class fields, a plain `x!: …` field would be emitted and reset to undefined the
    // output the base constructor has just set.
    /** The template the run was started from. */
    declare public readonly assessmentTemplateArn: pulumi.Output<string>;
    /** The run's effective name (the given one, with a triggers hash when triggers are set, or the derived one). */
    declare public readonly assessmentRunName: pulumi.Output<string>;
    /** The region of the run. */
    declare public readonly region: pulumi.Output<string>;
    declare public readonly waitForCompletion: pulumi.Output<boolean>;
    declare public readonly waitTimeoutSeconds: pulumi.Output<number | undefined>;
    declare public readonly failOnFindings: pulumi.Output<FailOnSeverity | undefined>;
    declare public readonly triggers: pulumi.Output<unknown[] | undefined>;
    declare public readonly stopActionOnDelete: pulumi.Output<StopAction>;
    declare public readonly deleteOnDestroy: pulumi.Output<boolean>;
    /** This resource's URN as the program computed it (the default run name is derived from it). */
    declare public readonly resourceUrn: pulumi.Output<string>;

    /** The run's ARN (also the resource's id). */
    declare public readonly assessmentRunArn: pulumi.Output<string>;
    /** The run's state, for example COLLECTING_DATA or COMPLETED, as of the last update or refresh. */
    declare public readonly state: pulumi.Output<string>;
    /** When the run entered that state (ISO 8601). */
    declare public readonly stateChangedAt: pulumi.Output<string>;
    /** When the run was created (ISO 8601). */
    declare public readonly createdAt: pulumi.Output<string>;
    /** When the run started (ISO 8601). */
    declare public readonly startedAt: pulumi.Output<string | undefined>;
    /** When the run finished (ISO 8601), once it has. */
    declare public readonly completedAt: pulumi.Output<string | undefined>;
    /** Whether data collection is complete. */
    declare public readonly dataCollected: pulumi.Output<boolean>;
    /** How long the run collects data, in seconds (from the template). */
    declare public readonly durationInSeconds: pulumi.Output<number>;
    /** The rules packages the run evaluates. */
    declare public readonly rulesPackageArns: pulumi.Output<string[]>;
    /** Findings per severity (High, Medium, Low, Informational, Undefined); zero until the rules are evaluated. */
    declare public readonly findingCounts: pulumi.Output<FindingCounts>;

    constructor(name: string, args: AssessmentRunArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            assessmentRunProvider,
            name,
            {
                // Outputs first, as undefined so they are registered; the inputs after them keep their values.
                assessmentRunArn: undefined,
                state: undefined,
                stateChangedAt: undefined,
                createdAt: undefined,
                startedAt: undefined,
                completedAt: undefined,
                dataCollected: undefined,
                durationInSeconds: undefined,
                rulesPackageArns: undefined,
                findingCounts: undefined,
                assessmentRunName: undefined,
                region: undefined,
                waitForCompletion: undefined,
                waitTimeoutSeconds: undefined,
                failOnFindings: undefined,
                triggers: undefined,
                stopActionOnDelete: undefined,
                deleteOnDestroy: undefined,
                ...args,
                resourceUrn: resourceUrn(name, TYPE, opts),
            },
            opts,
            MODULE,
            TYPE,
        );
    }
}
