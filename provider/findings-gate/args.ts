import type * as pulumi from "@pulumi/pulumi";
import type { CredentialArgs } from "../dynamic/credential-inputs";

/** Inspector's finding severities, from the most to the least severe (UNTRIAGED: not rated yet). */
export type Severity = "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "INFORMATIONAL" | "UNTRIAGED";

/** A severity as `thresholds` and `findingCounts` name it. */
export type SeverityKey = Lowercase<Severity>;

/** An ECR image by repository and digest, as ECR's own API names them. */
export interface ImageReference {
    /** The repository's name, for example `shop` or `team/shop`. */
    readonly repositoryName: pulumi.Input<string>;
    /** The image's digest, `sha256:` and 64 hex digits. */
    readonly imageDigest: pulumi.Input<string>;
    /**
     * The 12-digit account of the registry. Without it the image is looked up by repository and digest in every
     * account the credentials can see in the region.
     *
     * @default any account
     */
    readonly registryId?: pulumi.Input<string>;
}

/** Per-severity limits: the gate fails when a severity's count is above its limit (`critical: 0`: none allowed). */
export type Thresholds = { readonly [K in SeverityKey]?: pulumi.Input<number> };

/** A vulnerability the gate does not count until a date, with the reason why. */
export interface IgnoreEntry {
    /** The vulnerability's ID as Inspector reports it, for example `CVE-2024-3094` or `GHSA-…`. */
    readonly vulnerabilityId: pulumi.Input<string>;
    /** Why it may be ignored (shown in the outputs and the verdict), for example a ticket or a risk acceptance. */
    readonly reason: pulumi.Input<string>;
    /**
     * The last day (`YYYY-MM-DD`, UTC) it is ignored; from the day after, its findings count again and the verdict
     * says so.
     */
    readonly expiresOn: pulumi.Input<string>;
}

/**
 * The inputs of a {@link FindingsGate}. At least one subject (images … accountIds) and one rule are needed;
 * `profile` and `assumeRole` come from {@link CredentialArgs}.
 */
export interface FindingsGateArgs extends CredentialArgs {
    /**
     * ECR images to gate: image URIs with a digest, `<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<hex>`
     * (a tag before the `@` is allowed and ignored), as `repoDigest` of a `docker-build` image gives them, or
     * `{ repositoryName, imageDigest, registryId? }`. A URI with a tag only is refused: a tag can move.
     *
     * @default no images
     */
    readonly images?: pulumi.Input<pulumi.Input<string | ImageReference>[]>;

    /**
     * Lambda functions to gate: names, or unqualified ARNs (`fn.arn` of `@pulumi/aws`).
     *
     * @default no functions
     */
    readonly lambdaFunctions?: pulumi.Input<pulumi.Input<string>[]>;

    /**
     * EC2 instance IDs to gate (`i-…`).
     *
     * @default no instances
     */
    readonly ec2Instances?: pulumi.Input<pulumi.Input<string>[]>;

    /**
     * Code repositories to gate, by the project name Inspector's code security reports.
     *
     * @default no repositories
     */
    readonly codeRepositories?: pulumi.Input<pulumi.Input<string>[]>;

    /**
     * Whole accounts to gate (12-digit IDs), up to 10,001 (a delegated administrator and its at most 10,000
     * members): every finding of every resource of the account in the region counts. Accounts are not waited on.
     *
     * @default no accounts
     */
    readonly accountIds?: pulumi.Input<pulumi.Input<string>[]>;

    /**
     * Fail when any counted finding is at or above this severity (CRITICAL > HIGH > MEDIUM > LOW > INFORMATIONAL >
     * UNTRIAGED). Any letter case. Needed unless `thresholds` is set; both may be.
     *
     * @default no minimum severity
     */
    readonly failOnSeverity?: pulumi.Input<Severity | Lowercase<Severity>>;

    /**
     * Fail when a severity's count is above its limit, for example `{ critical: 0, high: 5 }`. Needed unless
     * `failOnSeverity` is set; both may be.
     *
     * @default no thresholds
     */
    readonly thresholds?: pulumi.Input<Thresholds>;

    /**
     * Count only findings with a fix available (Inspector's `fixAvailable` YES or PARTIAL).
     *
     * @default false
     */
    readonly onlyFixAvailable?: pulumi.Input<boolean>;

    /**
     * Count only findings with a known exploit (Inspector's `exploitAvailable` YES).
     *
     * @default false
     */
    readonly onlyExploitAvailable?: pulumi.Input<boolean>;

    /**
     * Vulnerabilities not counted until their expiry date, each with a reason. An expired entry is no longer
     * applied: its findings count again, and the verdict says so.
     *
     * @default nothing ignored
     */
    readonly ignore?: pulumi.Input<pulumi.Input<IgnoreEntry>[]>;

    /**
     * Wait until Inspector has scanned every listed image, function, instance and repository before counting.
     * Resources Inspector does not cover (scanning not enabled for their type, unsupported OS or runtime) are
     * reported with Inspector's reason and not waited on.
     *
     * @default true when images, lambdaFunctions, ec2Instances or codeRepositories are listed
     */
    readonly waitForScan?: pulumi.Input<boolean>;

    /**
     * How long one create or update waits for the scans, in whole seconds (1 to 86400). When it runs out with a
     * resource still pending, the gate fails and the next `pulumi up` waits again.
     *
     * @default 900
     */
    readonly waitTimeoutSeconds?: pulumi.Input<number>;

    /**
     * Any values; when one changes, the gate is evaluated again (it is on every update anyway).
     *
     * @default no triggers
     */
    readonly triggers?: pulumi.Input<pulumi.Input<unknown>[]>;

    /**
     * The region whose Inspector findings are read. Image URIs and function ARNs must be in it.
     *
     * @default the stack's `aws:region`, then `AWS_REGION`, then `AWS_DEFAULT_REGION`
     */
    readonly region?: pulumi.Input<string>;
}
