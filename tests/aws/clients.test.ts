import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { cachedClientCount, resetClients } from "../../provider/aws/clients";
import { SDK_LOGGER_MIDDLEWARE } from "../../provider/aws/transport";
import { hostContext } from "../../provider/dynamic/adapter";

const KEYS = {
    AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
    AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    AWS_REGION: "us-east-1",
};

/** The compiled package (dist/), where a fresh process loads it from. */
const DIST = path.resolve(__dirname, "../..");

describe("the SDK clients of the provider process", () => {
    beforeEach(() => resetClients());
    after(() => resetClients());

    it("are made once per service, region and credential source, however many calls make a context", () => {
        // The host makes a context per call; a thousand calls of resources with the same credentials share clients.
        const contexts = Array.from({ length: 1000 }, () => hostContext(KEYS));
        const inspector = new Set(contexts.map((context) => context.clients.inspector2("us-east-1")));
        const sts = new Set(contexts.map((context) => context.clients.sts("us-east-1")));
        contexts.forEach((context) => context.clients.inspector2("eu-west-1"));
        assert.equal(inspector.size, 1);
        assert.equal(sts.size, 1);
        assert.equal(cachedClientCount(), 3);
        // Another credential source (a resource's own profile) gets clients of its own, once.
        for (let call = 0; call < 100; call++)
            hostContext(KEYS, { profile: "audit" }).clients.inspector2("us-east-1");
        assert.equal(cachedClientCount(), 4);
    });

    it("carry no logger middleware (it copied every answer for a logger they do not have)", () => {
        const client = hostContext(KEYS).clients.inspector2("us-east-1");
        const middleware = client.middlewareStack.identify();
        assert.ok(
            middleware.some((entry) => entry.startsWith("pulumiInspectorEndpointRecorder")),
            middleware.join(),
        );
        assert.ok(!middleware.some((entry) => entry.startsWith(SDK_LOGGER_MIDDLEWARE)), middleware.join());
    });

    it("load the SDK (Inspector, STS, the credential providers) with the first client, not for check and diff", () => {
        // A fresh process, so that nothing is loaded yet: K resources checked and diffed, then one client made.
        const code = `
            (async () => {
                const loaded = (name) => Object.keys(require.cache).some((file) => file.includes("/node_modules/" + name + "/"));
                const packages = () => ["@aws-sdk/client-inspector2", "@aws-sdk/client-sts", "@aws-sdk/credential-providers"].filter(loaded);
                const { hostProvider } = require("./provider/dynamic/adapter");
                const { loadedSdkModules } = require("./provider/aws/sdk-modules");
                const provider = hostProvider(require.resolve("./provider/enablement/lifecycle"));
                for (let index = 0; index < 20; index++) {
                    const urn = "urn:pulumi:dev::p::pulumi-nodejs:dynamic/inspector:InspectorEnablement::r" + index;
                    const { inputs, failures } = await provider.check({}, { resourceUrn: urn, resourceTypes: ["EC2"], accountIds: ["444455556666"] });
                    if (failures.length > 0) throw new Error(JSON.stringify(failures));
                    await provider.diff("id", inputs, inputs);
                }
                const atPreview = { packages: packages(), modules: loadedSdkModules() };
                const { hostContext } = require("./provider/dynamic/adapter");
                hostContext(process.env).clients.sts("us-east-1");
                console.log(JSON.stringify({ atPreview, afterClient: { packages: packages(), modules: loadedSdkModules() } }));
            })().catch((error) => { console.error(error); process.exit(1); });`;
        const output = execFileSync(process.execPath, ["-e", code], {
            cwd: DIST,
            encoding: "utf8",
            env: { ...process.env, ...KEYS },
        });
        const { atPreview, afterClient } = JSON.parse(output.trim().split("\n").pop()!) as Record<
            string,
            { packages: string[]; modules: string[] }
        >;
        assert.deepEqual(atPreview, { packages: [], modules: [] });
        assert.deepEqual(afterClient, {
            packages: ["@aws-sdk/client-sts", "@aws-sdk/credential-providers"],
            modules: ["@aws-sdk/client-sts", "@aws-sdk/credential-providers"],
        });
    });
});
