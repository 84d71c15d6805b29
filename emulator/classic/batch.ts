import { arnKind, type ArnKind } from "./arns";

export interface FailedItem {
    readonly failureCode: "INVALID_ARN" | "ITEM_DOES_NOT_EXIST";
    readonly retryable: false;
}

export interface BatchResult {
    readonly found: Record<string, unknown>[];
    readonly failedItems: Record<string, FailedItem>;
}

/**
 * A Describe* batch: every ARN the caller owns comes back described, in the order asked (once each); the others
 * come back in failedItems, as INVALID_ARN when not an ARN of the kind asked for, else ITEM_DOES_NOT_EXIST.
 */
export function describeBatch(
    arns: readonly string[],
    kind: ArnKind,
    describe: (arn: string) => Record<string, unknown> | undefined,
): BatchResult {
    const found: Record<string, unknown>[] = [];
    const failedItems: Record<string, FailedItem> = {};
    for (const arn of new Set(arns)) {
        const described = arnKind(arn) === kind ? describe(arn) : undefined;
        if (described) {
            found.push(described);
        } else {
            const failureCode = arnKind(arn) === kind ? "ITEM_DOES_NOT_EXIST" : "INVALID_ARN";
            failedItems[arn] = { failureCode, retryable: false };
        }
    }
    return { found, failedItems };
}
