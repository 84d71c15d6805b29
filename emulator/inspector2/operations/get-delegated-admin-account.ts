import { ServiceError } from "../../service-error";
import type { Caller } from "../../service";
import { Organisation } from "../organisation";
import type { Inspector2Runtime } from "../runtime";

/** GetDelegatedAdminAccount: the organisation's delegated administrator, for any account in the organisation. */
export function getDelegatedAdminAccount(
    runtime: Inspector2Runtime,
    _input: Record<string, unknown>,
    caller: Caller,
): Record<string, unknown> {
    const organisation = Organisation.of(runtime.context.settings().accounts);
    const administrator = organisation.administrator;
    if (!administrator || !organisation.isInOrganisation(caller.accountId)) {
        throw new ServiceError(
            "ResourceNotFoundException",
            404,
            `Account ${caller.accountId} is in no organisation with a delegated Inspector administrator.`,
        );
    }
    return { delegatedAdmin: { accountId: administrator.accountId, relationshipStatus: "ENABLED" } };
}
