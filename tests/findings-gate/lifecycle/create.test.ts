import assert from "node:assert/strict";
import { PartialFailure } from "../../../provider/dynamic/partial-failure";
import { createGate, gateId } from "../../../provider/findings-gate/lifecycle";
import { testContext } from "../../support/test-context";
import {
    afterScans,
    enableScanning,
    FUNCTION_ARN,
    GATE_OPERATIONS,
    gateInputs,
    IMAGE_ARN,
    IMAGE_URI,
    INSTANCE_ID,
    inspectorCalls,
    recordingContext,
    TEST_URN,
    useGateEmulator,
} from "../emulator-fixture";

describe("FindingsGate create against the emulator", () => {
    const fixture = useGateEmulator();

    it("fails a gate the findings break, with the verdict, the worst findings and the ways past it, and records the evaluation", async () => {
        await enableScanning();
        await afterScans();
        const inputs = gateInputs({
            images: [IMAGE_URI],
            lambdaFunctions: [FUNCTION_ARN],
            failOnSeverity: "HIGH",
        });
        const context = testContext();
        const failure = await createGate(inputs, context).then(
            () => assert.fail("the gate should fail"),
            (error: unknown) => error,
        );
        assert.ok(failure instanceof PartialFailure);
        assert.equal(failure.id, gateId(TEST_URN));
        assert.match(failure.id, /^findings-gate-[0-9a-f]{16}$/);
        const lines = failure.message.split("\n");
        assert.equal(
            lines[0],
            'FindingsGate "release-gate" in us-east-1 failed over 1 image and 1 Lambda function: 4 findings at or ' +
                "above failOnSeverity HIGH (critical 1, high 3)",
        );
        assert.deepEqual(lines.slice(1, 3), [
            "Worst findings:",
            `  - CRITICAL CVE-2023-38545 in curl (fixed in 7.88.2) on ${IMAGE_ARN}: CVE-2023-38545 - curl ` +
                "https://nvd.nist.gov/vuln/detail/CVE-2023-38545",
        ]);
        assert.equal(lines.filter((line) => line.startsWith("  - HIGH ")).length, 3);
        assert.match(lines.at(-1) ?? "", /^To get past it: fix the findings and deploy/);
        assert.deepEqual(failure.reasons, [failure.message]);

        const recorded = failure.properties;
        assert.equal(recorded.passed, false);
        assert.equal(recorded.verdict, lines[0]);
        assert.deepEqual(recorded.findingCounts, { critical: 1, high: 3 });
        assert.equal((recorded.worstFindings as unknown[]).length, 4);
        assert.deepEqual(
            (recorded.resources as { resourceId: string; status: string }[]).map((r) => [
                r.resourceId,
                r.status,
            ]),
            [
                [IMAGE_ARN, "SCANNED"],
                [FUNCTION_ARN, "SCANNED"],
            ],
        );
        assert.equal(recorded.failOnSeverity, "HIGH");
        assert.deepEqual(recorded.images, [IMAGE_URI]);
        assert.ok(!Number.isNaN(Date.parse(String(recorded.evaluatedAt))));
        assert.deepEqual(context.warnings, []);
    });

    it("passes when the rules allow what was found, recording counts, resources, ignores and the verdict", async () => {
        await enableScanning();
        await afterScans();
        const inputs = gateInputs({
            images: [IMAGE_URI],
            ec2Instances: [INSTANCE_ID],
            failOnSeverity: "CRITICAL",
            thresholds: { high: 2 },
            ignore: [
                {
                    vulnerabilityId: "CVE-2023-38545",
                    reason: "curl is not used at run time",
                    expiresOn: "2999-12-31",
                },
            ],
        });
        const context = testContext();
        const { id, outs } = await createGate(inputs, context);
        assert.equal(id, gateId(TEST_URN));
        assert.equal(outs.passed, true);
        assert.deepEqual(outs.findingCounts, { critical: 0, high: 2 });
        assert.deepEqual(outs.ignoredFindings, [
            {
                vulnerabilityId: "CVE-2023-38545",
                reason: "curl is not used at run time",
                expiresOn: "2999-12-31",
                findingCount: 1,
            },
        ]);
        assert.deepEqual(
            outs.resources.map((resource) => [resource.resourceId, resource.status, resource.reason]),
            [
                [IMAGE_ARN, "SCANNED", "SUCCESSFUL"],
                [INSTANCE_ID, "UNSUPPORTED", "UNSUPPORTED_OS"],
            ],
        );
        assert.equal(
            outs.verdict,
            'FindingsGate "release-gate" in us-east-1 passed over 1 image and 1 EC2 instance: critical 0, high 2; ' +
                "1 ignored",
        );
        assert.deepEqual(context.logs, [outs.verdict]);
        assert.deepEqual(context.warnings, [
            "release-gate: Inspector does not scan 1 of the gated resources, so they have no findings: " +
                `${INSTANCE_ID} (UNSUPPORTED: UNSUPPORTED_OS)`,
        ]);
    });

    it("waits until Inspector has scanned each listed resource, asking again only about those still pending", async () => {
        // The code repository is scanned before the gate starts; the image only after some polls (its type is
        // enabled later); the instance is never scanned (UNSUPPORTED_OS) and not waited on.
        await enableScanning(["CODE_REPOSITORY", "EC2"]);
        await afterScans();
        await enableScanning(["ECR"]);
        const inputs = gateInputs({
            images: [IMAGE_URI],
            ec2Instances: [INSTANCE_ID],
            codeRepositories: ["payments"],
            failOnSeverity: "CRITICAL",
            onlyExploitAvailable: true,
            ignore: [{ vulnerabilityId: "CVE-2023-38545", reason: "r", expiresOn: "2999-01-01" }],
        });
        const { context, requests, close } = recordingContext();
        try {
            const { outs } = await createGate(inputs, context);
            assert.deepEqual(
                outs.resources.map((resource) => resource.status),
                ["SCANNED", "UNSUPPORTED", "SCANNED"],
            );
        } finally {
            close();
        }
        assert.deepEqual(context.logs.slice(0, 1), [
            `release-gate: waiting for Inspector to scan 1 of 3 resources: ${IMAGE_ARN} (PENDING_INITIAL_SCAN)`,
        ]);
        const coverage = requests.filter((request) => request.operation === "ListCoverage");
        assert.deepEqual(
            coverage.slice(0, 2).map((request) => request.input.filterCriteria),
            [
                { resourceId: [equals(IMAGE_ARN), equals(INSTANCE_ID)] },
                {
                    codeRepositoryProjectName: [equals("payments")],
                    resourceType: [equals("CODE_REPOSITORY")],
                },
            ],
        );
        assert.ok(coverage.length > 2, `${coverage.length} ListCoverage calls: the wait polled`);
        for (const poll of coverage.slice(2)) {
            assert.deepEqual(poll.input.filterCriteria, { resourceId: [equals(IMAGE_ARN)] });
        }
    });

    it("reports a resource Inspector does not cover, with why, and does not wait for it", async () => {
        await enableScanning(["ECR"]);
        await afterScans();
        const inputs = gateInputs({
            images: [IMAGE_URI],
            lambdaFunctions: ["checkout"],
            failOnSeverity: "CRITICAL",
            ignore: [{ vulnerabilityId: "CVE-2023-38545", reason: "r", expiresOn: "2999-01-01" }],
        });
        const { context, requests, close } = recordingContext();
        const { outs } = await createGate(inputs, context).finally(close);
        assert.deepEqual(outs.resources[1], {
            resourceId: "checkout",
            resourceType: "AWS_LAMBDA_FUNCTION",
            status: "NOT_COVERED",
            reason:
                "LAMBDA scanning is not enabled for account 111122223333 in us-east-1: enable it " +
                "(InspectorEnablement) or remove the function from lambdaFunctions",
        });
        assert.deepEqual(inspectorCalls(fixture.emulator, GATE_OPERATIONS), [
            "ListCoverage",
            "ListCoverage",
            "ListFindings",
            "ListFindings",
        ]);
        // The function is named without its account: one BatchGetAccountStatus for the caller's own.
        assert.deepEqual(
            requests.filter((request) => request.operation === "BatchGetAccountStatus").map((r) => r.input),
            [{}],
        );
        assert.match(context.warnings[0], /^release-gate: Inspector does not scan 1 of the gated resources/);
    });

    it("fails when waiting runs out with a resource still pending, and records what it found so far", async () => {
        fixture.emulator.admin.updateSettings({ delays: { scanMs: 60_000 } });
        await enableScanning(["ECR"]);
        const inputs = gateInputs({ images: [IMAGE_URI], failOnSeverity: "HIGH", waitTimeoutSeconds: 1 });
        const failure = await createGate(
            inputs,
            testContext({ policy: { initialPollMs: 100, maxPollMs: 200 } }),
        ).then(
            () => assert.fail("waiting should run out"),
            (error: unknown) => error,
        );
        assert.ok(failure instanceof PartialFailure);
        assert.equal(
            failure.message.split("\n")[0],
            'FindingsGate "release-gate" in us-east-1 failed over 1 image: Inspector had not finished scanning 1 of ' +
                `1 resource after waitTimeoutSeconds (1 s): ${IMAGE_ARN} (PENDING: PENDING_INITIAL_SCAN)`,
        );
        assert.match(
            failure.message,
            /\nThe next pulumi up waits for the scans again; raise waitTimeoutSeconds/,
        );
        assert.equal(failure.properties.passed, false);
        assert.deepEqual(failure.properties.findingCounts, { critical: 0, high: 0 });
    });

    it("counts an expired ignore entry again, by the context's clock, and says so", async () => {
        await enableScanning(["ECR"]);
        await afterScans();
        const ignore = [{ vulnerabilityId: "CVE-2023-38545", reason: "TICKET-7", expiresOn: "2026-03-15" }];
        const inputs = gateInputs({ images: [IMAGE_URI], failOnSeverity: "CRITICAL", ignore });
        const onTheDay = { ...testContext(), now: () => Date.UTC(2026, 2, 15, 23) };
        assert.equal((await createGate(inputs, onTheDay)).outs.passed, true);

        const dayAfter = { ...testContext(), now: () => Date.UTC(2026, 2, 16, 1) };
        const failure = await createGate(inputs, dayAfter).then(
            () => assert.fail("the expired entry should count again"),
            (error: unknown) => error as PartialFailure,
        );
        assert.deepEqual(failure.properties.findingCounts, { critical: 1 });
        assert.deepEqual(failure.properties.ignoredFindings, []);
        assert.match(
            failure.message,
            /\nNote: ignore entry CVE-2023-38545 expired on 2026-03-15: its finding counts again \("TICKET-7"\)\.\n/,
        );
    });

    describe("fix and exploit filters narrow what Inspector lists", () => {
        const cases: { args: Record<string, unknown>; counts: Record<string, number> }[] = [
            { args: {}, counts: { critical: 1, high: 3 } },
            { args: { onlyFixAvailable: true }, counts: { critical: 1, high: 2 } },
            { args: { onlyExploitAvailable: true }, counts: { critical: 1, high: 0 } },
        ];
        for (const { args, counts } of cases) {
            it(JSON.stringify(args), async () => {
                await enableScanning();
                await afterScans();
                const inputs = gateInputs({
                    images: [IMAGE_URI],
                    lambdaFunctions: ["checkout"],
                    thresholds: { critical: 5, high: 5 },
                    ...args,
                });
                const { outs } = await createGate(inputs, testContext());
                assert.deepEqual(outs.findingCounts, counts);
            });
        }
    });

    it("a failure that outlasts the retries names the call, the region and what to do", async () => {
        await enableScanning(["ECR"]);
        await afterScans();
        fixture.emulator.admin.updateSettings({
            faults: [{ service: "inspector2", operation: "ListFindings", kind: "unavailable" }],
        });
        const { context, close } = recordingContext({}, { maxAttempts: 1 });
        try {
            await assert.rejects(
                createGate(gateInputs({ images: [IMAGE_URI], failOnSeverity: "HIGH" }), context),
                (error: Error) => {
                    assert.match(
                        error.message,
                        /^Inspector ListFindings failed in us-east-1: .*\(it kept failing after 3 attempts with back-off; run pulumi up again\)$/,
                    );
                    return true;
                },
            );
            assert.equal(inspectorCalls(fixture.emulator, ["ListFindings"]).length, 3);
        } finally {
            close();
        }
    });
});

function equals(value: string) {
    return { comparison: "EQUALS", value };
}
