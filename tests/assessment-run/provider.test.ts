import assert from "node:assert/strict";
import { ListAssessmentRunsCommand, DeleteAssessmentRunCommand } from "@aws-sdk/client-inspector";
import { classicClient } from "../../provider/aws/clients";
import { ASSESSMENT_RUN_TYPE_TOKEN, assessmentRunProvider } from "../../provider/assessment-run/resource";
import { WAIT_POLICY_VARIABLE } from "../../provider/core/context";
import { UNKNOWN } from "../../provider/dynamic/check";
import {
    type DynamicProviderHost,
    HostError,
    type Properties,
    resourceUrn,
    serializeDynamicProvider,
    startDynamicProviderHost,
    withProvider,
} from "../support/dynamic-provider-host";
import { TEST_WAIT_POLICY } from "../support/test-context";
import { useEmulator } from "./emulator-fixture";

describe("AssessmentRun provider as the engine runs it (serialised, over gRPC)", function () {
    // Starting the provider host takes a second or two on a busy machine.
    this.timeout(60_000);
    const fixture = useEmulator();
    let host: DynamicProviderHost;
    let provider: string;
    const urn = resourceUrn("release-scan", ASSESSMENT_RUN_TYPE_TOKEN);

    before(async () => {
        provider = await serializeDynamicProvider(assessmentRunProvider);
        host = await startDynamicProviderHost({
            env: { ...fixture.emulator.env, [WAIT_POLICY_VARIABLE]: JSON.stringify(TEST_WAIT_POLICY) },
        });
        await host.configure({ "aws:region": "us-east-1" });
    });
    after(() => host?.close());

    const program = (args: Properties) =>
        withProvider(provider, {
            assessmentTemplateArn: fixture.emulator.templateArn,
            resourceUrn: urn,
            ...args,
        });
    const starts = () =>
        fixture.emulator.admin.calls().filter((call) => call.operation === "StartAssessmentRun");
    const runsOfTemplate = async () =>
        (
            await classicClient("us-east-1").send(
                new ListAssessmentRunsCommand({ assessmentTemplateArns: [fixture.emulator.templateArn] }),
            )
        ).assessmentRunArns ?? [];

    describe("the serialised provider", () => {
        it("is small, stable and holds no secret, endpoint or configuration", async () => {
            assert.ok(provider.length < 4096, `the provider text is ${provider.length} characters`);
            assert.equal(await serializeDynamicProvider(assessmentRunProvider), provider);
            for (const value of Object.values(fixture.emulator.env)) {
                assert.ok(!provider.includes(value), `the provider text contains ${value}`);
            }
            assert.doesNotMatch(provider, /AKIA|aws_secret|secretAccessKey|127\.0\.0\.1|us-east-1/i);
            // It loads the shared adapter and this resource's lifecycle by package specifier when called.
            assert.ok(provider.includes('"pulumi-inspector/dist/provider/dynamic/adapter.js"'), provider);
            assert.ok(
                provider.includes('"pulumi-inspector/dist/provider/assessment-run/lifecycle.js"'),
                provider,
            );
        });
    });

    it("preview: accepts unknown values and reports failures with their exact reasons", async () => {
        const preview = await host.check(
            urn,
            {},
            program({ assessmentTemplateArn: UNKNOWN, triggers: [UNKNOWN] }),
        );
        assert.deepEqual(preview.failures, []);
        assert.equal(preview.inputs.assessmentRunName, UNKNOWN);
        // The region is the template's: unknown while the template is (not the stack's aws:region).
        assert.equal(preview.inputs.region, UNKNOWN);

        const wrong = await host.check(urn, {}, program({ failOnFindings: "Critical", region: "eu-west-1" }));
        assert.deepEqual(wrong.failures, [
            {
                property: "region",
                reason:
                    'region "eu-west-1" differs from the region of assessmentTemplateArn ("us-east-1"); a run starts ' +
                    'in its template\'s region, so leave region out (it defaults to "us-east-1") or use a template ' +
                    "from eu-west-1",
            },
            {
                property: "failOnFindings",
                reason: 'failOnFindings "Critical" is not a severity: use High, Medium, Low or Informational (any letter case)',
            },
        ]);
        assert.deepEqual(fixture.emulator.admin.calls(), [], "check calls no AWS API at all");
    });

    it("up, preview --expect-no-changes, refresh and destroy", async () => {
        const { emulator } = fixture;
        emulator.admin.updateSettings({ classic: { findingCounts: { Medium: 2 } } });
        const { inputs } = await host.check(
            urn,
            {},
            program({ assessmentRunName: "release-42", failOnFindings: "High" }),
        );
        const { id, outs } = await host.create(urn, inputs);
        assert.equal(outs.state, "COMPLETED");
        assert.deepEqual(outs.findingCounts, { High: 0, Medium: 2, Low: 0, Informational: 0, Undefined: 0 });
        await host.waitForLog("release-42: COMPLETED");
        assert.ok(
            host.logs.some((entry) =>
                /^release-42: [A-Z_]+ \((\d+ min of 60|after \d+ min)\)$/.test(entry.message),
            ),
            `progress lines in ${JSON.stringify(host.logs)}`,
        );

        // The next preview: check again from the program's inputs, then diff against the recorded state.
        const next = await host.check(
            urn,
            inputs,
            program({ assessmentRunName: "release-42", failOnFindings: "High" }),
        );
        const diff = await host.diff(id, urn, outs, next.inputs);
        assert.equal(diff.changes, "none");

        const refreshed = await host.read(id, urn, outs, inputs);
        assert.equal(refreshed.id, id);
        assert.deepEqual(refreshed.props, outs);

        await host.delete(id, urn, outs);
        assert.deepEqual(await runsOfTemplate(), [id], "a finished run is kept by default");
        assert.equal(starts().length, 1);
    });

    it("a failed gate keeps the run in state; the next up re-checks it and fails the same way", async () => {
        const { emulator } = fixture;
        emulator.admin.updateSettings({ classic: { findingCounts: { High: 2, Low: 1 } } });
        const { inputs } = await host.check(
            urn,
            {},
            program({ assessmentRunName: "gated", failOnFindings: "High" }),
        );
        const failed = await host.create(urn, inputs).then(
            () => assert.fail("the gate should fail the create"),
            (error: unknown) => error,
        );
        assert.ok(failed instanceof HostError);
        const init = failed.initFailure;
        assert.ok(init, "the failure carries ErrorResourceInitFailed");
        const message =
            'Assessment run "gated" has 2 findings at or above failOnFindings "High" (High 2, Medium 0, Low 1, ' +
            `Informational 0, Undefined 0). Review them in Inspector (run ${init.id}); after fixing them, start a ` +
            "new run by changing triggers, or change failOnFindings. Until then every pulumi up fails here without " +
            "starting the run again.";
        assert.equal(failed.message, message);
        assert.deepEqual(init.reasons, [message]);
        assert.equal(init.properties.assessmentRunArn, init.id);
        assert.equal(init.properties.state, "COMPLETED");
        assert.equal(init.properties.__provider, provider);

        // The engine updates a resource with init errors on the next up, even without changes.
        const next = await host.check(
            urn,
            inputs,
            program({ assessmentRunName: "gated", failOnFindings: "High" }),
        );
        assert.equal((await host.diff(init.id, urn, init.properties, next.inputs)).changes, "none");
        const again = await host.update(init.id, urn, init.properties, next.inputs).then(
            () => assert.fail("the gate should fail the update"),
            (error: unknown) => error,
        );
        assert.ok(again instanceof HostError);
        assert.equal(again.message, message);
        assert.equal(again.initFailure?.id, init.id);
        assert.equal(starts().length, 1, "no second run was started");

        // Relaxing the gate lets the next up through, still without a new run.
        const relaxed = await host.check(
            urn,
            inputs,
            program({ assessmentRunName: "gated", failOnFindings: "Low" }),
        );
        const stillFailing = await host
            .update(init.id, urn, init.properties, relaxed.inputs)
            .catch((error: HostError) => error);
        assert.ok(stillFailing instanceof HostError, "Low counts the Low finding too");
        const ungated = await host.check(urn, inputs, program({ assessmentRunName: "gated" }));
        const { outs } = await host.update(init.id, urn, init.properties, ungated.inputs);
        assert.equal(outs.failOnFindings, undefined);
        assert.equal(starts().length, 1);

        // Destroy works from the state the partial failure left.
        await host.delete(init.id, urn, init.properties);
    });

    it("a replacement is planned delete-first when the triggers change", async () => {
        const { inputs } = await host.check(urn, {}, program({ triggers: ["ami-1"] }));
        const { id, outs } = await host.create(urn, inputs);
        const next = await host.check(urn, inputs, program({ triggers: ["ami-2"] }));
        const diff = await host.diff(id, urn, outs, next.inputs);
        assert.equal(diff.changes, "some");
        assert.deepEqual(diff.replaces, ["assessmentRunName", "triggers"]);
        assert.equal(diff.deleteBeforeReplace, true);
    });

    it("refresh drops a run deleted outside Pulumi", async () => {
        const { inputs } = await host.check(
            urn,
            {},
            program({ assessmentRunName: "outside", waitForCompletion: true }),
        );
        const { id, outs } = await host.create(urn, inputs);
        await classicClient("us-east-1").send(new DeleteAssessmentRunCommand({ assessmentRunArn: id }));
        assert.equal((await host.read(id, urn, outs, inputs)).id, "");
    });
});

describe("AssessmentRun input rules through the dynamic-provider host, without any call", function () {
    this.timeout(60_000);
    const fixture = useEmulator();
    /** A template of another region than the stack's. */
    const TEMPLATE = "arn:aws:inspector:us-west-2:111122223333:target/0-nvgVhaxX/template/0-7sbz2Kz0";
    const urn = resourceUrn("release-scan", ASSESSMENT_RUN_TYPE_TOKEN);
    let provider: string;
    /** Inspector Classic at the emulator (AWS_ENDPOINT_URL_INSPECTOR), and at AWS's own (retired) endpoint. */
    let emulated: DynamicProviderHost;
    let aws: DynamicProviderHost;

    before(async () => {
        provider = await serializeDynamicProvider(assessmentRunProvider);
        const env = { ...fixture.emulator.env, [WAIT_POLICY_VARIABLE]: JSON.stringify(TEST_WAIT_POLICY) };
        emulated = await startDynamicProviderHost({ env });
        aws = await startDynamicProviderHost({
            env: {
                ...env,
                // An empty variable is no endpoint for the SDK; no shared config file says otherwise.
                AWS_ENDPOINT_URL_INSPECTOR: "",
                AWS_ENDPOINT_URL: "",
                AWS_CONFIG_FILE: "/nonexistent/aws-config",
            },
        });
        for (const host of [emulated, aws]) await host.configure({ "aws:region": "eu-west-1" });
    });
    after(async () => {
        await emulated?.close();
        await aws?.close();
    });
    afterEach(() => assert.deepEqual(fixture.emulator.admin.calls(), [], "check called an AWS API"));

    const retired = (reason: string) =>
        reason.startsWith("Inspector Classic was retired by AWS on 2026-05-20") &&
        reason.includes("AWS_ENDPOINT_URL_INSPECTOR");

    const cases: {
        title: string;
        args: Properties;
        against?: "aws";
        /** Expected inputs (a subset). */
        inputs?: Properties;
        failures?: { property: string; reason: string | ((reason: string) => boolean) }[];
    }[] = [
        {
            title: "the region defaults to the template's, not the stack's aws:region",
            args: {},
            inputs: { region: "us-west-2" },
        },
        {
            title: "an explicit region equal to the template's",
            args: { region: "us-west-2" },
            inputs: { region: "us-west-2" },
        },
        {
            title: "an explicit region that conflicts is refused, with both values",
            args: { region: "eu-west-1" },
            failures: [
                {
                    property: "region",
                    reason:
                        'region "eu-west-1" differs from the region of assessmentTemplateArn ("us-west-2"); a run ' +
                        'starts in its template\'s region, so leave region out (it defaults to "us-west-2") or use ' +
                        "a template from eu-west-1",
                },
            ],
        },
        {
            title: "a template not known yet leaves the region unknown",
            args: { assessmentTemplateArn: UNKNOWN },
            inputs: { region: UNKNOWN },
        },
        {
            title: "a template not known yet and an explicit region: the region is taken",
            args: { assessmentTemplateArn: UNKNOWN, region: "eu-west-1" },
            inputs: { region: "eu-west-1" },
        },
        {
            title: "the class's list of secret inputs is kept beside the inputs",
            args: { __secretInputs: ["assessmentTemplateArn"] },
            inputs: { __secretInputs: ["assessmentTemplateArn"] },
        },
        {
            title: "a list of secret inputs naming what the resource does not have is refused",
            args: { __secretInputs: ["templateArn"] },
            failures: [
                {
                    property: "__secretInputs",
                    reason:
                        "__secretInputs names templateArn, which this resource does not have: it lists the names " +
                        "of secret inputs and is set by the resource class; leave it out",
                },
            ],
        },
        {
            title: "against AWS's own endpoint: retired, under the template ARN",
            args: {},
            against: "aws",
            failures: [{ property: "assessmentTemplateArn", reason: retired }],
        },
        {
            title: "against AWS's own endpoint with a template not known yet: retired all the same",
            args: { assessmentTemplateArn: UNKNOWN },
            against: "aws",
            failures: [{ property: "assessmentTemplateArn", reason: retired }],
        },
        {
            title: "against AWS's own endpoint, the other failures still follow",
            args: { region: "eu-west-1" },
            against: "aws",
            failures: [
                { property: "assessmentTemplateArn", reason: retired },
                { property: "region", reason: (reason) => reason.startsWith('region "eu-west-1" differs') },
            ],
        },
    ];
    for (const { title, args, against, inputs, failures = [] } of cases) {
        it(title, async () => {
            const host = against === "aws" ? aws : emulated;
            const checked = await host.check(
                urn,
                {},
                withProvider(provider, { assessmentTemplateArn: TEMPLATE, resourceUrn: urn, ...args }),
            );
            assert.deepEqual(
                checked.failures.map((failure) => failure.property),
                failures.map((failure) => failure.property),
                JSON.stringify(checked.failures),
            );
            failures.forEach((expected, index) => {
                const { reason } = checked.failures[index];
                if (typeof expected.reason === "string") assert.equal(reason, expected.reason);
                else assert.ok(expected.reason(reason), reason);
            });
            for (const [key, value] of Object.entries(inputs ?? {})) {
                assert.deepEqual(checked.inputs[key], value, key);
            }
        });
    }
});
