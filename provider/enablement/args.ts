import type * as pulumi from "@pulumi/pulumi";
import type { CredentialArgs } from "../dynamic/credential-inputs";
import type { ResourceType } from "./account-status";

/** The inputs of an {@link InspectorEnablement}; `profile` and `assumeRole` come from {@link CredentialArgs}. */
export interface InspectorEnablementArgs extends CredentialArgs {
    /**
     * The resource types to scan: any of `EC2`, `ECR`, `LAMBDA`, `LAMBDA_CODE` and `CODE_REPOSITORY`, in any
     * letter case (the canonical spelling is stored). At least one; duplicates and order do not matter. Adding or
     * removing a type is an in-place update.
     */
    readonly resourceTypes: pulumi.Input<pulumi.Input<ResourceType | Lowercase<ResourceType>>[]>;

    /**
     * The 12-digit IDs of the accounts to scan: up to 10,001 (a delegated administrator manages at most 10,000
     * members), the delegated administrator among its members if need be (the provider calls Inspector 100
     * accounts at a time). Duplicates and order do not matter. Adding or removing accounts is an in-place update.
     *
     * @default the account the provider's credentials belong to
     */
    readonly accountIds?: pulumi.Input<pulumi.Input<string>[]>;

    /**
     * The base of the idempotency tokens sent with Enable: each call's token (1 to 64 characters) is derived
     * from it and the call's content, so a retried or interrupted `pulumi up` repeats the same tokens. Changing
     * it changes nothing in AWS.
     *
     * @default a token derived from the project, the stack and the resource's name
     */
    readonly clientToken?: pulumi.Input<string>;

    /**
     * The AWS region to enable Inspector in. Changing it replaces the resource (the new region is enabled
     * before the old one is disabled).
     *
     * @default the stack's `aws:region`, then `AWS_REGION`, then `AWS_DEFAULT_REGION`
     */
    readonly region?: pulumi.Input<string>;

    /**
     * Whether create and update wait until every type is ENABLED on every account (and removed ones DISABLED).
     * When false they finish once Inspector has accepted the change. Delete always waits.
     *
     * @default true
     */
    readonly waitForEnabled?: pulumi.Input<boolean>;

    /**
     * How long one create, update or delete may take, waiting and retries included: a whole number from 1 to
     * 86400. When it runs out the resource is recorded with the statuses reached so far, and the next
     * `pulumi up` continues.
     *
     * @default 900
     */
    readonly waitTimeoutSeconds?: pulumi.Input<number>;

    /**
     * The longest pause between status checks, in seconds (1 to 300, fractions allowed). Checks start 1 s apart
     * and the pause grows to a quarter of the time already waited, up to this: the resource notices the last
     * account settling within max(1 s, 25 % of the wait), and never later than this.
     *
     * @default 3
     */
    readonly pollIntervalSeconds?: pulumi.Input<number>;
}
