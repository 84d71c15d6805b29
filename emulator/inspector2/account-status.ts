import type { Status } from "./status";

/**
 * The account-level status from its resource types' statuses. Inspector is on for an account as long as any type
 * is scanning, so one ENABLED type makes the account ENABLED; otherwise the account shows the transition under
 * way (enabling before disabling), and it is DISABLED only when every type is.
 */
export function accountStatus(typeStatuses: Iterable<Status>): Status {
    const seen = new Set(typeStatuses);
    for (const status of ["ENABLED", "ENABLING", "DISABLING", "SUSPENDING", "SUSPENDED"] as const) {
        if (seen.has(status)) return status;
    }
    return "DISABLED";
}
