import type { AccountSettings } from "../../settings/settings";
import { relationshipStatus } from "../member-records";
import type { Inspector2Runtime } from "../runtime";

/** The model's `Member` for a member account; `updatedAt` is epoch seconds, restJson1's timestamp form. */
export function memberShape(
    runtime: Inspector2Runtime,
    member: AccountSettings,
    administratorId: string,
): Record<string, unknown> {
    const status = relationshipStatus(member);
    const updatedAtMs = runtime.state.members.updatedAt(member.accountId, status, runtime.context.now());
    return {
        accountId: member.accountId,
        relationshipStatus: status,
        delegatedAdminAccountId: administratorId,
        updatedAt: updatedAtMs / 1000,
    };
}
