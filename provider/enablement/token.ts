import { digest } from "../core/canonical";
import type { ResourceType } from "./account-status";

/**
 * Idempotency tokens and the resource's ID. Every token is a hash of what it stands for, never a random draw, so a
 * retried or interrupted `pulumi up` sends exactly the tokens the first attempt sent and Inspector answers the
 * repeated call from its idempotency record instead of acting twice. A different call always gets a different
 * token, because Inspector refuses a known token that comes with other parameters.
 */

/** Readable in AWS logs; with 40 hex digits a token is 47 characters, within Inspector's 64. */
const TOKEN_PREFIX = "pulumi-";
const TOKEN_DIGITS = 40;

/** The accounts and types one side of an operation covers. */
export interface Coverage {
    readonly accountIds: readonly string[];
    readonly resourceTypes: readonly ResourceType[];
}

/** What one operation sets out to do: create (from nothing) or update (from the recorded coverage). */
export interface Operation {
    readonly kind: "create" | "update";
    readonly region: string;
    readonly from?: Coverage;
    readonly to: Coverage;
}

/** The default base token of a resource: stable for its whole life, different for every resource of a stack. */
export function defaultClientToken(resourceUrn: string): string {
    return TOKEN_PREFIX + digest(["InspectorEnablement", resourceUrn]).slice(0, TOKEN_DIGITS);
}

/**
 * The token of one operation: the same for every retry of that operation (same base, same inputs), different
 * for an update and for the create of the same end state, because the starting coverage is part of it.
 */
export function operationToken(baseToken: string, operation: Operation): string {
    return digest([
        baseToken,
        operation.kind,
        operation.region,
        operation.from ? canonical(operation.from) : null,
        canonical(operation.to),
    ]);
}

/**
 * The token of one Enable call of an operation. `attempt` counts how often the operation sent this very chunk:
 * a chunk is re-sent only when Inspector accepted it without effect (an answer replayed from an earlier identical
 * call, e.g. after the enablement was destroyed and created again), and the re-send must not be replayed too.
 */
export function chunkToken(operationToken: string, chunk: Coverage, attempt: number): string {
    return TOKEN_PREFIX + digest([operationToken, canonical(chunk), attempt]).slice(0, TOKEN_DIGITS);
}

function canonical(coverage: Coverage): [string[], string[]] {
    return [[...new Set(coverage.accountIds)].sort(), [...new Set(coverage.resourceTypes)].sort()];
}

/**
 * The resource's ID: its region and a short hash of its URN. It stays the same through in-place updates (new
 * accounts or types) and changes with the region, which is exactly when the resource is replaced.
 */
export function enablementId(region: string, resourceUrn: string): string {
    return `inspector2:${region}:${digest(resourceUrn).slice(0, 16)}`;
}
