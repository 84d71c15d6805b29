/**
 * The bounds issue #12 measures against, as plain functions of what a run observed: the API's floor of calls,
 * and the reaction allowed after a wait.
 */

/** Inspector takes at most this many accounts per Enable and per BatchGetAccountStatus. */
export const ACCOUNTS_PER_CALL = 100;

/**
 * The fewest calls an enablement of `accounts` accounts can make when it reads statuses `statusRounds` times:
 * one identity call, one Enable per 100 accounts, and one status read per 100 accounts in each round.
 */
export function callFloor(accounts: number, statusRounds: number): number {
    if (!Number.isInteger(accounts) || accounts < 1) throw new RangeError(`accounts ${accounts} must be ≥ 1`);
    if (!Number.isInteger(statusRounds) || statusRounds < 1) {
        throw new RangeError(`statusRounds ${statusRounds} must be ≥ 1`);
    }
    const perCall = Math.ceil(accounts / ACCOUNTS_PER_CALL);
    return 1 + perCall + perCall * statusRounds;
}

/** How late a waiter may notice the end of a wait: at least `floorMs`, or `share` of the time waited so far. */
export interface ReactionBound {
    readonly floorMs: number;
    readonly share: number;
}

/** Create returns within max(1 s, 25 % of the time waited) of the last account turning ENABLED. */
export const ENABLEMENT_REACTION: ReactionBound = { floorMs: 1_000, share: 0.25 };

/** AssessmentRun and FindingsGate return within max(2 s, 15 % of the wait) of the run or scan finishing. */
export const WAIT_REACTION: ReactionBound = { floorMs: 2_000, share: 0.15 };

/** The reaction allowed after waiting `waitedMs`. */
export function allowedReaction(waitedMs: number, bound: ReactionBound): number {
    return Math.max(bound.floorMs, bound.share * Math.max(0, waitedMs));
}

/** Reaction over the allowed reaction: ≤ 1 meets the target. */
export function reactionRatio(reactionMs: number, waitedMs: number, bound: ReactionBound): number {
    return reactionMs / allowedReaction(waitedMs, bound);
}

/** One command a converge sent, as far as rounds go. */
export interface RoundCommand {
    readonly operation: string;
    /** Accounts the command named. */
    readonly accounts: number;
    /** For a status read: accounts it found not yet settled. */
    readonly unsettled?: number;
}

/** One status round: the accounts it read, and how many of them were not settled yet. */
export interface StatusRound {
    readonly read: number;
    readonly unsettled: number;
}

/**
 * Status rounds from the commands a converge sent, in order, and the positions at which it paused (the number
 * of commands sent before each pause): a round is a stretch between pauses that read statuses at least once.
 */
export function statusRounds(
    commands: readonly RoundCommand[],
    pausesAfter: readonly number[],
    statusOperation = "BatchGetAccountStatus",
): StatusRound[] {
    const bounds = [
        ...new Set([0, ...pausesAfter.filter((at) => at > 0 && at < commands.length), commands.length]),
    ];
    bounds.sort((a, b) => a - b);
    const rounds: StatusRound[] = [];
    for (let index = 1; index < bounds.length; index++) {
        const reads = commands
            .slice(bounds[index - 1], bounds[index])
            .filter((command) => command.operation === statusOperation);
        if (reads.length === 0) continue;
        rounds.push({
            read: reads.reduce((total, command) => total + command.accounts, 0),
            unsettled: reads.reduce((total, command) => total + (command.unsettled ?? 0), 0),
        });
    }
    return rounds;
}

/**
 * Whether every round after the first read only accounts the round before found unsettled (no more accounts
 * than that): settled accounts are not read again.
 */
export function readsOnlyUnsettled(rounds: readonly StatusRound[]): boolean {
    return rounds.every((round, index) => index === 0 || round.read <= rounds[index - 1].unsettled);
}
