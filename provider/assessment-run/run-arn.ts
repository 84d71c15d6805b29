/** The region in an Inspector ARN (`arn:<partition>:inspector:<region>:…`), or undefined if it has none. */
export function regionOfArn(arn: string): string | undefined {
    const region = arn.split(":")[3];
    return region ? region : undefined;
}
