import assert from "node:assert/strict";
import type { CoveredResource, Finding } from "@aws-sdk/client-inspector2";
import {
    coverageQueries,
    coversSubject,
    describeSubject,
    findingOfSubject,
    findingQueries,
    knownResourceId,
    parseAccountId,
    parseCodeRepository,
    parseEc2Instance,
    parseImage,
    parseLambdaFunction,
    type Subject,
} from "../../provider/findings-gate/subjects";

const DIGEST = `sha256:${"a".repeat(64)}`;
const OTHER = `sha256:${"b".repeat(64)}`;
const ACCOUNT = "111122223333";
const IMAGE_ARN = `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/team/api/${DIGEST}`;

describe("FindingsGate subjects", () => {
    describe("parse what users pass", () => {
        const cases: { title: string; parse: (item: unknown) => unknown; item: unknown; subject: unknown }[] =
            [
                {
                    title: "an image URI with a digest (docker-build's repoDigest)",
                    parse: parseImage,
                    item: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/team/api@${DIGEST}`,
                    subject: {
                        kind: "image",
                        repositoryName: "team/api",
                        imageDigest: DIGEST,
                        accountId: ACCOUNT,
                        region: "us-east-1",
                    },
                },
                {
                    title: "an image URI with a tag and a digest: the tag is ignored",
                    parse: parseImage,
                    item: `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/shop:1.4.2@${DIGEST}`,
                    subject: {
                        kind: "image",
                        repositoryName: "shop",
                        imageDigest: DIGEST,
                        accountId: ACCOUNT,
                        region: "eu-west-1",
                    },
                },
                {
                    title: "a China-region image URI",
                    parse: parseImage,
                    item: `${ACCOUNT}.dkr.ecr.cn-north-1.amazonaws.com.cn/shop@${DIGEST}`,
                    subject: {
                        kind: "image",
                        repositoryName: "shop",
                        imageDigest: DIGEST,
                        accountId: ACCOUNT,
                        region: "cn-north-1",
                    },
                },
                {
                    title: "an image reference without registry",
                    parse: parseImage,
                    item: { repositoryName: "shop", imageDigest: DIGEST },
                    subject: { kind: "image", repositoryName: "shop", imageDigest: DIGEST },
                },
                {
                    title: "an image reference with registry",
                    parse: parseImage,
                    item: { repositoryName: "shop", imageDigest: DIGEST, registryId: ACCOUNT },
                    subject: {
                        kind: "image",
                        repositoryName: "shop",
                        imageDigest: DIGEST,
                        accountId: ACCOUNT,
                    },
                },
                {
                    title: "a function name",
                    parse: parseLambdaFunction,
                    item: "checkout",
                    subject: { kind: "lambdaFunction", functionName: "checkout" },
                },
                {
                    title: "a function ARN",
                    parse: parseLambdaFunction,
                    item: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:check_out-2`,
                    subject: {
                        kind: "lambdaFunction",
                        functionName: "check_out-2",
                        accountId: ACCOUNT,
                        region: "us-east-1",
                    },
                },
                {
                    title: "a GovCloud function ARN",
                    parse: parseLambdaFunction,
                    item: `arn:aws-us-gov:lambda:us-gov-west-1:${ACCOUNT}:function:checkout`,
                    subject: {
                        kind: "lambdaFunction",
                        functionName: "checkout",
                        accountId: ACCOUNT,
                        region: "us-gov-west-1",
                    },
                },
                {
                    title: "a long instance ID",
                    parse: parseEc2Instance,
                    item: "i-0123456789abcdef0",
                    subject: { kind: "ec2Instance", instanceId: "i-0123456789abcdef0" },
                },
                {
                    title: "a short instance ID",
                    parse: parseEc2Instance,
                    item: "i-0123abcd",
                    subject: { kind: "ec2Instance", instanceId: "i-0123abcd" },
                },
                {
                    title: "a code repository project",
                    parse: parseCodeRepository,
                    item: "org/payments service",
                    subject: { kind: "codeRepository", projectName: "org/payments service" },
                },
                {
                    title: "an account",
                    parse: parseAccountId,
                    item: ACCOUNT,
                    subject: { kind: "account", accountId: ACCOUNT },
                },
            ];
        for (const { title, parse, item, subject } of cases) {
            it(title, () => assert.deepEqual(parse(item), { subject }));
        }
    });

    describe("refuse what Inspector could not match, saying why", () => {
        const cases: { title: string; parse: (item: unknown) => unknown; item: unknown; reason: RegExp }[] = [
            {
                title: "a tag only",
                parse: parseImage,
                item: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/shop:latest`,
                reason: /^names tag "latest" but no digest: a tag can move/,
            },
            {
                title: "no tag, no digest",
                parse: parseImage,
                item: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/shop`,
                reason: /^names no tag but no digest/,
            },
            {
                title: "an upper-case digest",
                parse: parseImage,
                item: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/shop@${DIGEST.toUpperCase()}`,
                reason: /^has digest "SHA256:A+", which is not sha256: and 64 lower-case hex digits$/,
            },
            {
                title: "a sha512 digest",
                parse: parseImage,
                item: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/shop@sha512:${"a".repeat(128)}`,
                reason: /^has digest "sha512:a+", which is not sha256/,
            },
            {
                title: "an upper-case repository",
                parse: parseImage,
                item: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/Shop@${DIGEST}`,
                reason: /^has repositoryName "Shop", which is not an ECR repository name/,
            },
            { title: "a number as image", parse: parseImage, item: 42, reason: /^is not an image: use / },
            { title: "a list as image", parse: parseImage, item: [DIGEST], reason: /^is not an image: use / },
            {
                title: "a qualified function ARN",
                parse: parseLambdaFunction,
                item: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:checkout:7`,
                reason: /^is qualified with "7": Inspector reports findings per function/,
            },
            {
                title: "a function name too long",
                parse: parseLambdaFunction,
                item: "f".repeat(65),
                reason: /^is not a Lambda function name or ARN/,
            },
            {
                title: "a function that is no string",
                parse: parseLambdaFunction,
                item: {},
                reason: /^is not a Lambda function: /,
            },
            {
                title: "an AMI as instance",
                parse: parseEc2Instance,
                item: "ami-0123456789abcdef0",
                reason: /^is not an EC2 instance ID/,
            },
            {
                title: "an empty project",
                parse: parseCodeRepository,
                item: "",
                reason: /^is not a code repository project name/,
            },
            {
                title: "an 11-digit account",
                parse: parseAccountId,
                item: "11112222333",
                reason: /^is not an account ID/,
            },
            {
                title: "an account as number",
                parse: parseAccountId,
                item: 111122223333,
                reason: /^is not an account ID/,
            },
        ];
        for (const { title, parse, item, reason } of cases) {
            it(title, () => {
                const parsed = parse(item) as { reason?: string };
                assert.match(parsed.reason ?? "(parsed)", reason);
            });
        }
    });

    describe("group subjects into as few List filters as the API allows", () => {
        const image = (repositoryName: string, imageDigest: string, accountId?: string): Subject => ({
            kind: "image",
            repositoryName,
            imageDigest,
            ...(accountId ? { accountId } : {}),
        });
        it("one filter per kind of lookup, values sorted and without duplicates", () => {
            const subjects: Subject[] = [
                image("team/api", DIGEST, ACCOUNT),
                image("shop", OTHER),
                image("web", OTHER),
                { kind: "lambdaFunction", functionName: "checkout" },
                { kind: "lambdaFunction", functionName: "billing", accountId: ACCOUNT },
                { kind: "ec2Instance", instanceId: "i-0123abcd" },
                { kind: "codeRepository", projectName: "payments" },
                { kind: "account", accountId: "444455556666" },
            ];
            assert.deepEqual(coverageQueries(subjects, "us-east-1"), [
                { field: "resourceId", values: [IMAGE_ARN, "i-0123abcd"] },
                {
                    field: "ecrRepositoryName",
                    values: ["shop", "web"],
                    resourceType: "AWS_ECR_CONTAINER_IMAGE",
                },
                {
                    field: "lambdaFunctionName",
                    values: ["billing", "checkout"],
                    resourceType: "AWS_LAMBDA_FUNCTION",
                },
                { field: "codeRepositoryProjectName", values: ["payments"], resourceType: "CODE_REPOSITORY" },
            ]);
            assert.deepEqual(findingQueries(subjects, "us-east-1"), [
                { field: "resourceId", values: [IMAGE_ARN, "i-0123abcd"] },
                { field: "ecrImageHash", values: [OTHER] },
                { field: "lambdaFunctionName", values: ["billing", "checkout"] },
                { field: "codeRepositoryProjectName", values: ["payments"] },
                { field: "awsAccountId", values: ["444455556666"] },
            ]);
        });

        it("no filter of their own for resources of a gated account", () => {
            const subjects: Subject[] = [
                image("team/api", DIGEST, ACCOUNT),
                image("shop", OTHER),
                { kind: "lambdaFunction", functionName: "billing", accountId: ACCOUNT },
                { kind: "account", accountId: ACCOUNT },
            ];
            assert.deepEqual(findingQueries(subjects, "us-east-1"), [
                { field: "ecrImageHash", values: [OTHER] },
                { field: "awsAccountId", values: [ACCOUNT] },
            ]);
        });

        it("ten values per filter at most", () => {
            const functions: Subject[] = Array.from({ length: 23 }, (_, index) => ({
                kind: "lambdaFunction",
                functionName: `fn-${String(index).padStart(2, "0")}`,
            }));
            const queries = findingQueries(functions, "us-east-1");
            assert.deepEqual(
                queries.map((query) => query.values.length),
                [10, 10, 3],
            );
            assert.deepEqual(queries[2].values, ["fn-20", "fn-21", "fn-22"]);
        });

        it("no resources, no coverage filter", () => {
            assert.deepEqual(coverageQueries([{ kind: "account", accountId: ACCOUNT }], "us-east-1"), []);
        });

        it("ARNs in the partition of the region", () => {
            const subject = image("shop", DIGEST, ACCOUNT);
            assert.equal(
                knownResourceId(subject as never, "cn-north-1"),
                `arn:aws-cn:ecr:cn-north-1:${ACCOUNT}:repository/shop/${DIGEST}`,
            );
            assert.equal(
                describeSubject(
                    { kind: "lambdaFunction", functionName: "f", accountId: ACCOUNT },
                    "us-gov-east-1",
                ),
                `arn:aws-us-gov:lambda:us-gov-east-1:${ACCOUNT}:function:f`,
            );
            assert.equal(describeSubject(image("shop", DIGEST), "us-east-1"), `shop@${DIGEST}`);
        });
    });

    describe("match records to subjects", () => {
        const covered = (resourceType: string, resourceId: string, extra: Partial<CoveredResource> = {}) =>
            ({
                resourceType,
                resourceId,
                accountId: ACCOUNT,
                scanType: "PACKAGE",
                ...extra,
            }) as CoveredResource;
        const coverageCases: {
            title: string;
            subject: Subject;
            record: CoveredResource;
            matches: boolean;
        }[] = [
            {
                title: "an image by repository and digest, any account",
                subject: { kind: "image", repositoryName: "team/api", imageDigest: DIGEST },
                record: covered("AWS_ECR_CONTAINER_IMAGE", IMAGE_ARN),
                matches: true,
            },
            {
                title: "not an image of another repository with the same digest",
                subject: { kind: "image", repositoryName: "api", imageDigest: DIGEST },
                record: covered("AWS_ECR_CONTAINER_IMAGE", IMAGE_ARN),
                matches: false,
            },
            {
                title: "not an image of another account",
                subject: {
                    kind: "image",
                    repositoryName: "team/api",
                    imageDigest: DIGEST,
                    accountId: "444455556666",
                },
                record: covered("AWS_ECR_CONTAINER_IMAGE", IMAGE_ARN),
                matches: false,
            },
            {
                title: "a function by the name in its metadata",
                subject: { kind: "lambdaFunction", functionName: "checkout" },
                record: covered(
                    "AWS_LAMBDA_FUNCTION",
                    "arn:aws:lambda:us-east-1:111122223333:function:checkout:$LATEST",
                    {
                        resourceMetadata: { lambdaFunction: { functionName: "checkout" } },
                    },
                ),
                matches: true,
            },
            {
                title: "a function by the name in its ARN",
                subject: { kind: "lambdaFunction", functionName: "checkout", accountId: ACCOUNT },
                record: covered(
                    "AWS_LAMBDA_FUNCTION",
                    "arn:aws:lambda:us-east-1:111122223333:function:checkout",
                ),
                matches: true,
            },
            {
                title: "not a function of another account",
                subject: { kind: "lambdaFunction", functionName: "checkout", accountId: "444455556666" },
                record: covered(
                    "AWS_LAMBDA_FUNCTION",
                    "arn:aws:lambda:us-east-1:111122223333:function:checkout",
                ),
                matches: false,
            },
            {
                title: "an instance by ID",
                subject: { kind: "ec2Instance", instanceId: "i-0123abcd" },
                record: covered("AWS_EC2_INSTANCE", "i-0123abcd"),
                matches: true,
            },
            {
                title: "a code repository by project",
                subject: { kind: "codeRepository", projectName: "payments" },
                record: covered("CODE_REPOSITORY", "arn:something", {
                    resourceMetadata: {
                        codeRepository: {
                            projectName: "payments",
                            providerType: "GITHUB",
                            providerTypeVisibility: "PRIVATE",
                        },
                    },
                }),
                matches: true,
            },
        ];
        for (const { title, subject, record, matches } of coverageCases) {
            it(`coverage: ${title}`, () => assert.equal(coversSubject(subject as never, record), matches));
        }

        const finding = (type: string, id: string, details: object = {}, awsAccountId = ACCOUNT) =>
            ({ awsAccountId, resources: [{ type, id, details }] }) as unknown as Finding;
        const findingCases: { title: string; subject: Subject; record: Finding; matches: boolean }[] = [
            {
                title: "an image by its details",
                subject: {
                    kind: "image",
                    repositoryName: "team/api",
                    imageDigest: DIGEST,
                    accountId: ACCOUNT,
                },
                record: finding("AWS_ECR_CONTAINER_IMAGE", IMAGE_ARN, {
                    awsEcrContainerImage: {
                        repositoryName: "team/api",
                        imageHash: DIGEST,
                        registry: ACCOUNT,
                    },
                }),
                matches: true,
            },
            {
                title: "an image by its ARN when details are missing",
                subject: { kind: "image", repositoryName: "team/api", imageDigest: DIGEST },
                record: finding("AWS_ECR_CONTAINER_IMAGE", IMAGE_ARN),
                matches: true,
            },
            {
                title: "not the same digest in another repository",
                subject: { kind: "image", repositoryName: "shop", imageDigest: DIGEST },
                record: finding("AWS_ECR_CONTAINER_IMAGE", IMAGE_ARN),
                matches: false,
            },
            {
                title: "a function by its details",
                subject: { kind: "lambdaFunction", functionName: "checkout" },
                record: finding(
                    "AWS_LAMBDA_FUNCTION",
                    "arn:aws:lambda:us-east-1:111122223333:function:checkout:$LATEST",
                    {
                        awsLambdaFunction: { functionName: "checkout" },
                    },
                ),
                matches: true,
            },
            {
                title: "not a function of another account",
                subject: { kind: "lambdaFunction", functionName: "checkout", accountId: "444455556666" },
                record: finding(
                    "AWS_LAMBDA_FUNCTION",
                    "arn:aws:lambda:us-east-1:111122223333:function:checkout",
                ),
                matches: false,
            },
            {
                title: "an instance",
                subject: { kind: "ec2Instance", instanceId: "i-0123abcd" },
                record: finding("AWS_EC2_INSTANCE", "i-0123abcd"),
                matches: true,
            },
            {
                title: "a code repository",
                subject: { kind: "codeRepository", projectName: "payments" },
                record: finding("CODE_REPOSITORY", "payments", {
                    codeRepository: { projectName: "payments" },
                }),
                matches: true,
            },
            {
                title: "any finding of an account",
                subject: { kind: "account", accountId: ACCOUNT },
                record: finding("AWS_EC2_INSTANCE", "i-0123abcd"),
                matches: true,
            },
            {
                title: "not a finding of another account",
                subject: { kind: "account", accountId: "444455556666" },
                record: finding("AWS_EC2_INSTANCE", "i-0123abcd"),
                matches: false,
            },
        ];
        for (const { title, subject, record, matches } of findingCases) {
            it(`findings: ${title}`, () => assert.equal(findingOfSubject(subject, record), matches));
        }
    });
});
