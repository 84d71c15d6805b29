import assert from "node:assert/strict";
import type { FailedAccount, Status } from "../../provider/enablement/account-status";
import { describeCallError, describeFailedAccount, failureHint } from "../../provider/enablement/errors";

function failure(errorCode: string, status?: Status): FailedAccount {
    return {
        accountId: "444455556666",
        errorCode,
        errorMessage: "Inspector's words",
        ...(status ? { status } : {}),
    };
}

const hints: [string, Status | undefined, string][] = [
    [
        "ACCESS_DENIED",
        undefined,
        "the credentials' account may not manage this account: run as the organisation's delegated Inspector " +
            "administrator, make sure the account is still a member, or remove it from accountIds",
    ],
    ["ACCESS_DENIED", "SUSPENDED", "the account is suspended; remove it from accountIds"],
    [
        "ACCOUNT_IS_ISOLATED",
        undefined,
        "AWS has isolated this account; resolve it with AWS Support or remove it from accountIds",
    ],
    [
        "BLOCKED_BY_ORGANIZATION_POLICY",
        undefined,
        "an AWS Organizations policy blocks Inspector here; change the policy or remove the account from accountIds",
    ],
    [
        "RESOURCE_NOT_FOUND",
        undefined,
        "Inspector does not know this account in this region; check the account ID and the region",
    ],
    [
        "EC2_SSM_RESOURCE_DATA_SYNC_LIMIT_EXCEEDED",
        undefined,
        "the account has reached its SSM resource data sync limit; delete an unused sync, then run pulumi up again",
    ],
    [
        "EC2_SSM_ASSOCIATION_VERSION_LIMIT_EXCEEDED",
        undefined,
        "the account has reached its SSM association version limit; delete old association versions, then run " +
            "pulumi up again",
    ],
    [
        "DISASSOCIATE_ALL_MEMBERS",
        undefined,
        "the delegated administrator still has member accounts; disassociate them, then run pulumi up again",
    ],
    ["SSM_THROTTLED", undefined, "a temporary Inspector failure outlasted the retries; run pulumi up again"],
    ["INTERNAL_ERROR", undefined, "a temporary Inspector failure outlasted the retries; run pulumi up again"],
];

describe("enablement error messages", () => {
    for (const [code, status, hint] of hints) {
        it(`hints what to do about ${code}${status ? ` (${status})` : ""}`, () => {
            assert.equal(failureHint(failure(code, status)), hint);
        });
    }

    it("describes a failed account with its ID, code, Inspector's message and the hint", () => {
        assert.equal(
            describeFailedAccount(failure("ACCOUNT_IS_ISOLATED")),
            "444455556666: ACCOUNT_IS_ISOLATED: Inspector's words (AWS has isolated this account; resolve it with " +
                "AWS Support or remove it from accountIds)",
        );
    });

    const callErrors: [string, object, string][] = [
        [
            "throttling that outlasted the retries",
            { name: "ThrottlingException", message: "Rate exceeded", $metadata: { httpStatusCode: 429 } },
            "Inspector Enable failed in eu-west-1: ThrottlingException: Rate exceeded (it kept failing after 5 " +
                "attempts with back-off; run pulumi up again)",
        ],
        [
            "a server error",
            { name: "InternalServerException", message: "oops", $metadata: { httpStatusCode: 500 } },
            "Inspector Enable failed in eu-west-1: InternalServerException: oops (it kept failing after 5 attempts " +
                "with back-off; run pulumi up again)",
        ],
        [
            "missing credentials",
            { name: "CredentialsProviderError", message: "Could not load credentials from any providers" },
            "Inspector Enable failed in eu-west-1: CredentialsProviderError: Could not load credentials from any " +
                "providers (the AWS credentials were missing or refused: configure the default credential chain " +
                "(AWS_PROFILE, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, SSO or an instance role))",
        ],
        [
            "access denied to the whole call",
            { name: "AccessDeniedException", message: "not allowed", $metadata: { httpStatusCode: 403 } },
            "Inspector Enable failed in eu-west-1: AccessDeniedException: not allowed (the credentials need " +
                "inspector2:Enable, and acting on other accounts needs the organisation's delegated Inspector " +
                "administrator)",
        ],
        [
            "a validation error",
            { name: "ValidationException", message: "bad", $metadata: { httpStatusCode: 400 } },
            "Inspector Enable failed in eu-west-1: ValidationException: bad (Inspector refused the request)",
        ],
    ];
    for (const [name, error, message] of callErrors) {
        it(`explains ${name}`, () => {
            const described = describeCallError(error, "Enable", "eu-west-1", 5);
            assert.equal(described.message, message);
            assert.equal(described.cause, error);
        });
    }
});
