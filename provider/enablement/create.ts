import { PartialFailure } from "../dynamic/partial-failure";
import { converge, ConvergeInterrupted, type ConvergeResult } from "./converge";
import { enablementId } from "./enablement-id";
import { describeShortfall } from "./failure-message";
import { callerAccountId } from "./inspector-calls";
import type { EnablementInputs } from "./inputs";
import { buildOutputs, type EnablementOutputs } from "./outputs";
import { resourceLabel, type Reporter } from "./progress";
import { timingFor } from "./timing";
import { operationToken } from "./token";

/**
 * Create: enable the types on every account (reading first, so an existing enablement is adopted without a
 * call), then wait until they are ENABLED. When some accounts fail or time runs out, the resource is still
 * recorded with what is true (PartialFailure), and the next `pulumi up` does only what is missing.
 */
export async function createEnablement(
    inputs: EnablementInputs,
    report: Reporter,
): Promise<{ id: string; outs: EnablementOutputs }> {
    const startedAt = new Date().toISOString();
    const context = { region: inputs.region, timing: timingFor(inputs) };
    const label = resourceLabel(inputs.resourceUrn);
    const caller = await callerAccountId(context);
    const accountIds = inputs.accountIds ?? [caller];
    const coverage = { accountIds, resourceTypes: inputs.resourceTypes };
    report(
        `${label}: enabling ${inputs.resourceTypes.join(", ")} on ${accountIds.length} accounts in ${inputs.region}`,
    );

    let result: ConvergeResult;
    let interruption: Error | undefined;
    try {
        result = await converge({
            direction: "enable",
            targets: new Map(accountIds.map((accountId) => [accountId, inputs.resourceTypes])),
            callerAccountId: caller,
            wait: inputs.waitForEnabled,
            context,
            operationToken: operationToken(inputs.clientToken, {
                kind: "create",
                region: inputs.region,
                to: coverage,
            }),
            report,
            label,
        });
    } catch (error) {
        // Nothing sent yet: nothing exists that state would have to remember.
        if (!(error instanceof ConvergeInterrupted) || !error.partial.changed) throw unwrap(error);
        result = error.partial;
        interruption = error.cause;
    }

    const id = enablementId(inputs.region, inputs.resourceUrn);
    const outs = buildOutputs(inputs, {
        callerAccountId: caller,
        managedAccountIds: accountIds,
        managedResourceTypes: inputs.resourceTypes,
        accounts: [...result.statuses.values()],
        failedAccounts: result.failures.values(),
        createdAt: startedAt,
        updatedAt: new Date().toISOString(),
    });
    if (result.failures.size > 0 || result.timedOut || interruption) {
        const { message, reasons } = describeShortfall({
            label,
            action: "enable",
            region: inputs.region,
            totalAccounts: accountIds.length,
            failures: result.failures.values(),
            unsettled: result.unsettled,
            waitTimeoutSeconds: inputs.waitTimeoutSeconds,
            interruption,
            closing:
                "What succeeded is recorded in the stack's state; the next pulumi up does only what is missing.",
        });
        throw new PartialFailure(message, id, { ...outs }, reasons);
    }
    return { id, outs };
}

/** The underlying call error of an interrupted converge, which says what to do. */
export function unwrap(error: unknown): unknown {
    return error instanceof ConvergeInterrupted ? error.cause : error;
}
