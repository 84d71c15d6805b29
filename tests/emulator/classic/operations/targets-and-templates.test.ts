import assert from "node:assert/strict";
import {
    CreateAssessmentTargetCommand,
    CreateAssessmentTemplateCommand,
    CreateResourceGroupCommand,
    DescribeAssessmentTargetsCommand,
    DescribeAssessmentTemplatesCommand,
    DescribeResourceGroupsCommand,
    ListAssessmentTargetsCommand,
    ListAssessmentTemplatesCommand,
} from "@aws-sdk/client-inspector";
import { ADMIN_ACCOUNT, ClassicHarness, expectClassicError, STANDALONE_ACCOUNT } from "../classic-harness";
import { createTemplate, startRun, US_EAST_1_CIS, US_EAST_1_CVE } from "../sdk-fixtures";

describe("Classic resource groups, assessment targets and templates", () => {
    let harness: ClassicHarness;
    before(async () => {
        harness = await ClassicHarness.start();
    });
    after(() => harness.close());
    beforeEach(() => harness.reset());

    const seededTargetArn = () => harness.templateArn.split("/template/")[0];

    it("creates a resource group and a target over it, and describes both", async () => {
        const client = harness.client();
        const createdAt = harness.now();
        const tags = [{ key: "Environment", value: "prod" }, { key: "Scanned" }];
        const { resourceGroupArn } = await client.send(
            new CreateResourceGroupCommand({ resourceGroupTags: tags }),
        );
        assert.match(
            resourceGroupArn ?? "",
            /^arn:aws:inspector:us-east-1:111122223333:resourcegroup\/0-\w{8}$/,
        );
        const { assessmentTargetArn } = await client.send(
            new CreateAssessmentTargetCommand({ assessmentTargetName: "prod", resourceGroupArn }),
        );
        assert.match(assessmentTargetArn ?? "", /^arn:aws:inspector:us-east-1:111122223333:target\/0-\w{8}$/);

        const groups = await client.send(
            new DescribeResourceGroupsCommand({ resourceGroupArns: [resourceGroupArn ?? "", "nope"] }),
        );
        assert.deepEqual(groups.resourceGroups, [
            { arn: resourceGroupArn, tags, createdAt: new Date(createdAt) },
        ]);
        assert.deepEqual(groups.failedItems, { nope: { failureCode: "INVALID_ARN", retryable: false } });

        const targets = await client.send(
            new DescribeAssessmentTargetsCommand({ assessmentTargetArns: [assessmentTargetArn ?? ""] }),
        );
        assert.deepEqual(targets.assessmentTargets, [
            {
                arn: assessmentTargetArn,
                name: "prod",
                resourceGroupArn,
                createdAt: new Date(createdAt),
                updatedAt: new Date(createdAt),
            },
        ]);
        assert.deepEqual(
            harness.running.admin.mutations().map((mutation) => mutation.operation),
            ["CreateResourceGroup", "CreateAssessmentTarget"],
        );
    });

    it("keeps target names unique in the account", async () => {
        const error = await expectClassicError(
            harness
                .client()
                .send(new CreateAssessmentTargetCommand({ assessmentTargetName: "emulator-default-target" })),
            "InvalidInputException",
            { errorCode: "ASSESSMENT_TARGET_NAME_ALREADY_TAKEN", canRetry: false },
        );
        assert.equal(
            error.message,
            `assessmentTargetName "emulator-default-target" is already taken: target names must be unique in account ${ADMIN_ACCOUNT}, region us-east-1`,
        );
        const standalone = harness.client({ accountId: STANDALONE_ACCOUNT });
        await standalone.send(
            new CreateAssessmentTargetCommand({ assessmentTargetName: "emulator-default-target" }),
        );
    });

    it("refuses a target over a resource group that does not exist", async () => {
        const missing = "arn:aws:inspector:us-east-1:111122223333:resourcegroup/0-Missing0";
        const error = await expectClassicError(
            harness.client().send(
                new CreateAssessmentTargetCommand({
                    assessmentTargetName: "x",
                    resourceGroupArn: missing,
                }),
            ),
            "NoSuchEntityException",
            { errorCode: "RESOURCE_GROUP_DOES_NOT_EXIST", canRetry: false },
        );
        assert.equal(
            error.message,
            `resourceGroupArn "${missing}" names no resource group of account ${ADMIN_ACCOUNT} in region us-east-1`,
        );
    });

    it("creates templates and describes them with their run count", async () => {
        const client = harness.client();
        const { assessmentTemplateArn } = await client.send(
            new CreateAssessmentTemplateCommand({
                assessmentTargetArn: seededTargetArn(),
                assessmentTemplateName: "weekly",
                durationInSeconds: 900,
                rulesPackageArns: [US_EAST_1_CVE],
                userAttributesForFindings: [{ key: "team", value: "security" }],
            }),
        );
        assert.ok(assessmentTemplateArn);
        assert.ok(assessmentTemplateArn.startsWith(`${seededTargetArn()}/template/0-`));
        const runArn = await startRun(client, assessmentTemplateArn);

        const { assessmentTemplates, failedItems } = await client.send(
            new DescribeAssessmentTemplatesCommand({
                assessmentTemplateArns: [
                    assessmentTemplateArn,
                    `${assessmentTemplateArn.slice(0, -8)}Missing0`,
                ],
            }),
        );
        assert.deepEqual(assessmentTemplates, [
            {
                arn: assessmentTemplateArn,
                name: "weekly",
                assessmentTargetArn: seededTargetArn(),
                durationInSeconds: 900,
                rulesPackageArns: [US_EAST_1_CVE],
                userAttributesForFindings: [{ key: "team", value: "security" }],
                lastAssessmentRunArn: runArn,
                assessmentRunCount: 1,
                createdAt: new Date(harness.now()),
            },
        ]);
        assert.deepEqual(failedItems, {
            [`${assessmentTemplateArn.slice(0, -8)}Missing0`]: {
                failureCode: "ITEM_DOES_NOT_EXIST",
                retryable: false,
            },
        });
    });

    it("keeps template names unique per target", async () => {
        const client = harness.client();
        const create = (assessmentTargetArn: string) =>
            client.send(
                new CreateAssessmentTemplateCommand({
                    assessmentTargetArn,
                    assessmentTemplateName: "emulator-default-template",
                    durationInSeconds: 3600,
                    rulesPackageArns: [],
                }),
            );
        const error = await expectClassicError(create(seededTargetArn()), "InvalidInputException", {
            errorCode: "ASSESSMENT_TEMPLATE_NAME_ALREADY_TAKEN",
        });
        assert.equal(
            error.message,
            `assessmentTemplateName "emulator-default-template" is already taken: template names must be unique per assessment target (${seededTargetArn()})`,
        );
        const { assessmentTargetArn } = await client.send(
            new CreateAssessmentTargetCommand({ assessmentTargetName: "second" }),
        );
        await create(assessmentTargetArn ?? "");
    });

    it("refuses rules packages that are not the region's", async () => {
        const client = harness.client();
        const create = (rulesPackageArn: string) =>
            client.send(
                new CreateAssessmentTemplateCommand({
                    assessmentTargetArn: seededTargetArn(),
                    assessmentTemplateName: "t",
                    durationInSeconds: 3600,
                    rulesPackageArns: [US_EAST_1_CVE, rulesPackageArn],
                }),
            );
        const westCve = "arn:aws:inspector:us-west-2:758058086616:rulespackage/0-9hgA516p";
        const missing = await expectClassicError(create(westCve), "NoSuchEntityException", {
            errorCode: "RULES_PACKAGE_DOES_NOT_EXIST",
            canRetry: false,
        });
        assert.equal(
            missing.message,
            `rulesPackageArns[1] "${westCve}" is not a rules package of region us-east-1: use one that ListRulesPackages returns`,
        );
        const invalid = await expectClassicError(create("cve"), "InvalidInputException", {
            errorCode: "INVALID_RULES_PACKAGE_ARN",
        });
        assert.equal(
            invalid.message,
            'rulesPackageArns[1] "cve" is not a rules package ARN: it must look like arn:aws:inspector:<region>:<account>:rulespackage/0-<id>',
        );
    });

    it("refuses a template of a target the caller does not have", async () => {
        const standalone = harness.client({ accountId: STANDALONE_ACCOUNT });
        await expectClassicError(
            standalone.send(
                new CreateAssessmentTemplateCommand({
                    assessmentTargetArn: seededTargetArn(),
                    assessmentTemplateName: "t",
                    durationInSeconds: 3600,
                    rulesPackageArns: [],
                }),
            ),
            "NoSuchEntityException",
            { errorCode: "ASSESSMENT_TARGET_DOES_NOT_EXIST" },
        );
    });

    it("lists targets by name pattern, page by page", async () => {
        const client = harness.client();
        for (const name of ["web-1", "web-2", "db-1"]) {
            await client.send(new CreateAssessmentTargetCommand({ assessmentTargetName: name }));
        }
        const all = await client.send(new ListAssessmentTargetsCommand({}));
        assert.equal(all.assessmentTargetArns?.length, 4);
        const first = await client.send(
            new ListAssessmentTargetsCommand({
                filter: { assessmentTargetNamePattern: "web-*" },
                maxResults: 1,
            }),
        );
        assert.equal(first.assessmentTargetArns?.length, 1);
        const second = await client.send(
            new ListAssessmentTargetsCommand({
                filter: { assessmentTargetNamePattern: "web-*" },
                maxResults: 1,
                nextToken: first.nextToken,
            }),
        );
        assert.equal(second.nextToken, undefined);
        const described = await client.send(
            new DescribeAssessmentTargetsCommand({
                assessmentTargetArns: [
                    ...(first.assessmentTargetArns ?? []),
                    ...(second.assessmentTargetArns ?? []),
                ],
            }),
        );
        assert.deepEqual(
            described.assessmentTargets?.map((target) => target.name),
            ["web-1", "web-2"],
        );
    });

    it("lists templates by target and filter", async () => {
        const client = harness.client();
        const quick = await createTemplate(client, {
            targetName: "quick",
            durationInSeconds: 180,
            rulesPackageArns: [US_EAST_1_CIS],
        });
        const list = async (input: ConstructorParameters<typeof ListAssessmentTemplatesCommand>[0]) =>
            (await client.send(new ListAssessmentTemplatesCommand(input))).assessmentTemplateArns;
        assert.deepEqual(await list({}), [harness.templateArn, quick]);
        assert.deepEqual(await list({ assessmentTargetArns: [seededTargetArn()] }), [harness.templateArn]);
        assert.deepEqual(await list({ filter: { namePattern: "quick*" } }), [quick]);
        assert.deepEqual(await list({ filter: { durationRange: { minSeconds: 1800 } } }), [
            harness.templateArn,
        ]);
        assert.deepEqual(await list({ filter: { rulesPackageArns: [US_EAST_1_CVE] } }), [
            harness.templateArn,
        ]);
        assert.deepEqual(await list({ maxResults: 1 }), [harness.templateArn]);

        const error = await expectClassicError(
            list({ assessmentTargetArns: [`${seededTargetArn().slice(0, -8)}Missing0`] }),
            "NoSuchEntityException",
            { errorCode: "ASSESSMENT_TARGET_DOES_NOT_EXIST" },
        );
        assert.match(error.message, /^assessmentTargetArns\[0\] "/);
    });
});
