import type { Caller } from "../../service";
import { callerPrincipal } from "../identity";
import type { StsRuntime } from "../runtime";

/**
 * GetCallerIdentity: who signed the request. A long-term key answers its account and IAM user; temporary
 * credentials answer the role's account and the assumed-role session. It needs no permission, as on AWS.
 */
export function getCallerIdentity(
    runtime: StsRuntime,
    _input: Record<string, unknown>,
    caller: Caller,
): Record<string, unknown> {
    const principal = callerPrincipal(runtime.context.settings().accounts, runtime.sessions, caller);
    return { UserId: principal.userId, Account: principal.accountId, Arn: principal.arn };
}
