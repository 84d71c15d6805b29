import type { AccountSettings } from "../settings/settings";

/**
 * The accounts the emulator knows, indexed for lookups by ID. The organisation has one delegated administrator:
 * the first account with the `administrator` role; every `member` account belongs to it.
 */
export class Organisation {
    private readonly byId: ReadonlyMap<string, AccountSettings>;
    readonly administrator: AccountSettings | undefined;
    /** The member accounts, ordered by account ID (the order ListMembers pages through). */
    readonly members: readonly AccountSettings[];

    private constructor(accounts: readonly AccountSettings[]) {
        this.byId = new Map(accounts.map((account) => [account.accountId, account]));
        this.administrator = accounts.find((account) => account.role === "administrator");
        this.members = accounts
            .filter((account) => account.role === "member")
            .sort((a, b) => a.accountId.localeCompare(b.accountId));
    }

    /** The organisation for a settings' account list; rebuilt only when the list changes (settings replace it). */
    static of(accounts: readonly AccountSettings[]): Organisation {
        let organisation = cache.get(accounts);
        if (!organisation) {
            organisation = new Organisation(accounts);
            cache.set(accounts, organisation);
        }
        return organisation;
    }

    account(accountId: string): AccountSettings | undefined {
        return this.byId.get(accountId);
    }

    isAdministrator(accountId: string): boolean {
        return this.administrator?.accountId === accountId;
    }

    /** Whether `accountId` belongs to the organisation (its administrator or one of its members). */
    isInOrganisation(accountId: string): boolean {
        return (
            this.isAdministrator(accountId) || (this.administrator !== undefined && this.isMember(accountId))
        );
    }

    isMember(accountId: string): boolean {
        return this.byId.get(accountId)?.role === "member";
    }

    /** Any account manages itself; the delegated administrator also manages its members. */
    mayManage(callerId: string, targetId: string): boolean {
        return callerId === targetId || (this.isAdministrator(callerId) && this.isMember(targetId));
    }
}

const cache = new WeakMap<readonly AccountSettings[], Organisation>();
