import assert from "node:assert/strict";
import { DeleteAssessmentRunCommand, StartAssessmentRunCommand } from "@aws-sdk/client-inspector";
import { ADMIN_ACCOUNT, ClassicHarness, expectClassicError, STANDALONE_ACCOUNT } from "../classic-harness";
import { createTemplate, describeRun, startRun, UNTIL_FINISHED_MS } from "../sdk-fixtures";

describe("Classic StartAssessmentRun", () => {
    let harness: ClassicHarness;
    before(async () => {
        harness = await ClassicHarness.start();
    });
    after(() => harness.close());
    beforeEach(() => harness.reset({ outcome: "COMPLETED" }));

    it("starts a run of the template under the template's ARN, named like AWS names it", async () => {
        const client = harness.client();
        const runArn = await startRun(client, harness.templateArn);
        assert.match(runArn, new RegExp(`^${harness.templateArn}/run/0-[A-Za-z0-9]{8}$`));
        const run = await describeRun(client, runArn);
        assert.equal(run.name, `Run - emulator-default-template - ${new Date(harness.now()).toISOString()}`);
        assert.equal(run.state, "CREATED");
        assert.equal(run.assessmentTemplateArn, harness.templateArn);
        assert.equal(run.durationInSeconds, 3600);
        assert.equal(run.rulesPackageArns?.length, 4);
        const mutations = harness.running.admin.mutations();
        assert.deepEqual(
            mutations.map(({ service, operation, accountId }) => ({ service, operation, accountId })),
            [{ service: "inspector", operation: "StartAssessmentRun", accountId: ADMIN_ACCOUNT }],
        );
    });

    it("keeps run names unique per template", async () => {
        const client = harness.client();
        const first = await startRun(client, harness.templateArn, "nightly");
        harness.advance(UNTIL_FINISHED_MS);
        const error = await expectClassicError(
            startRun(client, harness.templateArn, "nightly"),
            "InvalidInputException",
            { errorCode: "ASSESSMENT_TEMPLATE_NAME_ALREADY_TAKEN", canRetry: false },
        );
        assert.equal(
            error.message,
            `assessmentRunName "nightly" is already taken: run names must be unique per assessment template (${harness.templateArn})`,
        );

        const other = await createTemplate(client, { targetName: "other" });
        await startRun(client, other, "nightly");
        await client.send(new DeleteAssessmentRunCommand({ assessmentRunArn: first }));
        await startRun(client, harness.templateArn, "nightly");
    });

    it("refuses a run while the target's agents run another, naming them", async () => {
        const client = harness.client();
        const running = await startRun(client, harness.templateArn, "first");
        const error = await expectClassicError(
            startRun(client, harness.templateArn, "second"),
            "AgentsAlreadyRunningAssessmentException",
            { agentsTruncated: false, canRetry: true },
        );
        const agents = error.agents as { agentId: string; assessmentRunArn: string }[];
        assert.ok(agents.length >= 1 && agents.length <= 3);
        for (const agent of agents) {
            assert.match(agent.agentId, /^i-[0-9a-f]{17}$/);
            assert.equal(agent.assessmentRunArn, running);
        }
        const targetArn = harness.templateArn.split("/template/")[0];
        assert.equal(
            error.message,
            `assessmentTemplateArn "${harness.templateArn}" cannot start: the agents of its target ${targetArn} are already running assessment run ${running}`,
        );

        harness.advance(UNTIL_FINISHED_MS);
        assert.equal((await describeRun(client, running)).state, "COMPLETED");
        await startRun(client, harness.templateArn, "second");
    });

    it("refuses more runs in progress than the account may have, in any target", async () => {
        harness.running.admin.updateSettings({ classic: { maxConcurrentRuns: 2 } });
        const client = harness.client();
        const templates = [
            harness.templateArn,
            await createTemplate(client, { targetName: "web" }),
            await createTemplate(client, { targetName: "db" }),
        ];
        await startRun(client, templates[0]);
        await startRun(client, templates[1]);
        const error = await expectClassicError(startRun(client, templates[2]), "LimitExceededException", {
            errorCode: "ASSESSMENT_RUN_LIMIT_EXCEEDED",
            canRetry: true,
        });
        assert.equal(
            error.message,
            `assessmentTemplateArn "${templates[2]}" cannot start: account ${ADMIN_ACCOUNT} already has 2 assessment runs in progress in region us-east-1, the limit is 2`,
        );

        const standalone = harness.client({ accountId: STANDALONE_ACCOUNT });
        await startRun(standalone, await createTemplate(standalone, { targetName: "alone" }));

        harness.advance(UNTIL_FINISHED_MS);
        await startRun(client, templates[2]);
    });

    it("answers NoSuchEntityException for a template that does not exist", async () => {
        const missing = `${harness.templateArn.slice(0, -8)}Missing0`;
        const error = await expectClassicError(startRun(harness.client(), missing), "NoSuchEntityException", {
            errorCode: "ASSESSMENT_TEMPLATE_DOES_NOT_EXIST",
            canRetry: false,
        });
        assert.equal(
            error.message,
            `assessmentTemplateArn "${missing}" names no assessment template of account ${ADMIN_ACCOUNT} in region us-east-1`,
        );
    });

    it("answers InvalidInputException for what is not a template ARN", async () => {
        const targetArn = harness.templateArn.split("/template/")[0];
        const error = await expectClassicError(
            harness.client().send(new StartAssessmentRunCommand({ assessmentTemplateArn: targetArn })),
            "InvalidInputException",
            { errorCode: "INVALID_ASSESSMENT_TEMPLATE_ARN", canRetry: false },
        );
        assert.equal(
            error.message,
            `assessmentTemplateArn "${targetArn}" is not an assessment template ARN: it must look like arn:aws:inspector:<region>:<account>:target/0-<id>/template/0-<id>`,
        );
    });

    it("does not find another account's or region's template", async () => {
        const standalone = harness.client({ accountId: STANDALONE_ACCOUNT });
        const error = await expectClassicError(
            startRun(standalone, harness.templateArn),
            "NoSuchEntityException",
            {
                errorCode: "ASSESSMENT_TEMPLATE_DOES_NOT_EXIST",
            },
        );
        assert.match(error.message, new RegExp(`of account ${STANDALONE_ACCOUNT} in region us-east-1$`));

        const elsewhere = harness.client({ region: "eu-west-1" });
        const regional = await expectClassicError(
            startRun(elsewhere, harness.templateArn),
            "NoSuchEntityException",
            {
                errorCode: "ASSESSMENT_TEMPLATE_DOES_NOT_EXIST",
            },
        );
        assert.match(regional.message, /of account 111122223333 in region eu-west-1$/);
    });
});
