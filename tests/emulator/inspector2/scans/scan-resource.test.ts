import assert from "node:assert/strict";
import { parseResourceId, resolveScanResource } from "../../../../emulator/inspector2/scans/scan-resource";
import type { ScanResourceSettings } from "../../../../emulator/settings/settings";

const HASH = `sha256:${"d".repeat(64)}`;

describe("inspector2 scan resources", () => {
    const ids: readonly [ScanResourceSettings["resourceType"], string, object | undefined][] = [
        [
            "AWS_ECR_CONTAINER_IMAGE",
            `arn:aws:ecr:eu-west-1:444455556666:repository/team/api/${HASH}`,
            { region: "eu-west-1", accountId: "444455556666", repositoryName: "team/api", imageHash: HASH },
        ],
        ["AWS_ECR_CONTAINER_IMAGE", `arn:aws:ecr:eu-west-1:444455556666:repository/Team/${HASH}`, undefined],
        ["AWS_ECR_CONTAINER_IMAGE", "arn:aws:ecr:eu-west-1:444455556666:repository/team", undefined],
        [
            "AWS_LAMBDA_FUNCTION",
            "arn:aws:lambda:us-west-2:111122223333:function:my_fn-1",
            { region: "us-west-2", accountId: "111122223333", functionName: "my_fn-1" },
        ],
        ["AWS_LAMBDA_FUNCTION", "arn:aws:lambda:us-west-2:111122223333:function:fn:live", undefined],
        ["AWS_EC2_INSTANCE", "i-0123abcd", {}],
        ["AWS_EC2_INSTANCE", "i-0123456789abcdef0", {}],
        ["AWS_EC2_INSTANCE", "i-0123456789", undefined],
        ["CODE_REPOSITORY", "payments", {}],
        ["CODE_REPOSITORY", "", undefined],
    ];
    for (const [type, id, parts] of ids) {
        it(`${parts ? "reads" : "refuses"} the ${type} ID ${JSON.stringify(id)}`, () => {
            assert.deepEqual(parseResourceId(type, id), parts);
        });
    }

    it("fills in the account, region and details from an ARN", () => {
        const resource = resolveScanResource(
            {
                resourceType: "AWS_ECR_CONTAINER_IMAGE",
                resourceId: `arn:aws:ecr:eu-west-1:444455556666:repository/web/${HASH}`,
            },
            "us-east-1",
        );
        assert.deepEqual(
            [resource.accountId, resource.region, resource.scannedBy, resource.ecrImage],
            ["444455556666", "eu-west-1", "ECR", { repositoryName: "web", imageHash: HASH, imageTags: [] }],
        );
    });

    it("puts an instance without account or region in the administrator's account and the default region", () => {
        const resource = resolveScanResource(
            { resourceType: "AWS_EC2_INSTANCE", resourceId: "i-0123abcd" },
            "ap-south-1",
        );
        assert.deepEqual(
            [
                resource.accountId,
                resource.region,
                resource.scannedBy,
                resource.ec2Instance,
                resource.findings,
            ],
            ["111122223333", "ap-south-1", "EC2", { platform: "LINUX" }, []],
        );
    });

    it("defaults a function's runtime and a repository's project name, and reads pushedAt", () => {
        const fn = resolveScanResource(
            {
                resourceType: "AWS_LAMBDA_FUNCTION",
                resourceId: "arn:aws:lambda:us-east-1:111122223333:function:web",
                pushedAt: "2026-05-01T12:00:00Z",
            },
            "us-east-1",
        );
        assert.deepEqual(fn.lambdaFunction, { functionName: "web", runtime: "NODEJS_22_X" });
        assert.equal(fn.pushedAt, Date.parse("2026-05-01T12:00:00Z"));
        const repository = resolveScanResource(
            { resourceType: "CODE_REPOSITORY", resourceId: "web" },
            "us-east-1",
        );
        assert.deepEqual(
            [repository.codeRepository, repository.scannedBy],
            [{ projectName: "web" }, "CODE_REPOSITORY"],
        );
    });
});
