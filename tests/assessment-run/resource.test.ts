import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { ASSESSMENT_RUN_TYPE_TOKEN, AssessmentRun } from "../../provider";

const TEMPLATE = "arn:aws:inspector:us-west-2:123456789012:target/0-nvgVhaxX/template/0-7sbz2Kz0";

/** Resolves an output's value (mocks resolve everything known). */
function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply(resolve));
}

describe("AssessmentRun resource registration", () => {
    const registered: pulumi.runtime.MockResourceArgs[] = [];

    before(async () => {
        // The engine is replaced by pulumi's mocks here; nothing talks to AWS. They echo the inputs as state.
        await pulumi.runtime.setMocks(
            {
                newResource: (args) => {
                    registered.push(args);
                    return { id: `${TEMPLATE}/run/0-Mocked01`, state: { ...args.inputs, state: "CREATED" } };
                },
                call: () => ({}),
            },
            "shop",
            "prod",
        );
    });

    it("registers the type token, the inputs, the resource URN and the serialised provider", async () => {
        const run = new AssessmentRun("release-scan", {
            assessmentTemplateArn: TEMPLATE,
            failOnFindings: "High",
            triggers: ["ami-0abc"],
        });
        assert.equal(
            await valueOf(run.urn),
            "urn:pulumi:prod::shop::pulumi-nodejs:dynamic/inspector:AssessmentRun::release-scan",
        );
        assert.equal(await valueOf(run.state), "CREATED");
        assert.equal(await valueOf(run.failOnFindings), "High");

        const [args] = registered;
        assert.equal(args.type, "pulumi-nodejs:dynamic/inspector:AssessmentRun");
        assert.equal(ASSESSMENT_RUN_TYPE_TOKEN, args.type);
        assert.equal(args.name, "release-scan");
        assert.equal(args.inputs.assessmentTemplateArn, TEMPLATE);
        assert.deepEqual(args.inputs.triggers, ["ami-0abc"]);
        assert.equal(
            args.inputs.resourceUrn,
            "urn:pulumi:prod::shop::pulumi-nodejs:dynamic/inspector:AssessmentRun::release-scan",
        );
        assert.equal(typeof args.inputs.__provider, "string");
        assert.match(
            args.inputs.__provider,
            /pulumi-inspector\/dist\/provider\/assessment-run\/lifecycle\.js/,
        );
    });
});
