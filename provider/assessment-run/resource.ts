import * as pulumi from "@pulumi/pulumi";
import type { AssessmentRunArgs, FailOnSeverity, StopAction } from "./args";
import type { NamingScope } from "./inputs";
import { assessmentRunProvider } from "./provider";
import type { FindingCounts } from "./severity";

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
    /** The template the run was started from. */
    public readonly assessmentTemplateArn!: pulumi.Output<string>;
    /** The run's effective name (the given one, with a triggers hash when triggers are set, or the derived one). */
    public readonly assessmentRunName!: pulumi.Output<string>;
    /** The region of the run. */
    public readonly region!: pulumi.Output<string>;
    public readonly waitForCompletion!: pulumi.Output<boolean>;
    public readonly waitTimeoutSeconds!: pulumi.Output<number | undefined>;
    public readonly failOnFindings!: pulumi.Output<FailOnSeverity | undefined>;
    public readonly triggers!: pulumi.Output<unknown[] | undefined>;
    public readonly stopActionOnDelete!: pulumi.Output<StopAction>;
    public readonly deleteOnDestroy!: pulumi.Output<boolean>;

    /** The run's ARN (also the resource's id). */
    public readonly assessmentRunArn!: pulumi.Output<string>;
    /** The run's state, for example COLLECTING_DATA or COMPLETED, as of the last update or refresh. */
    public readonly state!: pulumi.Output<string>;
    /** When the run entered that state (ISO 8601). */
    public readonly stateChangedAt!: pulumi.Output<string>;
    /** When the run was created (ISO 8601). */
    public readonly createdAt!: pulumi.Output<string>;
    /** When the run started (ISO 8601). */
    public readonly startedAt!: pulumi.Output<string | undefined>;
    /** When the run finished (ISO 8601), once it has. */
    public readonly completedAt!: pulumi.Output<string | undefined>;
    /** Whether data collection is complete. */
    public readonly dataCollected!: pulumi.Output<boolean>;
    /** How long the run collects data, in seconds (from the template). */
    public readonly durationInSeconds!: pulumi.Output<number>;
    /** The rules packages the run evaluates. */
    public readonly rulesPackageArns!: pulumi.Output<string[]>;
    /** Findings per severity (High, Medium, Low, Informational, Undefined); zero until the rules are evaluated. */
    public readonly findingCounts!: pulumi.Output<FindingCounts>;

    constructor(name: string, args: AssessmentRunArgs, opts?: pulumi.CustomResourceOptions) {
        const namingScope: NamingScope = {
            project: pulumi.getProject(),
            stack: pulumi.getStack(),
            resource: name,
        };
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
                namingScope,
            },
            opts,
            "inspector",
            "AssessmentRun",
        );
    }
}
