import assert from "node:assert/strict";
import { callAws } from "../../provider/aws/call";
import { AwsCallError } from "../../provider/aws/errors";
import type { FailedAccount, Status } from "../../provider/enablement/account-status";
import {
    describeFailedAccount,
    describePolicy,
    describeShortfall,
    explainCall,
    failureHint,
    failureKind,
    type FailureKind,
    organizationPolicyId,
    policyManagedTypes,
    type Shortfall,
} from "../../provider/enablement/errors";
import { testContext } from "../support/test-context";

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
        "an AWS Organizations Inspector policy manages this scan type for the account, so Inspector refuses to " +
            "change it; change the policy in AWS Organizations, or remove the type or the account from this resource",
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
                "providers (the AWS credentials from " +
                "the default credential chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, the shared files, " +
                "SSO, the container's or the instance's role) were missing or refused: set the stack's aws:profile, or " +
                "aws:accessKey and aws:secretKey (as secrets), or configure the default credential chain " +
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
    // Through callAws, as every Inspector call of the resource goes: five attempts for what is worth retrying.
    const target = { service: "inspector2", operation: "Enable", region: "eu-west-1" } as const;
    const context = testContext({ policy: { retryAttempts: 5, retryDelayMs: 1, maxPollMs: 2 } });
    for (const [name, error, message] of callErrors) {
        it(`explains ${name}`, async () => {
            const described = await callAws(context, target, () => Promise.reject(error), {
                explain: explainCall(target),
            }).then(
                () => assert.fail("the call succeeded"),
                (failure: unknown) => failure,
            );
            assert.ok(described instanceof AwsCallError);
            assert.equal(described.message, message);
            assert.equal(described.cause, error);
        });
    }
});

// [code, status, when enabling, when disabling]
const table: [string, Status | undefined, FailureKind, FailureKind][] = [
    ["ALREADY_ENABLED", undefined, "done", "permanent"],
    ["ENABLE_IN_PROGRESS", undefined, "wait", "retry"],
    ["DISABLE_IN_PROGRESS", undefined, "retry", "wait"],
    ["SUSPEND_IN_PROGRESS", undefined, "retry", "retry"],
    ["INTERNAL_ERROR", undefined, "retry", "retry"],
    ["SSM_UNAVAILABLE", undefined, "retry", "retry"],
    ["SSM_THROTTLED", undefined, "retry", "retry"],
    ["EVENTBRIDGE_UNAVAILABLE", undefined, "retry", "retry"],
    ["EVENTBRIDGE_THROTTLED", undefined, "retry", "retry"],
    ["ACCESS_DENIED", undefined, "retry-few", "retry-few"],
    ["ACCESS_DENIED", "ENABLED", "retry-few", "retry-few"],
    ["ACCESS_DENIED", "SUSPENDED", "permanent", "gone"],
    ["ACCESS_DENIED", "SUSPENDING", "permanent", "gone"],
    ["RESOURCE_NOT_FOUND", undefined, "permanent", "gone"],
    ["ACCOUNT_IS_ISOLATED", "DISABLED", "permanent", "gone"],
    ["BLOCKED_BY_ORGANIZATION_POLICY", undefined, "policy", "policy"],
    ["BLOCKED_BY_ORGANIZATION_POLICY", "ENABLED", "policy", "policy"],
    ["EC2_SSM_RESOURCE_DATA_SYNC_LIMIT_EXCEEDED", undefined, "permanent", "permanent"],
    ["EC2_SSM_ASSOCIATION_VERSION_LIMIT_EXCEEDED", undefined, "permanent", "permanent"],
    ["RESOURCE_SCAN_NOT_DISABLED", undefined, "permanent", "permanent"],
    ["DISASSOCIATE_ALL_MEMBERS", undefined, "permanent", "permanent"],
    ["A_CODE_FROM_THE_FUTURE", undefined, "permanent", "permanent"],
];

describe("enablement account failure kinds", () => {
    for (const [code, status, enabling, disabling] of table) {
        const label = status ? `${code} (${status})` : code;
        it(`${label}: ${enabling} when enabling, ${disabling} when disabling`, () => {
            assert.equal(failureKind("enable", failure(code, status)), enabling);
            assert.equal(failureKind("disable", failure(code, status)), disabling);
        });
    }
});

const BASE: Shortfall = {
    label: "scanning",
    action: "enable",
    region: "eu-west-1",
    totalAccounts: 4,
    failures: [],
    unsettled: [],
    waitTimeoutSeconds: 900,
    closing: "closing words",
};

describe("enablement shortfall messages", () => {
    it("lists each failed account by ID with code, message and hint", () => {
        const { message, reasons } = describeShortfall({
            ...BASE,
            failures: [
                { accountId: "777788889999", errorCode: "ACCOUNT_IS_ISOLATED", errorMessage: "isolated" },
                { accountId: "123456789012", errorCode: "SSM_THROTTLED", errorMessage: "slow down" },
            ],
        });
        assert.deepEqual(reasons, [
            "123456789012: SSM_THROTTLED: slow down (a temporary Inspector failure outlasted the retries; run " +
                "pulumi up again)",
            "777788889999: ACCOUNT_IS_ISOLATED: isolated (AWS has isolated this account; resolve it with AWS " +
                "Support or remove it from accountIds)",
        ]);
        assert.equal(
            message,
            [
                "scanning: could not enable Inspector on 2 of 4 accounts in eu-west-1:",
                `  - ${reasons[0]}`,
                `  - ${reasons[1]}`,
                "closing words",
            ].join("\n"),
        );
    });

    it("says which accounts were still changing at the timeout, listing ten", () => {
        const unsettled = Array.from({ length: 12 }, (_, i) => String(100_000_000_000 + i));
        const { message, reasons } = describeShortfall({
            ...BASE,
            action: "disable",
            totalAccounts: 20,
            unsettled,
        });
        const listed = unsettled.slice(0, 10).join(", ");
        assert.deepEqual(reasons, [
            `12 of 20 accounts were still disabling when waitTimeoutSeconds (900) ran out: ${listed} and 2 more; ` +
                "run pulumi up again to continue, or raise waitTimeoutSeconds",
        ]);
        assert.equal(
            message,
            `scanning: did not finish disabling Inspector in eu-west-1:\n  - ${reasons[0]}\nclosing words`,
        );
    });

    it("counts one account in the singular", () => {
        const { message, reasons } = describeShortfall({
            ...BASE,
            action: "enable",
            totalAccounts: 1,
            failures: [{ accountId: "777788889999", errorCode: "ACCESS_DENIED", errorMessage: "denied" }],
            unsettled: ["777788889999"],
        });
        assert.match(message, /^scanning: could not enable Inspector on 1 of 1 account in eu-west-1:/);
        assert.match(reasons[1], /^1 of 1 account was still enabling when/);
    });

    it("names the call that stopped the operation", () => {
        const { reasons } = describeShortfall({
            ...BASE,
            action: "update",
            interruption: new Error("Enable failed"),
        });
        assert.deepEqual(reasons, ["stopped early: Enable failed"]);
    });
});

describe("enablement organisation policy refusals (BLOCKED_BY_ORGANIZATION_POLICY)", () => {
    const blocked = (errorMessage: string): FailedAccount => ({
        accountId: "444455556666",
        errorCode: "BLOCKED_BY_ORGANIZATION_POLICY",
        errorMessage,
    });
    const cases: { message: string; policy?: string; types: string[] }[] = [
        {
            message:
                "EC2 scanning of account 444455556666 is managed by AWS Organizations Inspector policy p-ec2only1",
            policy: "p-ec2only1",
            types: ["EC2"],
        },
        {
            message:
                "LAMBDA_CODE scanning of account 444455556666 is managed by AWS Organizations Inspector policy p-0123456789abcdef",
            policy: "p-0123456789abcdef",
            types: ["LAMBDA_CODE"],
        },
        {
            message: "LAMBDA and ECR are managed by policy p-Mixed_Case_9",
            policy: "p-Mixed_Case_9",
            types: ["ECR", "LAMBDA"],
        },
        // Neither a policy nor a type named: the call's types, and a general phrase.
        { message: "Blocked by an organization policy", types: ["EC2", "ECR"] },
        // "p-short" is too short to be a policy ID.
        { message: "Blocked by p-short", types: ["EC2", "ECR"] },
    ];
    for (const { message, policy, types } of cases) {
        it(`${message}: ${policy ?? "no policy"}, ${types.join(", ")}`, () => {
            const failure = blocked(message);
            assert.equal(organizationPolicyId(failure), policy);
            assert.deepEqual(policyManagedTypes(failure, ["EC2", "ECR"]), types);
            assert.equal(
                describePolicy(failure),
                policy
                    ? `AWS Organizations Inspector policy ${policy}`
                    : "an AWS Organizations Inspector policy",
            );
            assert.ok(failureHint(failure).startsWith(`${describePolicy(failure)} manages this scan type`));
        });
    }

    it("the failed account's line names the policy twice: Inspector's words and the hint", () => {
        assert.equal(
            describeFailedAccount(blocked(cases[0].message)),
            "444455556666: BLOCKED_BY_ORGANIZATION_POLICY: EC2 scanning of account 444455556666 is managed by AWS " +
                "Organizations Inspector policy p-ec2only1 (AWS Organizations Inspector policy p-ec2only1 manages " +
                "this scan type for the account, so Inspector refuses to change it; change the policy in AWS " +
                "Organizations, or remove the type or the account from this resource)",
        );
    });
});
