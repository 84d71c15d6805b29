import * as pulumi from "@pulumi/pulumi";
import { dynamicProvider } from "../dynamic/provider";
import { SECRET_INPUTS_KEY, secretInputNames } from "../dynamic/secrets";
import { MODULE, resourceUrn, typeToken } from "../dynamic/urn";
import type { FailedAccount, ResourceType } from "./account-status";
import type { AccountStatusGroup } from "./status-groups";
import type { AssumeRoleSettings } from "../aws/credentials";
import type { InspectorEnablementArgs } from "./args";

const TYPE = "InspectorEnablement";

/** The resource's type token. */
export const ENABLEMENT_TYPE_TOKEN = typeToken(TYPE);

/**
 * The provider object serialised into every InspectorEnablement's state: a few lines that load the lifecycle by
 * package name inside the provider host, so no client, config or credential is ever written into state.
 */
export const enablementProvider = dynamicProvider("pulumi-inspector/dist/provider/enablement/lifecycle.js");

/**
 * Turns Amazon Inspector (v2) scanning on for one account or any number of accounts of an organisation, waits
 * until it is really on, shows drift on refresh and turns off exactly what it turned on when destroyed.
 *
 * @example
 * const scanning = new InspectorEnablement("scanning", {
 *     resourceTypes: ["EC2", "ECR"],
 *     accountIds: ["111122223333", "444455556666"],
 * });
 * export const enabled = scanning.enabledAccountCount;
 */
export class InspectorEnablement extends pulumi.dynamic.Resource {
    // `declare`: with ES2022 class fields a plain `x!: …` field is emitted, and it would reset to undefined the
    // output the base constructor has just set.
    /** The requested resource types, sorted, in their canonical spelling. */
    declare public readonly resourceTypes: pulumi.Output<ResourceType[]>;
    /** The requested account IDs, sorted; undefined when the calling account is meant. */
    declare public readonly accountIds: pulumi.Output<string[] | undefined>;
    /** The base idempotency token in use (given, or derived for this resource). */
    declare public readonly clientToken: pulumi.Output<string>;
    /** The region the resource acts in, resolved from the input, the stack's `aws:region` or the environment. */
    declare public readonly region: pulumi.Output<string>;
    /**
     * Whether create and update wait until every type is ENABLED on every account.
     *
     * @default true
     */
    declare public readonly waitForEnabled: pulumi.Output<boolean>;
    /**
     * How long one create, update or delete may take, in seconds, waiting and retries included.
     *
     * @default 900
     */
    declare public readonly waitTimeoutSeconds: pulumi.Output<number>;
    /**
     * The first pause between status checks, in seconds.
     *
     * @default 3
     */
    declare public readonly pollIntervalSeconds: pulumi.Output<number>;
    /** This resource's URN as the program computed it (it scopes the default token). */
    declare public readonly resourceUrn: pulumi.Output<string>;
    /** The profile this resource's credentials come from, when set (its name only). */
    declare public readonly profile: pulumi.Output<string | undefined>;
    /** The role this resource assumes, when set (no credential: the ARN and the session's settings). */
    declare public readonly assumeRole: pulumi.Output<AssumeRoleSettings | undefined>;
    /** The account the provider's credentials belong to. */
    declare public readonly callerAccountId: pulumi.Output<string>;
    /** The accounts this resource turns off when destroyed. */
    declare public readonly managedAccountIds: pulumi.Output<string[]>;
    /** The resource types this resource turns off when destroyed. */
    declare public readonly managedResourceTypes: pulumi.Output<ResourceType[]>;
    /**
     * Inspector's status of the managed accounts it reported, grouped by identical status: one entry per
     * distinct `status` and `resourceStatus` (`ec2`, `ecr`, `lambda`, `lambdaCode`, `codeRepository`), with the
     * sorted IDs of the accounts that have it. An organisation's accounts mostly share a status or two, so this
     * stays small where a record per account would not. {@link accountStatus} finds one account's status and
     * {@link accountStatuses} lists a record per account, e.g. `scanning.statusGroups.apply(accountStatuses)`.
     *
     * @example
     * [{ status: "ENABLED", resourceStatus: { ec2: "ENABLED", ecr: "ENABLED", lambda: "DISABLED",
     *    lambdaCode: "DISABLED", codeRepository: "DISABLED" }, accountIds: ["111122223333", "444455556666"] }]
     */
    declare public readonly statusGroups: pulumi.Output<AccountStatusGroup[]>;
    /**
     * The requested accounts (the calling account when `accountIds` is left out) that do not have every
     * requested type ENABLED (still enabling, disabled outside Pulumi, failed or not reported), sorted: empty
     * once scanning is fully on.
     */
    declare public readonly notEnabledAccountIds: pulumi.Output<string[]>;
    /** Per account Inspector could not act on: account ID, error code and message, status where known. */
    declare public readonly failedAccounts: pulumi.Output<FailedAccount[]>;
    /** How many of the requested accounts have every requested type ENABLED. */
    declare public readonly enabledAccountCount: pulumi.Output<number>;
    /** When the enablement was created (or adopted), ISO 8601. */
    declare public readonly createdAt: pulumi.Output<string>;
    /** When create or the last update finished, ISO 8601. */
    declare public readonly updatedAt: pulumi.Output<string>;

    constructor(name: string, args: InspectorEnablementArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            enablementProvider,
            name,
            {
                // Outputs first, as undefined so they are registered; the inputs after them keep their values.
                // The args pass through as given, so check can refuse a property the resource does not have.
                accountIds: undefined,
                clientToken: undefined,
                region: undefined,
                waitForEnabled: undefined,
                waitTimeoutSeconds: undefined,
                pollIntervalSeconds: undefined,
                profile: undefined,
                assumeRole: undefined,
                callerAccountId: undefined,
                managedAccountIds: undefined,
                managedResourceTypes: undefined,
                statusGroups: undefined,
                notEnabledAccountIds: undefined,
                failedAccounts: undefined,
                enabledAccountCount: undefined,
                createdAt: undefined,
                updatedAt: undefined,
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
