import { converge, ConvergeInterrupted, type ConvergeResult } from "./converge";
import { describeShortfall } from "./failure-message";
import { callerAccountId } from "./inspector-calls";
import { resourceLabel, type Reporter } from "./progress";
import { withWaitDefaults, type StoredOutputs } from "./read";
import type { ResourceType } from "./resource-types";
import { timingFor } from "./timing";

/**
 * Delete: Disable exactly what this resource manages (its types, on its accounts, 100 per call, members before
 * the calling account) and wait until DISABLED. Accounts already off or out of reach are not errors; anything
 * else that stops the delete is, and the resource stays in state so a later destroy can finish it.
 */
export async function deleteEnablement(
    props: StoredOutputs,
    report: Reporter,
    warn: Reporter,
): Promise<void> {
    const context = { region: props.region, timing: timingFor(withWaitDefaults(props)) };
    const label = resourceLabel(props.resourceUrn ?? "");
    const caller = await callerAccountId(context);
    const accountIds = props.managedAccountIds ?? props.accountIds ?? [props.callerAccountId ?? caller];
    const resourceTypes = (props.managedResourceTypes ?? props.resourceTypes ?? []) as ResourceType[];
    if (resourceTypes.length === 0) return;
    report(
        `${label}: disabling ${resourceTypes.join(", ")} on ${accountIds.length} accounts in ${props.region}`,
    );

    let result: ConvergeResult;
    let interruption: Error | undefined;
    try {
        result = await converge({
            direction: "disable",
            targets: new Map(accountIds.map((accountId) => [accountId, resourceTypes])),
            callerAccountId: caller,
            wait: true,
            context,
            operationToken: "",
            report,
            label,
        });
    } catch (error) {
        if (!(error instanceof ConvergeInterrupted)) throw error;
        result = error.partial;
        interruption = error.cause;
    }

    for (const failure of result.gone.values()) {
        warn(
            `${label}: left account ${failure.accountId} alone, out of reach: ${failure.errorCode}: ${failure.errorMessage}`,
        );
    }
    if (result.failures.size > 0 || result.timedOut || interruption) {
        throw new Error(
            describeShortfall({
                label,
                action: "disable",
                region: props.region,
                totalAccounts: accountIds.length,
                failures: result.failures.values(),
                unsettled: result.unsettled,
                waitTimeoutSeconds: withWaitDefaults(props).waitTimeoutSeconds,
                interruption,
                closing:
                    "The resource stays in the stack's state; run pulumi destroy (or up) again to finish.",
            }).message,
        );
    }
}
