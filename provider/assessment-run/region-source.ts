/** A region and where it came from, so a message about it can say which setting to fix. */
export interface RegionChoice {
    readonly region: string;
    /** How a message names the source, for example `from the stack's aws:region`. */
    readonly source: string;
}

/**
 * The default region when the resource sets none: the stack's `aws:region`, then `AWS_REGION`, then
 * `AWS_DEFAULT_REGION` (the order of `resolveRegion`), keeping the source for messages.
 */
export function defaultRegion(
    stackRegion: string | undefined,
    env: NodeJS.ProcessEnv,
): RegionChoice | undefined {
    if (stackRegion) return { region: stackRegion, source: "from the stack's aws:region" };
    if (env.AWS_REGION) return { region: env.AWS_REGION, source: "from AWS_REGION" };
    if (env.AWS_DEFAULT_REGION) return { region: env.AWS_DEFAULT_REGION, source: "from AWS_DEFAULT_REGION" };
    return undefined;
}
