import { AwsCallError } from "../aws/errors";
import { canonicalJson } from "../core/canonical";
import { plural } from "../core/plural";
import { ACCOUNT_STATUS_POLLING, pollPauses, type WaitPolicy } from "../core/context";
import type { AccountStatus, FailedAccount, ResourceType } from "./account-status";
import {
    failureKind,
    INEFFECTIVE_CODE,
    policyManagedTypes,
    MAX_DOUBTFUL_FAILURES,
    MAX_INEFFECTIVE_SENDS,
    MAX_TEMPORARY_FAILURES,
} from "./errors";
import { accountReport, changeAccounts, type CallScope } from "./operations";
import { hasReached, planBatches, typesNeedingCall, type Batch, type Direction, type Targets } from "./plan";
import { chunkToken } from "./token";

/** What to converge: which types go which way on which accounts, and how. */
export interface ConvergeRequest {
    readonly direction: Direction;
    readonly targets: Targets;
    readonly callerAccountId: string;
    /** Wait until every type has settled (ENABLED or DISABLED), not only until Inspector accepted the change. */
    readonly wait: boolean;
    /** The context, region and deadline of every call. */
    readonly scope: CallScope;
    /** Bounds the pauses between status checks, which follow `ACCOUNT_STATUS_POLLING` (see `pollingPolicy`). */
    readonly polling: WaitPolicy;
    /** The operation's token, which each Enable call's token derives from. */
    readonly operationToken: string;
    /** Names the resource in progress messages. */
    readonly label: string;
}

/** Where a converge ended. */
export interface ConvergeResult {
    /** Inspector's last reported status of each target account it reported. */
    readonly statuses: ReadonlyMap<string, AccountStatus>;
    /** Accounts that failed for good; at a timeout also the last temporary failure of unsettled accounts. */
    readonly failures: ReadonlyMap<string, FailedAccount>;
    /** Accounts out of reach while disabling (left the organisation, isolated), with why: nothing to do there. */
    readonly gone: ReadonlyMap<string, FailedAccount>;
    /**
     * Types an AWS Organizations Inspector policy manages, per account, with Inspector's refusal: never retried.
     * Enabling them fails (they are among `failures` too); disabling leaves them as the policy has them.
     */
    readonly policyManaged: ReadonlyMap<string, PolicyManaged>;
    /** Accounts not yet settled when the deadline came; empty unless `timedOut`. */
    readonly unsettled: readonly string[];
    readonly timedOut: boolean;
    /** Whether any Enable or Disable was sent. */
    readonly changed: boolean;
}

/** Types of one account that an Organizations policy manages, and the refusal that said so. */
export interface PolicyManaged {
    readonly accountId: string;
    readonly resourceTypes: readonly ResourceType[];
    readonly failure: FailedAccount;
}

/** A call failed as a whole (after all retries): the converge stops, with what it knew by then. */
export class ConvergeInterrupted extends Error {
    constructor(
        override readonly cause: AwsCallError,
        readonly partial: ConvergeResult,
    ) {
        super(cause.message);
        this.name = "ConvergeInterrupted";
    }
}

/**
 * Moves every target account's types towards the direction's goal, as a loop of: read the statuses (100
 * accounts per call), send only the calls still needed, pause with growing intervals. Reading first makes
 * the whole thing resumable and idempotent: accounts already where they should be (adopted, or done by an
 * interrupted earlier run) get no call at all. Each round reads only the accounts still in play: an account a
 * read found settled at the goal, or that failed for good, or is gone, is not read again.
 */
export async function converge(request: ConvergeRequest): Promise<ConvergeResult> {
    const run = new ConvergeRun(request);
    return run.execute();
}

class ConvergeRun {
    private readonly statuses = new Map<string, AccountStatus>();
    private readonly failures = new Map<string, FailedAccount>();
    private readonly gone = new Map<string, FailedAccount>();
    private readonly policyManaged = new Map<string, PolicyManaged>();
    private readonly temporaryFailures = new Map<string, number>();
    private readonly doubtfulFailures = new Map<string, number>();
    private readonly lastFailures = new Map<string, FailedAccount>();
    /** Times each exact batch was sent, so a re-send gets a fresh token. */
    private readonly sends = new Map<string, number>();
    /** Accounts Inspector accepted a change for, with the types, to tell when a change had no effect. */
    private readonly expecting = new Map<string, readonly ResourceType[]>();
    private readonly ineffective = new Map<string, number>();
    private readonly accountIds: string[];
    /** Accounts a status read found at the goal, settled (not only accepted): never read again. */
    private readonly settled = new Set<string>();
    /** Accounts the last read could not report: not settled until their failure is judged. */
    private unreadable = new Set<string>();
    private changed = false;
    private lastProgress = "";

    constructor(private readonly request: ConvergeRequest) {
        this.accountIds = [...request.targets.keys()].sort();
    }

    async execute(): Promise<ConvergeResult> {
        const { scope, polling } = this.request;
        const pause = pollPauses(scope.context, ACCOUNT_STATUS_POLLING, polling);
        try {
            for (;;) {
                this.unreadable = await this.readStatuses();
                this.reportProgress();
                const batches = planBatches(
                    this.request.direction,
                    this.targets(),
                    this.statuses,
                    this.request.callerAccountId,
                    new Set([...this.failures.keys(), ...this.gone.keys(), ...this.unreadable]),
                );
                const unsettled = this.unsettled();
                if (batches.length === 0 && unsettled.length === 0) return this.result(false, []);
                if (scope.context.now() >= scope.deadline) return this.result(true, unsettled);
                await this.send(batches);
                await pause(scope.deadline);
            }
        } catch (error) {
            if (error instanceof AwsCallError) {
                throw new ConvergeInterrupted(error, this.result(false, []));
            }
            throw error;
        }
    }

    /**
     * Reads every account still in play (not settled, failed or gone); returns those Inspector could not report
     * this time. Only a read settles an account: an Enable's answer may be a replay, which a read must check.
     */
    private async readStatuses(): Promise<Set<string>> {
        const active = this.accountIds.filter(
            (id) => !this.settled.has(id) && !this.failures.has(id) && !this.gone.has(id),
        );
        const report = await accountReport(this.request.scope, active);
        for (const [accountId, status] of report.statuses) {
            this.statuses.set(accountId, status);
            this.checkEffect(accountId, status);
        }
        const unreadable = new Set<string>();
        for (const [accountId, failure] of report.failures) {
            if (!report.statuses.has(accountId)) unreadable.add(accountId);
            this.recordFailure(failure, this.request.targets.get(accountId) ?? []);
        }
        const targets = this.targets();
        const { direction } = this.request;
        for (const [accountId, status] of report.statuses) {
            const reached = hasReached(direction, targets.get(accountId) ?? [], status, true);
            if (reached && !report.failures.has(accountId) && !this.failures.has(accountId)) {
                this.settled.add(accountId);
            }
        }
        return unreadable;
    }

    /**
     * What is still to converge: the requested types per account, less those an Organizations policy manages
     * (nothing this resource can change them; see `policyManaged`).
     */
    private targets(): Map<string, readonly ResourceType[]> {
        const targets = new Map<string, readonly ResourceType[]>();
        for (const [accountId, types] of this.request.targets) {
            const managed = this.policyManaged.get(accountId)?.resourceTypes ?? [];
            targets.set(
                accountId,
                types.filter((type) => !managed.includes(type)),
            );
        }
        return targets;
    }

    /** An accepted change whose types still need the same call had no effect (e.g. a replayed answer). */
    private checkEffect(accountId: string, status: AccountStatus): void {
        const expected = this.expecting.get(accountId);
        if (!expected) return;
        this.expecting.delete(accountId);
        const managed = this.policyManaged.get(accountId)?.resourceTypes ?? [];
        const changeable = expected.filter((type) => !managed.includes(type));
        const stillNeeded = typesNeedingCall(this.request.direction, changeable, status);
        if (stillNeeded.length === 0) return;
        const times = (this.ineffective.get(accountId) ?? 0) + 1;
        this.ineffective.set(accountId, times);
        if (times < MAX_INEFFECTIVE_SENDS) return;
        const verb = this.request.direction === "enable" ? "Enable" : "Disable";
        this.failures.set(accountId, {
            accountId,
            errorCode: INEFFECTIVE_CODE,
            errorMessage: `Inspector accepted ${verb} ${times} times, but ${stillNeeded.join(", ")} did not change`,
            status: status.status,
            resourceStatus: status.resourceStatus,
        });
    }

    /** `types`: those of the call (or the account's targets, for a read) the failure answers for. */
    private recordFailure(failure: FailedAccount, types: readonly ResourceType[]): void {
        const { accountId } = failure;
        if (failure.resourceStatus && failure.status) {
            this.statuses.set(accountId, {
                accountId,
                status: failure.status,
                resourceStatus: failure.resourceStatus,
            });
        }
        const disabling = this.request.direction === "disable";
        switch (failureKind(this.request.direction, failure)) {
            case "done":
            case "wait":
                return;
            case "gone":
                if (disabling) this.gone.set(accountId, failure);
                else this.failures.set(accountId, failure);
                return;
            case "permanent":
                this.failures.set(accountId, failure);
                return;
            case "policy": {
                const earlier = this.policyManaged.get(accountId);
                const managed = new Set([
                    ...(earlier?.resourceTypes ?? []),
                    ...policyManagedTypes(failure, types),
                ]);
                this.policyManaged.set(accountId, {
                    accountId,
                    resourceTypes: [...managed].sort(),
                    failure: earlier?.failure ?? failure,
                });
                return;
            }
            case "retry":
                this.lastFailures.set(accountId, failure);
                if (count(this.temporaryFailures, accountId) > MAX_TEMPORARY_FAILURES) {
                    this.failures.set(accountId, failure);
                }
                return;
            case "retry-few":
                this.lastFailures.set(accountId, failure);
                if (count(this.doubtfulFailures, accountId) > MAX_DOUBTFUL_FAILURES) {
                    if (disabling) this.gone.set(accountId, failure);
                    else this.failures.set(accountId, failure);
                }
                return;
        }
    }

    /** Sends the planned calls: the calling account's own call first, the rest side by side. */
    private async send(batches: readonly Batch[]): Promise<void> {
        if (batches.length === 0) return;
        const [first, ...rest] = batches;
        const callerFirst =
            first.accountIds.length === 1 && first.accountIds[0] === this.request.callerAccountId;
        if (callerFirst) await this.sendBatch(first);
        const outcomes = await Promise.allSettled(
            (callerFirst ? rest : batches).map((b) => this.sendBatch(b)),
        );
        const failed = outcomes.find((outcome) => outcome.status === "rejected");
        if (failed) throw failed.reason;
    }

    private async sendBatch(batch: Batch): Promise<void> {
        const { direction, scope, operationToken } = this.request;
        const key = canonicalJson([batch.resourceTypes, batch.accountIds]);
        const attempt = (this.sends.get(key) ?? 0) + 1;
        this.sends.set(key, attempt);
        const token = direction === "enable" ? chunkToken(operationToken, batch, attempt) : undefined;
        this.changed = true;
        const answer = await changeAccounts(scope, direction, batch, token);
        for (const account of answer.accounts) {
            this.statuses.set(account.accountId, account);
            this.expecting.set(account.accountId, batch.resourceTypes);
            this.lastFailures.delete(account.accountId);
        }
        for (const failure of answer.failedAccounts) this.recordFailure(failure, batch.resourceTypes);
    }

    /** Target accounts still in play that have not reached the goal (or, without waiting, are not under way). */
    private unsettled(): string[] {
        const { direction, wait } = this.request;
        const targets = this.targets();
        return this.accountIds.filter(
            (accountId) =>
                !this.failures.has(accountId) &&
                !this.gone.has(accountId) &&
                (this.unreadable.has(accountId) ||
                    !hasReached(direction, targets.get(accountId)!, this.statuses.get(accountId), wait)),
        );
    }

    private reportProgress(): void {
        const { direction, label } = this.request;
        const targets = this.targets();
        const settled = this.accountIds.filter(
            (accountId) =>
                this.gone.has(accountId) ||
                (!this.unreadable.has(accountId) &&
                    hasReached(direction, targets.get(accountId)!, this.statuses.get(accountId), true)),
        ).length;
        const message = `${label}: ${settled} of ${plural(this.accountIds.length, "account")} ${direction}d in ${this.request.scope.region}`;
        if (message === this.lastProgress) return;
        this.lastProgress = message;
        this.request.scope.context.log(message);
    }

    private result(timedOut: boolean, unsettled: readonly string[]): ConvergeResult {
        const failures = new Map(this.failures);
        // Types a policy keeps from being enabled are the account's failure (unless it failed otherwise too).
        if (this.request.direction === "enable") {
            for (const { accountId, failure } of this.policyManaged.values()) {
                if (!failures.has(accountId)) failures.set(accountId, failure);
            }
        }
        if (timedOut) {
            for (const accountId of unsettled) {
                const last = this.lastFailures.get(accountId);
                if (last) failures.set(accountId, last);
            }
        }
        return {
            statuses: new Map(this.statuses),
            failures,
            gone: new Map(this.gone),
            policyManaged: new Map(this.policyManaged),
            unsettled,
            timedOut,
            changed: this.changed,
        };
    }
}

/** Adds one to an account's counter and returns the new count. */
function count(counters: Map<string, number>, accountId: string): number {
    const value = (counters.get(accountId) ?? 0) + 1;
    counters.set(accountId, value);
    return value;
}
