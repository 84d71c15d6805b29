import type { Caller } from "../../service";
import { ServiceError } from "../../service-error";
import { callerPrincipal, sessionPrincipal, uniqueId } from "../identity";
import { parseRoleArn } from "../role-arn";
import type { StsRuntime } from "../runtime";

/** The session length when the request names none, as AWS's. */
const DEFAULT_DURATION_SECONDS = 3600;
/** AWS caps sessions of a role assumed with temporary credentials (role chaining) at one hour. */
const CHAINED_MAX_DURATION_SECONDS = 3600;

/**
 * AssumeRole: temporary credentials for a role in `roles`. Any key the emulator knows may assume any declared
 * role (the emulator keeps no trust policies); a role with an external ID also needs that external ID. Anything
 * else is refused with AccessDenied, in AWS's words.
 */
export function assumeRole(
    runtime: StsRuntime,
    input: Record<string, unknown>,
    caller: Caller,
): Record<string, unknown> {
    const settings = runtime.context.settings();
    const roleArn = stringMember(input, "RoleArn") ?? "";
    const sessionName = stringMember(input, "RoleSessionName") ?? "";
    const externalId = stringMember(input, "ExternalId");
    const durationSeconds = numberMember(input, "DurationSeconds") ?? DEFAULT_DURATION_SECONDS;
    const principal = callerPrincipal(settings.accounts, runtime.sessions, caller);

    const role = settings.roles.find((candidate) => candidate.roleArn === roleArn);
    const parts = parseRoleArn(roleArn);
    if (!role || !parts || (role.externalId !== undefined && role.externalId !== externalId)) {
        throw new ServiceError(
            "AccessDenied",
            403,
            `User: ${principal.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
        );
    }
    const chained = runtime.sessions.find(caller.accessKeyId) !== undefined;
    if (chained && durationSeconds > CHAINED_MAX_DURATION_SECONDS) {
        throw new ServiceError(
            "ValidationError",
            400,
            "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
        );
    }

    const now = runtime.context.now();
    const session = runtime.sessions.issue(
        {
            accountId: parts.accountId,
            roleArn,
            roleName: parts.roleName,
            roleId: uniqueId("AROA", roleArn),
            sessionName,
            partition: parts.partition,
            expiresAt: now + durationSeconds * 1000,
        },
        now,
    );
    const sourceIdentity = stringMember(input, "SourceIdentity");
    const assumed = sessionPrincipal(session);
    return {
        Credentials: {
            AccessKeyId: session.accessKeyId,
            SecretAccessKey: session.secretAccessKey,
            SessionToken: session.sessionToken,
            Expiration: new Date(session.expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
        },
        AssumedRoleUser: { AssumedRoleId: assumed.userId, Arn: assumed.arn },
        ...(sourceIdentity !== undefined ? { SourceIdentity: sourceIdentity } : {}),
    };
}

/* The input has been validated against the model, so these only narrow the types. */

function stringMember(input: Record<string, unknown>, name: string): string | undefined {
    const value = input[name];
    return typeof value === "string" ? value : undefined;
}

function numberMember(input: Record<string, unknown>, name: string): number | undefined {
    const value = input[name];
    return typeof value === "number" ? value : undefined;
}
