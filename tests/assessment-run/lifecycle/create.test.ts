import assert from "node:assert/strict";
import { ListAssessmentRunsCommand } from "@aws-sdk/client-inspector";
import { classicClient } from "../../../provider/aws/clients";
import { createRun } from "../../../provider/assessment-run/lifecycle";
import { createOtherTemplate, runInputs, useEmulator, withSingleAttemptContext } from "../emulator-fixture";
import { testContext } from "../../support/test-context";

describe("AssessmentRun create against the emulator", () => {
    const fixture = useEmulator();
    const runsOf = async (templateArn: string) =>
        (
            await classicClient("us-east-1").send(
                new ListAssessmentRunsCommand({ assessmentTemplateArns: [templateArn] }),
            )
        ).assessmentRunArns ?? [];
    const starts = () =>
        fixture.emulator.admin.calls().filter((call) => call.operation === "StartAssessmentRun");

    it("starts a run with the derived name and records what Inspector reports", async () => {
        const { emulator } = fixture;
        const inputs = runInputs(emulator.templateArn);
        const context = testContext();
        const { id, outs } = await createRun(inputs, context);

        assert.deepEqual(await runsOf(emulator.templateArn), [id]);
        assert.equal(outs.assessmentRunArn, id);
        assert.equal(outs.assessmentRunName, inputs.assessmentRunName);
        assert.match(String(outs.assessmentRunName), /^release-scan-dev-[0-9a-f]{10}$/);
        assert.equal(outs.assessmentTemplateArn, emulator.templateArn);
        assert.equal(outs.region, "us-east-1");
        assert.equal(outs.durationInSeconds, 3600);
        assert.ok((outs.rulesPackageArns as string[]).length > 0);
        assert.deepEqual(outs.findingCounts, { High: 0, Medium: 0, Low: 0, Informational: 0, Undefined: 0 });
        assert.equal(typeof outs.state, "string");
        assert.ok(!Number.isNaN(Date.parse(String(outs.createdAt))));
        assert.deepEqual(context.logs, [`${inputs.assessmentRunName}: started ${id}`]);
    });

    it("adopts the run an interrupted create already started instead of starting a second one", async () => {
        const { emulator } = fixture;
        const inputs = runInputs(emulator.templateArn, { assessmentRunName: "release-42" });
        const first = await createRun(inputs, testContext());
        // The engine never heard of `first` (the update was interrupted): it calls create again.
        const context = testContext();
        const second = await createRun(inputs, context);

        assert.equal(second.id, first.id);
        assert.equal(starts().length, 1);
        assert.deepEqual(await runsOf(emulator.templateArn), [first.id]);
        assert.match(
            context.logs[0],
            /^release-42: adopted the run an earlier update started \(arn:.*\/run\/0-\w+\), /,
        );
    });

    it("adopts when a concurrent start took the name between the lookup and the start", async () => {
        const { emulator } = fixture;
        // Slow listings let both creates look up (and find nothing) before either starts.
        emulator.admin.updateSettings({
            faults: [{ service: "inspector", operation: "ListAssessmentRuns", kind: "latency", value: 100 }],
        });
        const inputs = runInputs(emulator.templateArn, { assessmentRunName: "release-42" });
        const [a, b] = await Promise.all([
            createRun(inputs, testContext()),
            createRun(inputs, testContext()),
        ]);

        assert.equal(a.id, b.id);
        assert.deepEqual(await runsOf(emulator.templateArn), [a.id]);
        assert.deepEqual(
            starts().map((call) => call.errorCode ?? "started"),
            ["started", "InvalidInputException"],
        );
    });

    it("starts a new run when the triggers change, although the user's name stays", async () => {
        const { emulator } = fixture;
        // The old run has finished; a fresh trigger value must not adopt it.
        const old = await createRun(
            runInputs(emulator.templateArn, {
                assessmentRunName: "nightly",
                triggers: ["ami-1"],
                waitForCompletion: true,
            }),
            testContext(),
        );
        const next = await createRun(
            runInputs(emulator.templateArn, { assessmentRunName: "nightly", triggers: ["ami-2"] }),
            testContext(),
        );
        assert.notEqual(next.id, old.id);
        assert.deepEqual(
            [old.outs.assessmentRunName, next.outs.assessmentRunName].map((name) => String(name).slice(0, 8)),
            ["nightly-", "nightly-"],
        );
        assert.notEqual(old.outs.assessmentRunName, next.outs.assessmentRunName);
    });

    describe("errors say what happened and what to do", () => {
        it("a template that does not exist (NoSuchEntityException)", async () => {
            const { emulator } = fixture;
            const missing = emulator.templateArn.replace(/template\/0-\w+$/, "template/0-Missing1");
            await assert.rejects(
                createRun(runInputs(missing, { assessmentRunName: "r1" }), testContext()),
                (error: Error) => {
                    assert.match(
                        error.message,
                        new RegExp(
                            `^Assessment template ${escape(missing)} does not exist in us-east-1 for the account of these ` +
                                `credentials \\(Inspector said: ASSESSMENT_TEMPLATE_DOES_NOT_EXIST, ".*"\\)\\. Check ` +
                                `assessmentTemplateArn, the region and which AWS account the credentials belong to\\.$`,
                        ),
                    );
                    return true;
                },
            );
        });

        it("agents busy in another run (AgentsAlreadyRunningAssessmentException) names the run and agents", async () => {
            const { emulator } = fixture;
            emulator.admin.updateSettings({ classic: { timeScale: 1 } });
            const busy = await createRun(
                runInputs(emulator.templateArn, { assessmentRunName: "first" }),
                testContext(),
            );
            await assert.rejects(
                createRun(runInputs(emulator.templateArn, { assessmentRunName: "second" }), testContext()),
                (error: Error) => {
                    assert.match(
                        error.message,
                        new RegExp(
                            `^Cannot start run "second": the agents of template ${escape(emulator.templateArn)} are ` +
                                `busy in another assessment run \\(i-[0-9a-f]{17} in ${escape(busy.id)}` +
                                `(; i-[0-9a-f]{17} in ${escape(busy.id)})*\\)\\. An agent takes part in one run at a ` +
                                `time: wait for that run to finish, or stop it with "aws inspector ` +
                                `stop-assessment-run --assessment-run-arn <arn>", then run pulumi up again\\.$`,
                        ),
                    );
                    return true;
                },
            );
        });

        it("too many runs in progress (LimitExceededException)", async () => {
            const { emulator } = fixture;
            emulator.admin.updateSettings({ classic: { timeScale: 1, maxConcurrentRuns: 1 } });
            const other = await createOtherTemplate(emulator, "other");
            await createRun(runInputs(emulator.templateArn, { assessmentRunName: "first" }), testContext());
            const second = runInputs(other, { assessmentRunName: "second" });
            await withSingleAttemptContext({}, (context) =>
                assert.rejects(createRun(second, context), (error: Error) => {
                    assert.match(
                        error.message,
                        /^Cannot start run "second": this account has as many assessment runs in progress in us-east-1 as Inspector allows \(Inspector said: ASSESSMENT_RUN_LIMIT_EXCEEDED, ".*"\)\. Wait for some to finish or stop them, or ask AWS for a higher quota, then run pulumi up again\.$/,
                    );
                    return true;
                }),
            );
        });

        it("retries through a brief unavailability (ServiceTemporarilyUnavailableException)", async () => {
            const { emulator } = fixture;
            emulator.admin.updateSettings({
                faults: [
                    { service: "inspector", operation: "StartAssessmentRun", kind: "unavailable", count: 2 },
                ],
            });
            const { id } = await createRun(
                runInputs(emulator.templateArn, { assessmentRunName: "r1" }),
                testContext(),
            );
            assert.deepEqual(await runsOf(emulator.templateArn), [id]);
            assert.deepEqual(
                starts().map((call) => call.status),
                [503, 503, 200],
            );
        });

        it("a try retried after its start went through adopts that run instead of starting a second", async () => {
            const { emulator } = fixture;
            // The start succeeds, then describing the new run fails once: the whole try is made again.
            emulator.admin.updateSettings({
                faults: [
                    {
                        service: "inspector",
                        operation: "DescribeAssessmentRuns",
                        kind: "unavailable",
                        count: 1,
                    },
                ],
            });
            await withSingleAttemptContext({ retryAttempts: 3 }, async (context) => {
                const { id } = await createRun(
                    runInputs(emulator.templateArn, { assessmentRunName: "r1" }),
                    context,
                );
                assert.equal(starts().length, 1);
                assert.deepEqual(await runsOf(emulator.templateArn), [id]);
                assert.match(context.logs[0], /^r1: adopted the run an earlier update started /);
            });
        });

        it("gives up after its own bounded retries when Inspector stays unavailable", async () => {
            const { emulator } = fixture;
            emulator.admin.updateSettings({
                faults: [{ service: "inspector", operation: "StartAssessmentRun", kind: "unavailable" }],
            });
            // One SDK attempt per call, so the provider's own retry layer is what is counted.
            await withSingleAttemptContext({ retryAttempts: 3 }, async (context) => {
                await assert.rejects(
                    createRun(runInputs(emulator.templateArn, { assessmentRunName: "r1" }), context),
                    {
                        message:
                            'Inspector Classic is temporarily unavailable in us-east-1: StartAssessmentRun for run "r1" ' +
                            'failed 3 times (Inspector said: "The service is temporarily unavailable (injected fault on ' +
                            'StartAssessmentRun)"). Wait a few minutes, then run pulumi up again.',
                    },
                );
                assert.equal(starts().length, 3);
                assert.deepEqual(await runsOf(emulator.templateArn), []);
            });
        });
    });
});

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
