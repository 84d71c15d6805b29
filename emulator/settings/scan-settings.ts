/** The kinds of resource Inspector (v2) scans and reports findings on, as coverage and findings name them. */
export type ScanResourceType =
    "AWS_ECR_CONTAINER_IMAGE" | "AWS_LAMBDA_FUNCTION" | "AWS_EC2_INSTANCE" | "CODE_REPOSITORY";

/** The model's `Severity`. */
export type FindingSeverity = "CRITICAL" | "HIGH" | "MEDIUM" | "LOW" | "INFORMATIONAL" | "UNTRIAGED";

/** One vulnerability Inspector reports on a scanned resource. */
export interface ScanFindingSettings {
    /** `CVE-2023-38545`, `GHSA-…`; for code repositories the detector's rule. */
    readonly vulnerabilityId: string;
    /** Inspector's severity of the finding. */
    readonly severity: FindingSeverity;
    /** Default: `<vulnerabilityId> - <packageName>` (or the vulnerability ID alone). */
    readonly title?: string;
    /** The vulnerable package; none: the finding lists no package. */
    readonly packageName?: string;
    /** The installed version (default `0.0.0`); only with `packageName`. */
    readonly packageVersion?: string;
    /** The first fixed version: `fixAvailable` is YES when set, NO otherwise. Only with `packageName`. */
    readonly fixedInVersion?: string;
    /** Whether a public exploit is known (`exploitAvailable` YES); default false. */
    readonly exploitAvailable?: boolean;
    /** Default ACTIVE; SUPPRESSED and CLOSED findings are listed but not counted by aggregations. */
    readonly status?: "ACTIVE" | "SUPPRESSED" | "CLOSED";
}

/**
 * A resource Inspector covers, with the findings its scan reports. It is visible (in ListCoverage, ListFindings
 * and ListFindingAggregations) only while its account scans its type (ECR, LAMBDA, EC2, CODE_REPOSITORY) in its
 * region; it is scanned `delays.scanMs` after it was pushed or its type was enabled, whichever came later.
 */
export interface ScanResourceSettings {
    /** Default: the account in `resourceId` when it is an ARN, otherwise the administrator 111122223333. */
    readonly accountId?: string;
    /** What kind of resource it is. */
    readonly resourceType: ScanResourceType;
    /**
     * ECR image `arn:aws:ecr:<region>:<account>:repository/<repo>/sha256:<64 hex>`, Lambda function
     * `arn:aws:lambda:<region>:<account>:function:<name>`, EC2 instance `i-…`, code repository: its project name.
     */
    readonly resourceId: string;
    /** Default: the region in `resourceId` when it is an ARN, otherwise the settings' `region`. */
    readonly region?: string;
    /** Repository and digest default to those in `resourceId`. */
    readonly ecrImage?: {
        /** The repository's name. */
        readonly repositoryName?: string;
        /** The image's digest, `sha256:<64 hex>`. */
        readonly imageHash?: string;
        /** The image's tags; none by default. */
        readonly imageTags?: readonly string[];
    };
    /** The name defaults to the one in `resourceId`; the runtime (Inspector's `Runtime` enum) to NODEJS_22_X. */
    readonly lambdaFunction?: {
        /** The function's name. */
        readonly functionName?: string;
        /** Inspector's `Runtime`, for example `NODEJS_22_X` or `PYTHON_3_11`. @default "NODEJS_22_X" */
        readonly runtime?: string;
    };
    /** The instance's platform. */
    readonly ec2Instance?: {
        /** The model's `Ec2Platform`. @default "LINUX" */
        readonly platform?: "WINDOWS" | "LINUX" | "UNKNOWN" | "MACOS";
    };
    /** The project name defaults to `resourceId`. */
    readonly codeRepository?: {
        /** The project's name as Inspector's code security reports it. */
        readonly projectName?: string;
    };
    /**
     * ISO 8601: when the resource appeared (an image was pushed, a function updated). Default: when the emulator
     * first saw it (its start, or its reset, for resources in the settings then). Before it, the resource is not
     * there.
     */
    readonly pushedAt?: string;
    /**
     * A `ScanStatusReason` such as UNSUPPORTED_OS or UNSUPPORTED_RUNTIME: the resource is covered but never scanned
     * (statusCode INACTIVE with that reason) and has no findings.
     */
    readonly unsupported?: string;
    /** What its scan finds; none by default. */
    readonly findings?: readonly ScanFindingSettings[];
}
