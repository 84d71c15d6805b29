import type { Caller } from "../../service";
import type { ResourceType } from "../../settings/settings";
import { changeAccounts } from "../change-accounts";
import { requestFingerprint, type TokenScope } from "../idempotency";
import { stringListMember, stringMember } from "../input";
import type { Inspector2Runtime } from "../runtime";
import { targetAccountIds } from "../target-accounts";
import { fieldValidationError } from "../validation-error";

/**
 * Enable: starts scanning the resource types in each account. A client token makes retries safe: the same token
 * with the same request replays the first answer without acting again; with another request it is refused
 * (the model lists no ConflictException for Enable, so a ValidationException says why).
 */
export function enable(
    runtime: Inspector2Runtime,
    input: Record<string, unknown>,
    caller: Caller,
): Record<string, unknown> {
    const accountIds = targetAccountIds(stringListMember(input, "accountIds"), caller.accountId);
    const resourceTypes = [...new Set(stringListMember(input, "resourceTypes") as ResourceType[])];
    const token = stringMember(input, "clientToken");
    const scope: TokenScope = { operation: "Enable", accountId: caller.accountId, region: caller.region };
    const fingerprint = requestFingerprint({ accountIds, resourceTypes });

    if (token !== undefined) {
        const check = runtime.state.tokens.check(scope, token, fingerprint);
        if (check.kind === "replay") return check.response;
        if (check.kind === "conflict") {
            throw fieldValidationError(
                "clientToken",
                `clientToken '${token}' was already used by account ${caller.accountId} in ${caller.region} for an ` +
                    `Enable with other accountIds or resourceTypes; a client token may only repeat the identical ` +
                    `request, so use a new token for a different one.`,
            );
        }
    }

    const response = { ...changeAccounts(runtime, caller, { accountIds, resourceTypes, target: "ENABLED" }) };
    runtime.context.countMutation("Enable", caller.accountId);
    if (token !== undefined) runtime.state.tokens.remember(scope, token, fingerprint, response);
    return response;
}
