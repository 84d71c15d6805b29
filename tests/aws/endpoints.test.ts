import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { InspectorClient } from "@aws-sdk/client-inspector";
import { Inspector2Client } from "@aws-sdk/client-inspector2";
import { configuredEndpoint, endpointFromConfiguration } from "../../provider/aws/endpoints";

/**
 * Whether a client goes to the service's own AWS endpoint or to one set for it, as the SDK decides: each case sets
 * the environment and a shared config file of its own (the SDK caches files by path, so every case has its own).
 */

interface Case {
    readonly title: string;
    readonly env?: Record<string, string>;
    /** The shared config file's text. */
    readonly config?: string;
    /** The Inspector Classic client's answer (service ID `Inspector`). */
    readonly classic: string | undefined;
    /** The Inspector (v2) client's answer (service ID `Inspector2`), a client of the current SDK. */
    readonly inspector2?: string | undefined;
}

const EMULATOR = "http://127.0.0.1:4566";
const OTHER = "http://127.0.0.1:4567";

const cases: Case[] = [
    { title: "nothing set: AWS's own endpoints", classic: undefined, inspector2: undefined },
    {
        title: "AWS_ENDPOINT_URL_INSPECTOR: Classic only",
        env: { AWS_ENDPOINT_URL_INSPECTOR: EMULATOR },
        classic: EMULATOR,
        inspector2: undefined,
    },
    {
        title: "AWS_ENDPOINT_URL_INSPECTOR2 does not apply to Classic",
        env: { AWS_ENDPOINT_URL_INSPECTOR2: EMULATOR },
        classic: undefined,
        inspector2: EMULATOR,
    },
    {
        title: "AWS_ENDPOINT_URL: every service",
        env: { AWS_ENDPOINT_URL: OTHER },
        classic: OTHER,
        inspector2: OTHER,
    },
    {
        title: "the service's variable wins over AWS_ENDPOINT_URL",
        env: { AWS_ENDPOINT_URL: OTHER, AWS_ENDPOINT_URL_INSPECTOR: EMULATOR },
        classic: EMULATOR,
        inspector2: OTHER,
    },
    {
        title: "endpoint_url of the profile in the shared config",
        env: { AWS_PROFILE: "emulated" },
        config: `[profile emulated]\nendpoint_url = ${OTHER}\n`,
        classic: OTHER,
        inspector2: OTHER,
    },
    {
        title: "endpoint_url of the default profile",
        config: `[default]\nendpoint_url = ${OTHER}\n`,
        classic: OTHER,
        inspector2: OTHER,
    },
    {
        title: "a services section naming Inspector Classic's endpoint",
        env: { AWS_PROFILE: "local" },
        config:
            `[profile local]\nservices = local-services\n\n` +
            `[services local-services]\ninspector =\n  endpoint_url = ${EMULATOR}\n`,
        classic: EMULATOR,
        inspector2: undefined,
    },
    {
        title: "another profile's endpoint_url does not apply",
        env: { AWS_PROFILE: "plain" },
        config: `[profile plain]\nregion = us-east-1\n\n[profile emulated]\nendpoint_url = ${OTHER}\n`,
        classic: undefined,
        inspector2: undefined,
    },
    {
        title: "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true ignores the variables",
        env: { AWS_ENDPOINT_URL_INSPECTOR: EMULATOR, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" },
        classic: undefined,
    },
    {
        title: "ignore_configured_endpoint_urls in the profile ignores the shared config's endpoint too",
        config: `[default]\nendpoint_url = ${OTHER}\nignore_configured_endpoint_urls = true\n`,
        classic: undefined,
        inspector2: undefined,
    },
    {
        title: "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=false changes nothing",
        env: { AWS_ENDPOINT_URL_INSPECTOR: EMULATOR, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "false" },
        classic: EMULATOR,
    },
];

describe("configuredEndpoint: the SDK's own choice of endpoint, without a call", () => {
    let folder: string;
    const saved: Record<string, string | undefined> = {};
    const touched = new Set<string>();

    /** Sets a variable for this case only. */
    function setEnv(key: string, value: string | undefined): void {
        if (!touched.has(key)) saved[key] = process.env[key];
        touched.add(key);
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
    }

    before(() => {
        folder = fs.mkdtempSync(path.join(os.tmpdir(), "endpoints-test-"));
    });
    beforeEach(() => {
        // Nothing of this process's own AWS settings applies.
        for (const key of Object.keys(process.env)) if (key.startsWith("AWS_")) setEnv(key, undefined);
        setEnv("AWS_SHARED_CREDENTIALS_FILE", path.join(folder, "no-credentials"));
    });
    afterEach(() => {
        for (const key of touched) {
            if (saved[key] === undefined) delete process.env[key];
            else process.env[key] = saved[key];
        }
        touched.clear();
    });
    after(() => fs.rmSync(folder, { recursive: true, force: true }));

    cases.forEach((testCase, index) => {
        it(testCase.title, async () => {
            const configFile = path.join(folder, `config-${index}`);
            if (testCase.config) fs.writeFileSync(configFile, testCase.config);
            setEnv("AWS_CONFIG_FILE", configFile);
            for (const [key, value] of Object.entries(testCase.env ?? {})) setEnv(key, value);

            const classic = new InspectorClient({ region: "us-east-1" });
            const expectedClassic = testCase.classic && { url: testCase.classic, source: "configuration" };
            assert.deepEqual(await configuredEndpoint(classic), expectedClassic);
            assert.equal(await endpointFromConfiguration("Inspector"), testCase.classic);
            classic.destroy();
            if ("inspector2" in testCase) {
                const inspector2 = new Inspector2Client({ region: "us-east-1" });
                const expected = testCase.inspector2 && { url: testCase.inspector2, source: "configuration" };
                assert.deepEqual(await configuredEndpoint(inspector2), expected);
                inspector2.destroy();
            }
        });
    });

    it("an endpoint given in code wins over everything, for old and current clients", async () => {
        setEnv("AWS_CONFIG_FILE", path.join(folder, "absent"));
        setEnv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        const classic = new InspectorClient({ region: "us-east-1", endpoint: `${EMULATOR}/` });
        assert.deepEqual(await configuredEndpoint(classic), { url: EMULATOR, source: "code" });
        const inspector2 = new Inspector2Client({ region: "us-east-1", endpoint: `${OTHER}/base` });
        assert.deepEqual(await configuredEndpoint(inspector2), { url: `${OTHER}/base`, source: "code" });
        classic.destroy();
        inspector2.destroy();
    });

    it("the client's ignoreConfiguredEndpointUrls option ignores the variables", async () => {
        setEnv("AWS_CONFIG_FILE", path.join(folder, "absent"));
        setEnv("AWS_ENDPOINT_URL_INSPECTOR2", EMULATOR);
        const inspector2 = new Inspector2Client({ region: "us-east-1", ignoreConfiguredEndpointUrls: true });
        assert.equal(await configuredEndpoint(inspector2), undefined);
        inspector2.destroy();
    });
});
