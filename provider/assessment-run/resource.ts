import * as pulumi from "@pulumi/pulumi";
import type { AssumeRoleSettings } from "../aws/credentials";
import { dynamicProvider } from "../dynamic/provider";
import { SECRET_INPUTS_KEY, secretInputNames } from "../dynamic/secrets";
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
 * AWS retired Inspector Classic on 2026-05-20: this works against the local emulator and other Inspector
 * Classic-compatible endpoints (`AWS_ENDPOINT_URL_INSPECTOR`); against AWS's own endpoint, preview refuses it,
 * refresh drops a recorded run and destroy removes it from the state, each saying why.
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
    /** Whether create and update wait until the run has finished (true when `failOnFindings` is set). */
    declare public readonly waitForCompletion: pulumi.Output<boolean>;
    /** How long one update waits for the run, in seconds, as given; unset: the run's duration plus 3600. */
    declare public readonly waitTimeoutSeconds: pulumi.Output<number | undefined>;
    /** The gate's severity in its canonical spelling (`High`…), when set. */
    declare public readonly failOnFindings: pulumi.Output<FailOnSeverity | undefined>;
    /** The values whose change starts a new run, as given. */
    declare public readonly triggers: pulumi.Output<unknown[] | undefined>;
    /** How a run in progress is stopped on destroy or replacement, in upper case. */
    declare public readonly stopActionOnDelete: pulumi.Output<StopAction>;
    /** Whether destroy or replacement deletes the run and its findings from Inspector. */
    declare public readonly deleteOnDestroy: pulumi.Output<boolean>;
    /** This resource's URN as the program computed it (the default run name is derived from it). */
    declare public readonly resourceUrn: pulumi.Output<string>;
    /** The profile this resource's credentials come from, when set (its name only). */
    declare public readonly profile: pulumi.Output<string | undefined>;
    /** The role this resource assumes, when set (no credential: the ARN and the session's settings). */
    declare public readonly assumeRole: pulumi.Output<AssumeRoleSettings | undefined>;

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
                profile: undefined,
                assumeRole: undefined,
                ...args,
                resourceUrn: resourceUrn(name, TYPE, opts),
                // Which inputs are secret (their names only): the provider keeps what it derives from them secret.
                [SECRET_INPUTS_KEY]: secretInputNames({ ...args }),
            },
            opts,
            MODULE,
            TYPE,
        );
    }
}
