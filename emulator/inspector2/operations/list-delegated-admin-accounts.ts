import type { Caller } from "../../service";
import { numberMember, stringMember } from "../input";
import { Organisation } from "../organisation";
import { paginate } from "../pagination";
import type { Inspector2Runtime } from "../runtime";

/** The model's largest (and so default) page size for ListDelegatedAdminAccounts. */
const MAX_RESULTS = 5;

/** ListDelegatedAdminAccounts: the delegated administrator of the caller's organisation; none outside one. */
export function listDelegatedAdminAccounts(
    runtime: Inspector2Runtime,
    input: Record<string, unknown>,
    caller: Caller,
): Record<string, unknown> {
    const organisation = Organisation.of(runtime.context.settings().accounts);
    const administrators =
        organisation.administrator && organisation.isInOrganisation(caller.accountId)
            ? [{ accountId: organisation.administrator.accountId, status: "ENABLED" }]
            : [];
    const page = paginate(
        administrators,
        (admin) => admin.accountId,
        numberMember(input, "maxResults") ?? MAX_RESULTS,
        stringMember(input, "nextToken"),
    );
    return page.nextToken
        ? { delegatedAdminAccounts: page.items, nextToken: page.nextToken }
        : { delegatedAdminAccounts: page.items };
}
