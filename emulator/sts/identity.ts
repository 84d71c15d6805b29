import { createHash } from "node:crypto";
import type { AccountSettings } from "../settings/settings";
import type { RoleSession } from "./sessions";

/** Who a caller is, as GetCallerIdentity answers and AccessDenied messages name it. */
export interface Principal {
    readonly userId: string;
    readonly accountId: string;
    readonly arn: string;
}

/** The IAM user behind an account's long-term key: `arn:aws:iam::<account>:user/emulator-<role>`. */
export function userPrincipal(account: AccountSettings, accessKeyId: string): Principal {
    return {
        userId: uniqueId("AIDA", accessKeyId),
        accountId: account.accountId,
        arn: `arn:aws:iam::${account.accountId}:user/emulator-${account.role}`,
    };
}

/** The assumed-role session behind temporary credentials: `arn:aws:sts::<account>:assumed-role/<role>/<session>`. */
export function sessionPrincipal(session: RoleSession): Principal {
    return {
        userId: `${session.roleId}:${session.sessionName}`,
        accountId: session.accountId,
        arn: `arn:${session.partition}:sts::${session.accountId}:assumed-role/${session.roleName}/${session.sessionName}`,
    };
}

/**
 * An IAM unique ID (`AIDA…` for users, `AROA…` for roles): the prefix and 17 letters or digits, derived from
 * `seed` so the same user or role always has the same ID.
 */
export function uniqueId(prefix: string, seed: string): string {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    const digest = createHash("sha256").update(seed).digest();
    return prefix + [...digest.subarray(0, 17)].map((byte) => alphabet[byte % alphabet.length]).join("");
}

/** The principal that signed a request: the assumed-role session of temporary credentials, else the key's user. */
export function callerPrincipal(
    accounts: readonly AccountSettings[],
    sessions: { find(accessKeyId: string): RoleSession | undefined },
    caller: { readonly accountId: string; readonly accessKeyId: string },
): Principal {
    const session = sessions.find(caller.accessKeyId);
    if (session) return sessionPrincipal(session);
    const account = accounts.find((candidate) => candidate.accessKeyId === caller.accessKeyId);
    return userPrincipal(account ?? { accountId: caller.accountId, role: "standalone" }, caller.accessKeyId);
}
