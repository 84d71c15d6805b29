import assert from "node:assert/strict";
import { explainCall } from "../../provider/findings-gate/errors";

const target = { service: "inspector2", operation: "ListFindings", region: "eu-west-1" } as const;
const error = (name: string, message: string, status: number) =>
    Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe("FindingsGate call errors", () => {
    const cases: { title: string; error: unknown; message: string | undefined }[] = [
        {
            title: "a denied call names every read permission the gate needs",
            error: error("AccessDeniedException", "not authorized", 403),
            message:
                "Inspector ListFindings failed in eu-west-1: AccessDeniedException: not authorized (the credentials " +
                "need inspector2:ListCoverage, inspector2:ListFindings, inspector2:ListFindingAggregations, " +
                "inspector2:BatchGetAccountStatus " +
                "(read-only; the gate changes nothing))",
        },
        {
            title: "a refused request says Inspector refused it",
            error: error("ValidationException", "bad filter", 400),
            message:
                "Inspector ListFindings failed in eu-west-1: ValidationException: bad filter (Inspector refused the request)",
        },
        {
            title: "throttling keeps the shared message",
            error: error("ThrottlingException", "slow down", 429),
            message: undefined,
        },
        {
            title: "a 5xx keeps the shared message",
            error: error("InternalServerException", "oops", 500),
            message: undefined,
        },
    ];
    for (const { title, error: given, message } of cases) {
        it(title, () => assert.equal(explainCall(target)(given), message));
    }
});
