import type * as pulumi from "@pulumi/pulumi";
import type { CredentialArgs } from "../dynamic/credential-inputs";

/** A finding severity `failOnFindings` can name, from the most to the least severe. */
export type FailOnSeverity = "High" | "Medium" | "Low" | "Informational";

/** What Inspector does with the data already collected when a run in progress is stopped. */
export type StopAction = "START_EVALUATION" | "SKIP_EVALUATION";

/** The inputs of an {@link AssessmentRun}; `profile` and `assumeRole` come from {@link CredentialArgs}. */
export interface AssessmentRunArgs extends CredentialArgs {
    /**
     * AWS retired Inspector Classic on 2026-05-20: an AssessmentRun works against the local emulator or another
     * Inspector Classic-compatible endpoint set with `AWS_ENDPOINT_URL_INSPECTOR`; against AWS's own endpoint,
     * preview refuses it with a message that says so.
     *
     * The ARN of the Inspector Classic assessment template to run, 1 to 300 characters, for example
     * `arn:aws:inspector:us-west-2:123456789012:target/0-nvgVhaxX/template/0-7sbz2Kz0`. Changing it starts a new
     * run (replacement).
     */
    readonly assessmentTemplateArn: pulumi.Input<string>;

    /**
     * The run's name, 1 to 140 characters. The name is what makes `pulumi up` idempotent: a retried or interrupted
     * update finds the run of this template with this name and adopts it instead of starting another one. When
     * `triggers` are set, a short hash of them is appended so that each trigger change gets a run of its own.
     * Changing it starts a new run (replacement).
     *
     * @default `<resource name>-<stack>-<hash>`, where the hash covers the resource's URN (project, stack, parent
     * and name), the template ARN and the triggers: stable across updates, and different for each stack and each
     * trigger value.
     */
    readonly assessmentRunName?: pulumi.Input<string>;

    /**
     * The AWS region of the template and the run. A run starts in its template's region, so this can only be the
     * region in `assessmentTemplateArn` (another value is refused at preview, naming both); the stack's
     * `aws:region` does not apply. Changing it starts a new run (replacement).
     *
     * @default the template ARN's region
     */
    readonly region?: pulumi.Input<string>;

    /**
     * Wait until the run has finished (COMPLETED, COMPLETED_WITH_ERRORS, FAILED, ERROR or CANCELED), reporting
     * progress in the `pulumi up` output. A run that ends FAILED or ERROR then fails the update. Changes nothing
     * in AWS when changed.
     *
     * @default false, or true when `failOnFindings` is set
     */
    readonly waitForCompletion?: pulumi.Input<boolean>;

    /**
     * How long to wait for the run to finish, in seconds (1 to 604800). When it runs out the update fails, but the
     * run keeps going and stays recorded in the state: the next `pulumi up` waits for the same run again.
     *
     * @default the run's duration plus 3600 seconds for the rules evaluation
     */
    readonly waitTimeoutSeconds?: pulumi.Input<number>;

    /**
     * Fail the update when the finished run has findings at or above this severity (High > Medium > Low >
     * Informational; findings of severity Undefined have no rank and never fail it). Any letter case is
     * accepted. The run stays recorded in the state, so the next `pulumi up` does not start it again; it checks
     * the same run again and fails again until the setting or the run (through `triggers`) changes. Requires
     * waiting, so it turns `waitForCompletion` on. Changes nothing in AWS when changed.
     *
     * @default no gate
     */
    readonly failOnFindings?: pulumi.Input<FailOnSeverity | Lowercase<FailOnSeverity>>;

    /**
     * Any values; when any of them changes, a new run is started (replacement), for example the AMI ID the
     * template's agents run on.
     *
     * @default no triggers
     */
    readonly triggers?: pulumi.Input<pulumi.Input<unknown>[]>;

    /**
     * How a run still in progress is stopped when the resource is destroyed or replaced: START_EVALUATION
     * evaluates the data already collected and reports findings; SKIP_EVALUATION ends it without findings. Any
     * letter case is accepted.
     *
     * @default "START_EVALUATION"
     */
    readonly stopActionOnDelete?: pulumi.Input<StopAction | Lowercase<StopAction>>;

    /**
     * Delete the run and its findings from Inspector when the resource is destroyed or replaced. By default a
     * finished run is kept, since its findings are the audit record of what was assessed.
     *
     * @default false
     */
    readonly deleteOnDestroy?: pulumi.Input<boolean>;
}
