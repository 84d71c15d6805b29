import type { AccountSettings } from "../settings/settings";

/** An injected failure that hit an account: the error code, and which attempt of how many planned it was. */
export interface InjectedFailure {
    readonly errorCode: string;
    readonly attempt: number;
    readonly planned: number;
}

interface Consumption {
    /** The failure plan the count belongs to; a different plan in the settings starts counting again. */
    readonly plan: string;
    readonly used: number;
}

/** JSON form, for the state file: account ID → consumption. */
export type InjectedFailuresSnapshot = Record<string, Consumption>;

/**
 * Counts the Enable/Disable attempts on each account against its `failures` plan: the plan's entries fail the
 * first attempts in order (`times` attempts each), after which the account succeeds.
 */
export class InjectedFailures {
    private consumed = new Map<string, Consumption>();

    /** Records one attempt on the account; returns the failure it gets, if the plan still has one. */
    attempt(account: AccountSettings): InjectedFailure | undefined {
        const failures = account.failures ?? [];
        if (failures.length === 0) return undefined;
        const plan = JSON.stringify(failures);
        const previous = this.consumed.get(account.accountId);
        const used = previous?.plan === plan ? previous.used : 0;
        const planned = failures.reduce((sum, failure) => sum + Math.max(0, failure.times), 0);
        if (used >= planned) return undefined;
        this.consumed.set(account.accountId, { plan, used: used + 1 });
        let remaining = used;
        for (const failure of failures) {
            if (remaining < failure.times)
                return { errorCode: failure.errorCode, attempt: used + 1, planned };
            remaining -= Math.max(0, failure.times);
        }
        return undefined;
    }

    reset(): void {
        this.consumed = new Map();
    }

    snapshot(): InjectedFailuresSnapshot {
        return Object.fromEntries(this.consumed);
    }

    restore(snapshot: InjectedFailuresSnapshot): void {
        this.consumed = new Map(Object.entries(snapshot));
    }
}
