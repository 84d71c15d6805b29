import assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { ENABLEMENT_TYPE_TOKEN, InspectorEnablement } from "../../provider";

/** Resolves an output's value (mocks resolve everything known). */
function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply(resolve));
}

class Platform extends pulumi.ComponentResource {
    constructor(name: string) {
        super("acme:security:Platform", name);
    }
}

describe("InspectorEnablement resource registration", () => {
    const registered: pulumi.runtime.MockResourceArgs[] = [];

    before(async () => {
        // The engine is replaced by pulumi's mocks here; nothing talks to AWS. They echo the inputs as state.
        await pulumi.runtime.setMocks(
            {
                newResource: (args) => {
                    registered.push(args);
                    return { id: `${args.name}-id`, state: { ...args.inputs, enabledAccountCount: 2 } };
                },
                call: () => ({}),
            },
            "shop",
            "prod",
        );
    });

    beforeEach(() => {
        registered.length = 0;
    });

    it("registers under pulumi-nodejs:dynamic/inspector:InspectorEnablement with its inputs and URN", async () => {
        const scanning = new InspectorEnablement("scanning", {
            resourceTypes: ["EC2", "ECR"],
            accountIds: ["111122223333", "444455556666"],
            waitTimeoutSeconds: 600,
        });
        const urn = await valueOf(scanning.urn);
        assert.equal(
            urn,
            "urn:pulumi:prod::shop::pulumi-nodejs:dynamic/inspector:InspectorEnablement::scanning",
        );
        assert.equal(ENABLEMENT_TYPE_TOKEN, "pulumi-nodejs:dynamic/inspector:InspectorEnablement");
        assert.equal(await valueOf(scanning.enabledAccountCount), 2);
        assert.equal(await valueOf(scanning.waitTimeoutSeconds), 600);

        const [args] = registered;
        assert.equal(args.type, ENABLEMENT_TYPE_TOKEN);
        assert.equal(args.name, "scanning");
        assert.deepEqual(args.inputs.resourceTypes, ["EC2", "ECR"]);
        assert.deepEqual(args.inputs.accountIds, ["111122223333", "444455556666"]);
        // The program computes the URN the engine gives the resource: it scopes the default client token.
        assert.equal(args.inputs.resourceUrn, urn);
        assert.match(args.inputs.__provider, /"pulumi-inspector\/dist\/provider\/enablement\/lifecycle\.js"/);
    });

    it("computes the URN of a child resource, parent types included", async () => {
        const platform = new Platform("platform");
        const scanning = new InspectorEnablement(
            "scanning",
            { resourceTypes: ["LAMBDA"] },
            { parent: platform },
        );
        const urn = await valueOf(scanning.urn);
        assert.equal(
            urn,
            "urn:pulumi:prod::shop::acme:security:Platform$pulumi-nodejs:dynamic/inspector:InspectorEnablement::scanning",
        );
        const args = registered.find((resource) => resource.type === ENABLEMENT_TYPE_TOKEN)!;
        assert.equal(await valueOf(pulumi.output(args.inputs.resourceUrn as string)), urn);
    });
});
