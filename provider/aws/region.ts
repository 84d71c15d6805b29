/** The AWS region format: partition prefix, area and number, for example `eu-west-1` or `us-gov-east-1`. */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/**
 * The region a resource acts in: its own `region` input, else the stack's `aws:region` (handed to the provider's
 * `configure`), else `AWS_REGION` / `AWS_DEFAULT_REGION`. Undefined when none is set.
 */
export function resolveRegion(
    explicit: string | undefined,
    stackRegion: string | undefined,
    env: NodeJS.ProcessEnv = process.env,
): string | undefined {
    return explicit || stackRegion || env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
}
