import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { FINDINGS_GATE_TYPE_TOKEN, FindingsGate } from "../../provider";

const IMAGE = `111122223333.dkr.ecr.us-east-1.amazonaws.com/shop@sha256:${"a".repeat(64)}`;

/** Resolves an output's value (mocks resolve everything known). */
function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply(resolve));
}

describe("FindingsGate resource registration", () => {
    const registered: pulumi.runtime.MockResourceArgs[] = [];

    before(async () => {
        // The engine is replaced by pulumi's mocks here; nothing talks to AWS. They echo the inputs as state.
        await pulumi.runtime.setMocks(
            {
                newResource: (args) => {
                    registered.push(args);
                    return { id: "findings-gate-0123456789abcdef", state: { ...args.inputs, passed: true } };
                },
                call: () => ({}),
            },
            "shop",
            "prod",
        );
    });

    it("registers the type token, the inputs as given, the resource URN and the serialised provider", async () => {
        const gate = new FindingsGate("release-gate", {
            images: [pulumi.output(IMAGE)],
            lambdaFunctions: ["checkout"],
            failOnSeverity: "high",
            ignore: [{ vulnerabilityId: "CVE-2024-1", reason: "TICKET-1", expiresOn: "2026-12-31" }],
        });
        assert.equal(
            await valueOf(gate.urn),
            "urn:pulumi:prod::shop::pulumi-nodejs:dynamic/inspector:FindingsGate::release-gate",
        );
        assert.equal(await valueOf(gate.passed), true);
        const [args] = registered;
        assert.equal(args.type, FINDINGS_GATE_TYPE_TOKEN);
        assert.equal(args.type, "pulumi-nodejs:dynamic/inspector:FindingsGate");
        assert.deepEqual(args.inputs.images, [IMAGE]);
        assert.equal(args.inputs.failOnSeverity, "high", "check, not the class, normalises");
        assert.equal(args.inputs.resourceUrn, await valueOf(gate.urn));
        assert.match(
            args.inputs.__provider,
            /pulumi-inspector\/dist\/provider\/findings-gate\/lifecycle\.js/,
        );
    });
});
