import assert from "node:assert/strict";
import * as os from "node:os";
import * as path from "node:path";
import { InspectorClient } from "@aws-sdk/client-inspector";
import type { AwsClients } from "../../provider/aws/clients";
import type { AssessmentRunInputs } from "../../provider/assessment-run/inputs";
import { checkRun, createRun, deleteRun, readRun, updateRun } from "../../provider/assessment-run/lifecycle";
import type { AssessmentRunOutputs } from "../../provider/assessment-run/outputs";
import {
    CLASSIC_RETIRED_ON,
    classicEndpoint,
    classicRetiredMessage,
    droppedOnRefreshWarning,
    isAwsClassicEndpoint,
    releasedOnDeleteWarning,
} from "../../provider/assessment-run/retirement";
import { UNKNOWN } from "../../provider/dynamic/check";
import { testContext, type TestContext } from "../support/test-context";

/**
 * AssessmentRun against AWS's own Inspector Classic endpoint, retired on 2026-05-20: every part of the lifecycle
 * knows it without a call (the client's request handler counts any attempt), and says why. With an endpoint set
 * for Inspector Classic, the same inputs pass.
 */

const TEMPLATE = "arn:aws:inspector:us-west-2:123456789012:target/0-nvgVhaxX/template/0-7sbz2Kz0";
const RUN = `${TEMPLATE}/run/0-abcdefgh`;
const URN = "urn:pulumi:prod::shop::pulumi-nodejs:dynamic/inspector:AssessmentRun::release-scan";

const INPUTS: AssessmentRunInputs = {
    assessmentTemplateArn: TEMPLATE,
    assessmentRunName: "release-42",
    region: "us-west-2",
    waitForCompletion: true,
    stopActionOnDelete: "START_EVALUATION",
    deleteOnDestroy: true,
    resourceUrn: URN,
};
const STORED = {
    ...INPUTS,
    assessmentRunArn: RUN,
    state: "COLLECTING_DATA",
} as unknown as AssessmentRunOutputs;

describe("AssessmentRun and Inspector Classic's retirement", () => {
    const saved: Record<string, string | undefined> = {};
    let attempts = 0;
    const clients: Map<string, InspectorClient> = new Map();

    /** Classic clients that count every request they would send, and send none. */
    function countingClients(endpoint?: string): AwsClients {
        const classic = (region: string) => {
            const key = `${region}:${endpoint}`;
            let client = clients.get(key);
            if (!client) {
                client = new InspectorClient({
                    region,
                    ...(endpoint ? { endpoint } : {}),
                    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "not-a-secret" },
                    requestHandler: {
                        handle: async () => {
                            attempts++;
                            throw new Error("no request may be sent");
                        },
                    },
                });
                clients.set(key, client);
            }
            return client;
        };
        const unused = () => {
            throw new Error("only Inspector Classic is used here");
        };
        return { classic, inspector2: unused, sts: unused } as unknown as AwsClients;
    }

    function contextFor(endpoint?: string): TestContext {
        return testContext({ clients: countingClients(endpoint) });
    }

    before(() => {
        // Nothing of this process's AWS settings (an emulator's variables, a profile's endpoint_url) applies.
        for (const key of Object.keys(process.env)) {
            if (!key.startsWith("AWS_")) continue;
            saved[key] = process.env[key];
            delete process.env[key];
        }
        for (const key of ["AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"]) {
            saved[key] = process.env[key];
            process.env[key] = path.join(os.tmpdir(), "retirement-test-no-such-file");
        }
    });
    beforeEach(() => (attempts = 0));
    afterEach(() => assert.equal(attempts, 0, "a request was attempted"));
    after(() => {
        for (const [key, value] of Object.entries(saved)) {
            if (value === undefined) delete process.env[key];
            else process.env[key] = value;
        }
        for (const client of clients.values()) client.destroy();
    });

    it("the message names the date, why nothing can work, what to set, and the successor", () => {
        const message = classicRetiredMessage();
        assert.ok(message.includes(`retired by AWS on ${CLASSIC_RETIRED_ON}`), message);
        assert.ok(message.includes("AWS_ENDPOINT_URL_INSPECTOR"), message);
        assert.ok(message.includes("inspector-emulator"), message);
        for (const successor of ["Amazon Inspector (v2)", "InspectorEnablement", "FindingsGate"]) {
            assert.ok(message.includes(successor), message);
        }
    });

    it("tells AWS's own endpoint from one set in code or in the environment", async () => {
        assert.equal(await classicEndpoint(contextFor(), "us-west-2"), undefined);
        assert.deepEqual(await classicEndpoint(contextFor("http://127.0.0.1:4566"), "us-west-2"), {
            url: "http://127.0.0.1:4566",
            source: "code",
        });
        process.env.AWS_ENDPOINT_URL_INSPECTOR = "http://127.0.0.1:4567";
        try {
            assert.deepEqual(await classicEndpoint(contextFor(), "eu-west-1"), {
                url: "http://127.0.0.1:4567",
                source: "configuration",
            });
        } finally {
            delete process.env.AWS_ENDPOINT_URL_INSPECTOR;
        }
    });

    describe("an endpoint set to AWS's own Inspector Classic host is AWS's own all the same", () => {
        const cases: [string, boolean][] = [
            ["https://inspector.us-east-1.amazonaws.com", true],
            ["https://inspector.us-west-2.amazonaws.com/", true],
            ["https://inspector-fips.us-gov-west-1.amazonaws.com", true],
            ["https://inspector.cn-north-1.amazonaws.com.cn", true],
            ["https://INSPECTOR.eu-west-1.AMAZONAWS.com", true],
            ["https://inspector2.us-east-1.amazonaws.com", false],
            ["http://127.0.0.1:4566", false],
            ["https://inspector.us-east-1.amazonaws.com.example.org", false],
            ["https://classic.example.org/inspector.us-east-1.amazonaws.com", false],
            ["not a url", false],
        ];
        for (const [url, own] of cases) {
            it(`${url}: ${own ? "AWS's own" : "not AWS's"}`, async () => {
                assert.equal(isAwsClassicEndpoint(url), own);
                const endpoint = await classicEndpoint(
                    contextFor(url === "not a url" ? undefined : url),
                    "us-east-1",
                );
                if (url === "not a url") return;
                assert.equal(endpoint === undefined, own);
            });
        }
    });

    it("without a client (credential settings that cannot work), the configuration alone answers", async () => {
        const context = testContext({
            clients: {
                classic: () => {
                    throw new Error("aws:profile names a profile that does not exist");
                },
            } as unknown as AwsClients,
        });
        assert.equal(await classicEndpoint(context, "us-west-2"), undefined);
    });

    describe("check (preview) refuses at once, under the template ARN", () => {
        const cases: { title: string; news: Record<string, unknown>; others: string[] }[] = [
            {
                title: "valid inputs",
                news: { assessmentTemplateArn: TEMPLATE, resourceUrn: URN },
                others: [],
            },
            {
                title: "a template not known yet",
                news: { assessmentTemplateArn: UNKNOWN, resourceUrn: URN },
                others: [],
            },
            {
                title: "other failures are still reported after it",
                news: { assessmentTemplateArn: TEMPLATE, resourceUrn: URN, failOnFindings: "Severe" },
                others: ["failOnFindings"],
            },
        ];
        for (const { title, news, others } of cases) {
            it(`against AWS's own endpoint: ${title}`, async () => {
                const { failures } = await checkRun(news, contextFor());
                assert.deepEqual(
                    failures.map((failure) => failure.property),
                    ["assessmentTemplateArn", ...others],
                );
                assert.equal(failures[0].reason, classicRetiredMessage());
            });
            it(`against an endpoint set for Inspector Classic: ${title}`, async () => {
                const { failures } = await checkRun(news, contextFor("http://127.0.0.1:4566"));
                assert.deepEqual(
                    failures.map((failure) => failure.property),
                    others,
                );
            });
        }
    });

    it("create fails with the message without a call", async () => {
        await assert.rejects(createRun(INPUTS, contextFor()), { message: classicRetiredMessage() });
    });

    it("update fails with the message without a call", async () => {
        await assert.rejects(updateRun(RUN, STORED, INPUTS, contextFor()), {
            message: classicRetiredMessage(),
        });
    });

    it("refresh drops the recorded run from the state, with a warning that says why", async () => {
        const context = contextFor();
        const read = await readRun(RUN, STORED, context);
        assert.deepEqual(read, { id: "", outs: {} });
        assert.deepEqual(context.warnings, [droppedOnRefreshWarning("release-42", RUN)]);
        assert.ok(context.warnings[0].includes(`retired by AWS on ${CLASSIC_RETIRED_ON}`));
    });

    it("refresh of an imported run (its ARN only) drops it the same way", async () => {
        const context = contextFor();
        assert.deepEqual(await readRun(RUN, {}, context), { id: "", outs: {} });
        assert.deepEqual(context.warnings, [droppedOnRefreshWarning(RUN, RUN)]);
    });

    it("destroy finishes with the warning, whatever deleteOnDestroy and the recorded state say", async () => {
        const context = contextFor();
        await deleteRun(RUN, STORED, context);
        assert.deepEqual(context.warnings, [releasedOnDeleteWarning("release-42", RUN)]);
        assert.deepEqual(context.logs, []);
    });
});
