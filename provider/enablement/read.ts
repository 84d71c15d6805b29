import { byAccountId } from "./account-status";
import { DEFAULT_POLL_INTERVAL_SECONDS, DEFAULT_WAIT_TIMEOUT_SECONDS } from "./defaults";
import { callerAccountId, accountReport } from "./inspector-calls";
import { pickInputs } from "./inputs";
import { countFullyEnabled, type EnablementOutputs } from "./outputs";
import type { ResourceType } from "./resource-types";
import { timingFor } from "./timing";

/** Outputs as stored, possibly written by a create that stopped early. */
export type StoredOutputs = Partial<EnablementOutputs> & Pick<EnablementOutputs, "region">;

/**
 * Refresh: Inspector's live status of every managed account (100 per call), sorted by account ID. The stored
 * inputs are handed back unchanged as the inputs, so the next diff compares what the program wants with what
 * Inspector now reports: a type disabled outside Pulumi shows up as an update that enables it again. An account
 * that left the organisation lands in `failedAccounts`.
 */
export async function readEnablement(
    id: string,
    props: StoredOutputs,
): Promise<{ id: string; props: EnablementOutputs; inputs: Record<string, unknown> }> {
    const context = { region: props.region, timing: timingFor(withWaitDefaults(props)) };
    const caller = props.callerAccountId ?? (await callerAccountId(context));
    const accountIds = props.managedAccountIds ?? props.accountIds ?? [caller];
    const report = await accountReport(context, accountIds);
    const resourceTypes = (props.resourceTypes ?? []) as ResourceType[];
    const accounts = byAccountId(report.statuses.values());
    const refreshed = {
        ...props,
        callerAccountId: caller,
        accounts,
        failedAccounts: byAccountId(report.failures.values()),
        enabledAccountCount: countFullyEnabled(accounts, resourceTypes),
    } as EnablementOutputs;
    return { id, props: refreshed, inputs: pickInputs(props) };
}

/** Wait settings for calls made outside create and update, with the defaults for state that lacks them. */
export function withWaitDefaults(props: Partial<EnablementOutputs>): {
    pollIntervalSeconds: number;
    waitTimeoutSeconds: number;
} {
    return {
        pollIntervalSeconds: props.pollIntervalSeconds ?? DEFAULT_POLL_INTERVAL_SECONDS,
        waitTimeoutSeconds: props.waitTimeoutSeconds ?? DEFAULT_WAIT_TIMEOUT_SECONDS,
    };
}
