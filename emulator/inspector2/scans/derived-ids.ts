import { createHash } from "node:crypto";

/** Hex SHA-256 of the parts, for identifiers that must stay the same from run to run. */
function digest(...parts: readonly string[]): string {
    return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

/** A finding's ARN: stable for one vulnerability (in one package) of one resource. */
export function findingArn(
    accountId: string,
    region: string,
    resourceId: string,
    vulnerabilityId: string,
    packageName: string | undefined,
): string {
    const id = digest("finding", accountId, region, resourceId, vulnerabilityId, packageName ?? "").slice(
        0,
        32,
    );
    return `arn:aws:inspector2:${region}:${accountId}:finding/${id}`;
}

/** The AMI an emulated EC2 instance was launched from. */
export function amiId(instanceId: string): string {
    return `ami-${digest("ami", instanceId).slice(0, 17)}`;
}

/** A Lambda function's code hash, base64 as Lambda reports it. */
export function codeSha256(functionArn: string): string {
    return Buffer.from(digest("code", functionArn), "hex").toString("base64");
}
