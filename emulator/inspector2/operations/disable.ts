import type { Caller } from "../../service";
import type { ResourceType } from "../../settings/settings";
import { changeAccounts } from "../change-accounts";
import { stringListMember } from "../input";
import { RESOURCE_TYPES } from "../resource-types";
import type { Inspector2Runtime } from "../runtime";
import { targetAccountIds } from "../target-accounts";

/**
 * Disable: stops scanning the resource types in each account. Without resource types (or with an empty list) it
 * stops every type, which turns Inspector off for the account. The model gives Disable no client token, so every
 * call acts.
 */
export function disable(
    runtime: Inspector2Runtime,
    input: Record<string, unknown>,
    caller: Caller,
): Record<string, unknown> {
    const accountIds = targetAccountIds(stringListMember(input, "accountIds"), caller.accountId);
    const listed = stringListMember(input, "resourceTypes") as readonly ResourceType[] | undefined;
    const resourceTypes = listed && listed.length > 0 ? [...new Set(listed)] : RESOURCE_TYPES;
    const response = {
        ...changeAccounts(runtime, caller, { accountIds, resourceTypes, target: "DISABLED" }),
    };
    runtime.context.countMutation("Disable", caller.accountId);
    return response;
}
