import type { FailedAccount } from "./account-status";
import { byAccountId } from "./account-status";
import { describeFailedAccount } from "./errors";

/** How many account IDs a timeout message lists before it only counts the rest. */
const MAX_LISTED_ACCOUNTS = 10;

/** What an operation could not finish, for the error the engine shows. */
export interface Shortfall {
    readonly label: string;
    /** What the operation set out to do. */
    readonly action: "enable" | "disable" | "update";
    readonly region: string;
    readonly totalAccounts: number;
    readonly failures: Iterable<FailedAccount>;
    /** Accounts still changing when the time ran out. */
    readonly unsettled: readonly string[];
    readonly waitTimeoutSeconds: number;
    /** A call that failed as a whole and stopped the operation. */
    readonly interruption?: Error;
    /** What state keeps: "recorded" for create and update (partial state), "kept" for delete. */
    readonly closing: string;
}

/** The message and the per-problem reasons of a partial failure. */
export function describeShortfall(shortfall: Shortfall): { message: string; reasons: string[] } {
    const { label, action, region, totalAccounts } = shortfall;
    const gerund = `${action.slice(0, -1)}ing`;
    const failures = byAccountId(shortfall.failures);
    const reasons: string[] = failures.map(describeFailedAccount);
    if (shortfall.unsettled.length > 0) {
        const listed = shortfall.unsettled.slice(0, MAX_LISTED_ACCOUNTS).join(", ");
        const more = shortfall.unsettled.length - MAX_LISTED_ACCOUNTS;
        reasons.push(
            `${shortfall.unsettled.length} of ${totalAccounts} accounts were still ${gerund} ` +
                `when waitTimeoutSeconds (${shortfall.waitTimeoutSeconds}) ran out: ${listed}` +
                `${more > 0 ? ` and ${more} more` : ""}; run pulumi up again to continue, or raise waitTimeoutSeconds`,
        );
    }
    if (shortfall.interruption) reasons.push(`stopped early: ${shortfall.interruption.message}`);
    const headline =
        failures.length > 0
            ? `${label}: could not ${action} Inspector on ${failures.length} of ${totalAccounts} accounts in ${region}`
            : `${label}: did not finish ${gerund} Inspector in ${region}`;
    const message = [`${headline}:`, ...reasons.map((reason) => `  - ${reason}`), shortfall.closing].join(
        "\n",
    );
    return { message, reasons };
}
