import type { LifecycleContext } from "../core/context";
import { describeValue, isUnknown, type InputCheck, type Unknown } from "../dynamic/check";

/** The AWS region format: partition prefix, area and number, for example `eu-west-1` or `us-gov-east-1`. */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** A region and where it came from, so that a message about it can say which setting to fix. */
export interface RegionChoice {
    readonly region: string;
    /** How a message names the source, for example `the stack's aws:region config`. */
    readonly source: string;
}

/**
 * The region a resource acts in when its own `region` input is not set: the stack's `aws:region` (handed to the
 * provider's configure), else `AWS_REGION`, else `AWS_DEFAULT_REGION`, as `@pulumi/aws` and the SDK look. Undefined
 * when none is set.
 */
export function defaultRegion(
    stackRegion: string | undefined,
    env: NodeJS.ProcessEnv,
): RegionChoice | undefined {
    if (stackRegion) return { region: stackRegion, source: "the stack's aws:region config" };
    if (env.AWS_REGION) return { region: env.AWS_REGION, source: "AWS_REGION" };
    if (env.AWS_DEFAULT_REGION) return { region: env.AWS_DEFAULT_REGION, source: "AWS_DEFAULT_REGION" };
    return undefined;
}

/** The region in an ARN (`arn:<partition>:<service>:<region>:…`), or undefined when it has none. */
export function regionOfArn(arn: string): string | undefined {
    return arn.split(":")[3] || undefined;
}

/** The partitions whose regions their names tell apart; every other region is in `aws`. */
const PARTITION_REGIONS: readonly (readonly [partition: string, regions: RegExp])[] = [
    ["aws-cn", /^cn-/],
    ["aws-us-gov", /^us-gov-/],
    ["aws-iso", /^us-iso-/],
    ["aws-iso-b", /^us-isob-/],
    ["aws-iso-e", /^eu-isoe-/],
    ["aws-iso-f", /^us-isof-/],
    ["aws-eusc", /^eusc-/],
];

/** The partition a region is in, as its name tells (`cn-north-1`: `aws-cn`); `aws` for the others. */
export function partitionOfRegion(region: string): string {
    return PARTITION_REGIONS.find(([, regions]) => regions.test(region))?.[0] ?? "aws";
}

/**
 * Whether an ARN's partition cannot hold its region (`arn:aws-cn:…:us-east-1:…`, `arn:aws:…:cn-north-1:…`): no
 * such resource can exist. A partition not listed here is let through, since a new one may hold any region.
 */
export function partitionMismatch(partition: string, region: string): boolean {
    const known = partition === "aws" || PARTITION_REGIONS.some(([name]) => name === partition);
    return known && partitionOfRegion(region) !== partition;
}

const REGION_RULE = "a region is lower-case words joined by dashes and ending in a number, such as eu-west-1";

/**
 * A resource's `region` input, checked and resolved: the input if set (it must be a region name), else the
 * default (see {@link defaultRegion}), whose source the failure names. Unknown values pass.
 */
export function checkRegionInput(
    check: InputCheck,
    value: unknown,
    context: Pick<LifecycleContext, "stack" | "env">,
): string | Unknown | undefined {
    if (isUnknown(value)) return value;
    if (value !== undefined && value !== null && value !== "") {
        if (typeof value === "string" && REGION_PATTERN.test(value)) return value;
        check.fail("region", `region ${describeValue(value)} is not an AWS region: ${REGION_RULE}`);
        return undefined;
    }
    const found = defaultRegion(context.stack.region, context.env);
    if (!found) {
        check.fail(
            "region",
            "region is not set: set the region input, the stack's aws:region config or AWS_REGION",
        );
        return undefined;
    }
    if (!REGION_PATTERN.test(found.region)) {
        check.fail(
            "region",
            `region ${describeValue(found.region)} from ${found.source} is not an AWS region: ${REGION_RULE}`,
        );
        return undefined;
    }
    return found.region;
}
