import type { ScanResourceSettings } from "./scan-settings";

export type {
    FindingSeverity,
    ScanFindingSettings,
    ScanResourceSettings,
    ScanResourceType,
} from "./scan-settings";

/** The Inspector (v2) resource types, as Enable takes them. */
export type ResourceType = "EC2" | "ECR" | "LAMBDA" | "LAMBDA_CODE" | "CODE_REPOSITORY";

/** An account the emulator knows, with the key pair that signs as it (none when nobody signs as it). */
export interface AccountSettings {
    /** The 12-digit account ID. */
    readonly accountId: string;
    /** The access key that signs as this account; none: nobody signs as it (a member reached through its administrator). */
    readonly accessKeyId?: string;
    /** The secret half of the key pair, set together with `accessKeyId`. */
    readonly secretAccessKey?: string;
    /**
     * `administrator`: the organisation's delegated Inspector administrator; `member`: a member of it;
     * `standalone`: in no organisation.
     */
    readonly role: "administrator" | "member" | "standalone";
    /**
     * `suspended` and `isolated` accounts cannot be enabled (Inspector reports them as such).
     *
     * @default "active"
     */
    readonly state?: "active" | "suspended" | "isolated";
    /**
     * Injected per-account failures of Enable/Disable: the first `times` attempts on this account fail with
     * `errorCode` in `failedAccounts`, then it succeeds.
     */
    readonly failures?: readonly {
        /** The `failedAccounts` error code, for example `INTERNAL_ERROR` or `ACCESS_DENIED`. */
        readonly errorCode: string;
        /** How many attempts fail before one succeeds. */
        readonly times: number;
    }[];
}

/**
 * An IAM role that STS AssumeRole hands out temporary credentials for. Any key the emulator knows (an account's
 * or temporary credentials) may assume it; with `externalId`, only callers that pass that external ID.
 */
export interface RoleSettings {
    /** `arn:aws:iam::<account>:role/<name>` (a path before the name is allowed). */
    readonly roleArn: string;
    /**
     * The external ID callers must pass.
     *
     * @default none: callers pass none
     */
    readonly externalId?: string;
}

/**
 * An AWS Organizations Inspector policy that manages scanning of some resource types in some accounts: for those
 * pairs BatchGetAccountStatus reports the policy's state, and Enable and Disable refuse to change them with
 * `BLOCKED_BY_ORGANIZATION_POLICY`.
 */
export interface OrganizationPolicySettings {
    /** `p-` and 8 to 128 letters, digits or underscores, as AWS Organizations policy IDs are. */
    readonly policyId: string;
    /** Accounts of the organisation (its administrator or members). */
    readonly accountIds: readonly string[];
    /** The scan types the policy manages in those accounts. */
    readonly resourceTypes: readonly ResourceType[];
    /** The status the policy holds the types at. */
    readonly state: "ENABLED" | "DISABLED";
}

/** How long the transitional statuses last, in milliseconds. */
export interface DelaySettings {
    /** ENABLING before ENABLED. */
    readonly enablingMs: number;
    /** DISABLING before DISABLED. */
    readonly disablingMs: number;
    /**
     * How long a covered resource stays PENDING_INITIAL_SCAN after it was pushed or its type was enabled (whichever
     * came later), before its findings are listed.
     *
     * @default 500
     */
    readonly scanMs?: number;
    /** Overrides per resource type and/or region (the most specific match wins). */
    readonly overrides?: readonly {
        /** The resource type it applies to; none: every type. */
        readonly resourceType?: ResourceType;
        /** The region it applies to; none: every region. */
        readonly region?: string;
        /** ENABLING before ENABLED; none: the general `enablingMs`. */
        readonly enablingMs?: number;
        /** DISABLING before DISABLED; none: the general `disablingMs`. */
        readonly disablingMs?: number;
    }[];
}

/** A fault injected into one operation (or `*` for all), deterministic from the seed. */
export interface FaultSettings {
    /** Without a service, the fault applies to the Inspector services (inspector2, inspector), not to STS. */
    readonly service?: "inspector2" | "inspector" | "sts";
    /** A model operation name, or `*`. */
    readonly operation: string;
    /**
     * `throttle`: the service's throttling error; `internal`: a 500; `unavailable`: a 503; `latency`: waits
     * `value` ms, then answers normally; `drop`: closes the connection without an answer.
     */
    readonly kind: "throttle" | "internal" | "unavailable" | "latency" | "drop";
    /**
     * The share of matching calls that get the fault, 0 to 1, drawn from the seed.
     *
     * @default 1
     */
    readonly probability?: number;
    /**
     * Stop after this many injected faults.
     *
     * @default unlimited
     */
    readonly count?: number;
    /**
     * For `latency`: added milliseconds. For `throttle`: the Retry-After seconds.
     *
     * @default 1 for `throttle`
     */
    readonly value?: number;
}

/** Inspector Classic assessment run behaviour. */
export interface ClassicSettings {
    /**
     * Emulated seconds per real second: with 3600, a one-hour template finishes in one second.
     *
     * @default 3600
     */
    readonly timeScale: number;
    /**
     * How many runs may be in progress at once per account before LimitExceededException.
     *
     * @default 10
     */
    readonly maxConcurrentRuns: number;
    /**
     * Forces how every run started from now on ends. Unset or null: drawn from the seed and what the run assesses
     * (its template's account, region, name and rules packages), nearly always COMPLETED, rarely
     * COMPLETED_WITH_ERRORS or FAILED; the seeded template's runs complete.
     *
     * @default null
     */
    readonly outcome?: "COMPLETED" | "COMPLETED_WITH_ERRORS" | "FAILED" | null;
    /**
     * Forces the finding counts of every run started from now on, once evaluated; a severity left out counts 0.
     * Unset or null: drawn from the seed and what the run assesses, so every run of one template finds the same
     * (the seeded template's, with the default seed: High 2, Medium 4, Low 6, Informational 12).
     *
     * @default null
     */
    readonly findingCounts?: {
        /** High findings. */
        readonly High?: number;
        /** Medium findings. */
        readonly Medium?: number;
        /** Low findings. */
        readonly Low?: number;
        /** Informational findings. */
        readonly Informational?: number;
        /** Findings without a severity. */
        readonly Undefined?: number;
    } | null;
}

/** Everything the emulator's behaviour depends on; the admin API can replace parts of it at run time. */
export interface EmulatorSettings {
    /** The default region: the one in the printed environment and where the Classic template is seeded. */
    readonly region: string;
    /** Seeds Classic runs' finding counts and outcomes and fault choices, so runs repeat exactly. */
    readonly seed: number;
    /** Who exists and who may sign: the delegated administrator, its members, a standalone account. */
    readonly accounts: readonly AccountSettings[];
    /** The roles STS AssumeRole serves. */
    readonly roles: readonly RoleSettings[];
    /** AWS Organizations Inspector policies in force; none by default. */
    readonly organizationPolicies: readonly OrganizationPolicySettings[];
    /** How long ENABLING, DISABLING and the scans last. */
    readonly delays: DelaySettings;
    /** The resources Inspector (v2) covers and their findings; a small example set by default. */
    readonly scanResources: readonly ScanResourceSettings[];
    /** Injected faults; none by default. */
    readonly faults: readonly FaultSettings[];
    /** Inspector Classic's assessment runs. */
    readonly classic: ClassicSettings;
    /** Allowed difference between the signature's date and the clock, in milliseconds (AWS: 15 minutes). */
    readonly clockSkewMs: number;
}

/**
 * Settings that differ from others, deep-merged over them: nested objects merge member by member, while arrays
 * (accounts, roles, organizationPolicies, scanResources, faults, overrides) replace the whole list.
 */
export type PartialSettings = DeepPartial<EmulatorSettings>;

/** `T` with every member optional, at every depth; arrays stay whole (they replace, never merge). */
export type DeepPartial<T> = T extends readonly unknown[]
    ? T
    : T extends object
      ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
      : T;
