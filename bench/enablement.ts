import type { LifecycleContext } from "../provider/core/context";
import { lifecycle } from "../provider/enablement/lifecycle";
import { ENABLEMENT_TYPE_TOKEN } from "../provider/enablement/resource";

/** The URN the resource class would compute for the bench's enablement. */
export const ENABLEMENT_URN = `urn:pulumi:bench::bench::${ENABLEMENT_TYPE_TOKEN}::scanning`;

/** The resource types every enablement of the bench turns on (as in issue #12: EC2 + ECR). */
export const BENCH_TYPES = ["EC2", "ECR"] as const;

/** The program's inputs for an enablement of `accountIds`, as the resource class sends them. */
export function enablementArgs(
    accountIds: readonly string[],
    resourceTypes: readonly string[] = BENCH_TYPES,
) {
    return { resourceTypes: [...resourceTypes], accountIds: [...accountIds], resourceUrn: ENABLEMENT_URN };
}

/** Check, then create, in this process, as the provider host would run them with this context. */
export async function createEnablement(
    context: LifecycleContext,
    accountIds: readonly string[],
): Promise<{ id: string; outs: Record<string, unknown> }> {
    const checked = await lifecycle.check(enablementArgs(accountIds), context);
    if (checked.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
    const created = await lifecycle.create(checked.inputs as never, context);
    return { id: created.id, outs: created.outs as unknown as Record<string, unknown> };
}
