import { ServiceError } from "../../service-error";
import type { Caller } from "../../service";
import { booleanMember, numberMember, stringMember } from "../input";
import { relationshipStatus } from "../member-records";
import { Organisation } from "../organisation";
import { paginate } from "../pagination";
import type { Inspector2Runtime } from "../runtime";
import { memberShape } from "./member-shape";

/** The model's largest page size for ListMembers, used when the caller gives none. */
const MAX_RESULTS = 50;

/**
 * ListMembers: the delegated administrator's member accounts, ordered by account ID. `onlyAssociated` (the
 * default) leaves out members whose relationship is not ENABLED, such as suspended accounts.
 */
export function listMembers(
    runtime: Inspector2Runtime,
    input: Record<string, unknown>,
    caller: Caller,
): Record<string, unknown> {
    const organisation = Organisation.of(runtime.context.settings().accounts);
    if (!organisation.isAdministrator(caller.accountId)) {
        throw new ServiceError(
            "AccessDeniedException",
            403,
            `Account ${caller.accountId} is not the delegated Inspector administrator, and only it may list members.`,
        );
    }
    const onlyAssociated = booleanMember(input, "onlyAssociated") ?? true;
    const members = onlyAssociated
        ? organisation.members.filter((member) => relationshipStatus(member) === "ENABLED")
        : organisation.members;
    const page = paginate(
        members,
        (member) => member.accountId,
        numberMember(input, "maxResults") ?? MAX_RESULTS,
        stringMember(input, "nextToken"),
    );
    const shapes = page.items.map((member) => memberShape(runtime, member, caller.accountId));
    return page.nextToken ? { members: shapes, nextToken: page.nextToken } : { members: shapes };
}
