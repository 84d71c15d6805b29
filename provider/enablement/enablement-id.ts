import { createHash } from "node:crypto";

/**
 * The resource's ID: its region and a short hash of its URN. It stays the same through in-place updates (new
 * accounts or types) and changes with the region, which is exactly when the resource is replaced.
 */
export function enablementId(region: string, resourceUrn: string): string {
    return `inspector2:${region}:${createHash("sha256").update(resourceUrn).digest("hex").slice(0, 16)}`;
}
