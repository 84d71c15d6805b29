import { ServiceError } from "../../service-error";
import type { Caller } from "../../service";
import { stringMember } from "../input";
import { Organisation } from "../organisation";
import type { Inspector2Runtime } from "../runtime";
import { memberShape } from "./member-shape";

/**
 * GetMember: the delegated administrator may read any of its members, a member only itself. An administrator
 * asking for an account outside its organisation gets ResourceNotFoundException; anyone else AccessDenied.
 */
export function getMember(
    runtime: Inspector2Runtime,
    input: Record<string, unknown>,
    caller: Caller,
): Record<string, unknown> {
    const organisation = Organisation.of(runtime.context.settings().accounts);
    const administrator = organisation.administrator;
    const accountId = stringMember(input, "accountId") ?? "";
    const target = organisation.account(accountId);
    const isMember = administrator !== undefined && organisation.isMember(accountId);

    if (organisation.isAdministrator(caller.accountId)) {
        if (!isMember || !target) {
            throw new ServiceError(
                "ResourceNotFoundException",
                404,
                `Account ${accountId} is not a member of the organisation of delegated administrator ${caller.accountId}.`,
            );
        }
        return { member: memberShape(runtime, target, caller.accountId) };
    }
    if (caller.accountId === accountId && isMember && target && administrator) {
        return { member: memberShape(runtime, target, administrator.accountId) };
    }
    throw new ServiceError(
        "AccessDeniedException",
        403,
        `Account ${caller.accountId} may not read member ${accountId}: only the delegated administrator reads ` +
            `its members, and a member only itself.`,
    );
}
