/**
 * The accounts a call acts on: the listed ones once each, in the order given; none listed means the caller's own
 * account.
 */
export function targetAccountIds(
    accountIds: readonly string[] | undefined,
    callerId: string,
): readonly string[] {
    if (!accountIds || accountIds.length === 0) return [callerId];
    return [...new Set(accountIds)];
}
