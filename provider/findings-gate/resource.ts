import * as pulumi from "@pulumi/pulumi";
import type { AssumeRoleSettings } from "../aws/credentials";
import { dynamicProvider } from "../dynamic/provider";
import { SECRET_INPUTS_KEY, secretInputNames } from "../dynamic/secrets";
import { MODULE, resourceUrn, typeToken } from "../dynamic/urn";
import type { FindingsGateArgs, Severity, SeverityKey } from "./args";
import type { ImageInput } from "./inputs";
import type { ResourceReport } from "./scan";
import type { IgnoredFindings, IgnoreRule, WorstFinding } from "./verdict";

const TYPE = "FindingsGate";

/** The resource's type token, `pulumi-nodejs:dynamic/inspector:FindingsGate`. */
export const FINDINGS_GATE_TYPE_TOKEN = typeToken(TYPE);

/**
 * The provider object serialised into every FindingsGate's state: thin, it loads the lifecycle when called (see
 * dynamicProvider), so no client, config or credential is ever written into state.
 */
export const findingsGateProvider = dynamicProvider(
    "pulumi-inspector/dist/provider/findings-gate/lifecycle.js",
);

/**
 * A release gate over Amazon Inspector (v2) findings: `pulumi up` waits until Inspector has scanned the listed
 * images, functions, instances or repositories, counts their active findings and fails when they break the
 * rules (a minimum severity, per-severity thresholds), with the worst findings and the ways past it. Type token
 * `pulumi-nodejs:dynamic/inspector:FindingsGate`.
 *
 * @example
 * const gate = new FindingsGate("release-gate", {
 *     images: [image.repoDigest],
 *     lambdaFunctions: [fn.arn],
 *     failOnSeverity: "HIGH",
 * });
 * export const findings = gate.findingCounts;
 */
export class FindingsGate extends pulumi.dynamic.Resource {
    // `declare`: with ES2022 class fields a plain `x!: …` field is emitted, and it would reset to undefined the
    // output the base constructor has just set.
    /** The gated images, sorted, without duplicates. */
    declare public readonly images: pulumi.Output<ImageInput[] | undefined>;
    /** The gated Lambda functions (names or ARNs), sorted, without duplicates. */
    declare public readonly lambdaFunctions: pulumi.Output<string[] | undefined>;
    /** The gated EC2 instance IDs, sorted, without duplicates. */
    declare public readonly ec2Instances: pulumi.Output<string[] | undefined>;
    /** The gated code repositories' project names, sorted, without duplicates. */
    declare public readonly codeRepositories: pulumi.Output<string[] | undefined>;
    /** The gated whole accounts, sorted, without duplicates. */
    declare public readonly accountIds: pulumi.Output<string[] | undefined>;
    /** The minimum severity, in upper case. */
    declare public readonly failOnSeverity: pulumi.Output<Severity | undefined>;
    /** The per-severity limits, as given. */
    declare public readonly thresholds: pulumi.Output<Partial<Record<SeverityKey, number>> | undefined>;
    /** Whether only findings with a fix available count. */
    declare public readonly onlyFixAvailable: pulumi.Output<boolean>;
    /** Whether only findings with a known exploit count. */
    declare public readonly onlyExploitAvailable: pulumi.Output<boolean>;
    /** The ignore entries, as checked (expired ones included: they no longer apply). */
    declare public readonly ignore: pulumi.Output<IgnoreRule[] | undefined>;
    /** Whether create and update wait for Inspector's scans (default filled in). */
    declare public readonly waitForScan: pulumi.Output<boolean>;
    /** How long one create or update waits for the scans, in seconds (default 900 filled in). */
    declare public readonly waitTimeoutSeconds: pulumi.Output<number>;
    /** The values whose change evaluates the gate again, as given. */
    declare public readonly triggers: pulumi.Output<unknown[] | undefined>;
    /** The region whose findings are read, resolved from the input, the stack's `aws:region` or the environment. */
    declare public readonly region: pulumi.Output<string>;
    /** This resource's URN as the program computed it (it names the gate in messages). */
    declare public readonly resourceUrn: pulumi.Output<string>;
    /** The profile this resource's credentials come from, when set (its name only). */
    declare public readonly profile: pulumi.Output<string | undefined>;
    /** The role this resource assumes, when set (no credential: the ARN and the session's settings). */
    declare public readonly assumeRole: pulumi.Output<AssumeRoleSettings | undefined>;

    /** Per judged severity (at or above failOnSeverity, and those with a threshold), after filters and ignores. */
    declare public readonly findingCounts: pulumi.Output<Partial<Record<SeverityKey, number>>>;
    /** At most 10 counted findings, most severe first: ID, title, severity, resource, package, fixed-in version, link. */
    declare public readonly worstFindings: pulumi.Output<WorstFinding[]>;
    /** Per gated resource: resourceId, resourceType, status (SCANNED, PENDING, NOT_COVERED, UNSUPPORTED), reason, lastScannedAt. */
    declare public readonly resources: pulumi.Output<ResourceReport[]>;
    /** Per ignore entry in force that matched findings: how many it kept from counting, with its reason and expiry. */
    declare public readonly ignoredFindings: pulumi.Output<IgnoredFindings[]>;
    /** Whether the last evaluation passed. */
    declare public readonly passed: pulumi.Output<boolean>;
    /** The last verdict, in one line. */
    declare public readonly verdict: pulumi.Output<string>;
    /** When the last evaluation was made (ISO 8601). */
    declare public readonly evaluatedAt: pulumi.Output<string>;

    constructor(name: string, args: FindingsGateArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            findingsGateProvider,
            name,
            {
                // Outputs first, as undefined so they are registered; the inputs after them keep their values.
                // The args pass through as given, so check can refuse a property the resource does not have.
                images: undefined,
                lambdaFunctions: undefined,
                ec2Instances: undefined,
                codeRepositories: undefined,
                accountIds: undefined,
                failOnSeverity: undefined,
                thresholds: undefined,
                onlyFixAvailable: undefined,
                onlyExploitAvailable: undefined,
                ignore: undefined,
                waitForScan: undefined,
                waitTimeoutSeconds: undefined,
                triggers: undefined,
                region: undefined,
                profile: undefined,
                assumeRole: undefined,
                findingCounts: undefined,
                worstFindings: undefined,
                resources: undefined,
                ignoredFindings: undefined,
                passed: undefined,
                verdict: undefined,
                evaluatedAt: undefined,
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
