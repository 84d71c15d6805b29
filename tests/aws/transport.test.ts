import assert from "node:assert/strict";
import * as net from "node:net";
import { ListAssessmentTemplatesCommand } from "@aws-sdk/client-inspector";
import { BatchGetAccountStatusCommand } from "@aws-sdk/client-inspector2";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { callAws } from "../../provider/aws/call";
import { clientsFor, resetClients, type AwsClients } from "../../provider/aws/clients";
import { credentialSource } from "../../provider/aws/credentials";
import { AwsCallError } from "../../provider/aws/errors";
import {
    clientSettings,
    CONNECT_TIMEOUT_MS,
    endpointOf,
    endpointRecorder,
    recordEndpoint,
    REQUEST_TIMEOUT_MS,
    requestHandlerOptions,
    SDK_ATTEMPTS,
} from "../../provider/aws/transport";
import { DEFAULT_WAIT_POLICY } from "../../provider/core/context";
import { testContext } from "../support/test-context";

/** What the issue asks: an unreachable endpoint fails within this. */
const WITHIN_MS = 30_000;

const KEYS = { accessKey: "AKIAIOSFODNN7EXAMPLE", secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };

describe("the SDK clients' transport: timeouts, retries, endpoints", () => {
    it("gives every client a 5 s connect timeout and a 20 s request timeout that fails the try", () => {
        assert.equal(CONNECT_TIMEOUT_MS, 5_000);
        assert.equal(REQUEST_TIMEOUT_MS, 20_000);
        assert.deepEqual(requestHandlerOptions(), {
            connectionTimeout: 5_000,
            requestTimeout: 20_000,
            throwOnRequestTimeout: true,
        });
    });

    it("makes one try per call in the standard retry mode: callAws makes the others", () => {
        assert.equal(SDK_ATTEMPTS, 1);
        assert.deepEqual(clientSettings("eu-west-1"), {
            region: "eu-west-1",
            maxAttempts: 1,
            retryMode: "standard",
            requestHandler: requestHandlerOptions(),
        });
    });

    describe("the endpoint of a failed call", () => {
        it("is recorded once per error, the innermost client's first", () => {
            const error = new Error("x");
            recordEndpoint(error, "http://sts.example:1");
            recordEndpoint(error, "http://inspector.example:2");
            assert.equal(endpointOf(error), "http://sts.example:1");
            assert.equal(endpointOf({}), undefined);
            assert.equal(endpointOf("text"), undefined);
        });

        it("is taken from the request by the plugin, outside the SDK's retries", async () => {
            let middleware:
                ((next: () => Promise<unknown>) => (args: unknown) => Promise<unknown>) | undefined;
            const options: unknown[] = [];
            endpointRecorder.applyToStack({
                add: ((added: typeof middleware, given: unknown) => {
                    middleware = added;
                    options.push(given);
                }) as unknown as (...args: never[]) => void,
            });
            assert.deepEqual(options, [
                { step: "build", name: "pulumiInspectorEndpointRecorder", override: true },
            ]);
            const failure = new Error("refused");
            await assert.rejects(
                middleware!(() => Promise.reject(failure))({
                    request: { protocol: "http:", hostname: "127.0.0.1", port: 4566 },
                }),
            );
            assert.equal(endpointOf(failure), "http://127.0.0.1:4566");
        });
    });

    describe("an unreachable endpoint, with the real clients and the default wait policy", function () {
        this.timeout(60_000);
        const saved = { ...process.env };
        let silent: net.Server;
        let silentUrl: string;
        let closedUrl: string;
        const sockets = new Set<net.Socket>();
        let clients: AwsClients;

        before(async () => {
            // Accepts every connection and never answers.
            silent = net.createServer((socket) => {
                sockets.add(socket);
                socket.on("error", () => undefined);
            });
            await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
            silentUrl = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
            // A port that was free a moment ago: connections to it are refused.
            const probe = net.createServer();
            await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
            closedUrl = `http://127.0.0.1:${(probe.address() as net.AddressInfo).port}`;
            await new Promise((resolve) => probe.close(resolve));
            for (const key of Object.keys(process.env)) if (key.startsWith("AWS_")) delete process.env[key];
            Object.assign(process.env, {
                AWS_ENDPOINT_URL_INSPECTOR2: silentUrl,
                AWS_ENDPOINT_URL_INSPECTOR: silentUrl,
                AWS_ENDPOINT_URL_STS: closedUrl,
                AWS_EC2_METADATA_DISABLED: "true",
            });
            resetClients();
            clients = clientsFor(credentialSource({ credentials: KEYS }, {}, {}));
        });

        after(async () => {
            resetClients();
            for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
            Object.assign(process.env, saved);
            for (const socket of sockets) socket.destroy();
            await new Promise((resolve) => silent.close(resolve));
        });

        /** Runs one call as a lifecycle does, and says how it failed and how long it took. */
        async function failure(
            service: string,
            operation: string,
            send: () => Promise<unknown>,
        ): Promise<{ error: AwsCallError; elapsedMs: number }> {
            const context = testContext({ policy: DEFAULT_WAIT_POLICY, clients, env: process.env });
            const started = Date.now();
            const error = await callAws(context, { service, operation, region: "us-east-1" }, send).then(
                () => assert.fail("the call succeeded"),
                (caught: unknown) => caught,
            );
            assert.ok(error instanceof AwsCallError, String(error));
            return { error, elapsedMs: Date.now() - started };
        }

        it("fails within 30 s, as a network error naming the service, region, endpoint and what to check", async () => {
            const [refused, silentInspector, silentClassic] = await Promise.all([
                failure("sts", "GetCallerIdentity", () =>
                    clients.sts("us-east-1").send(new GetCallerIdentityCommand({})),
                ),
                failure("inspector2", "BatchGetAccountStatus", () =>
                    clients.inspector2("us-east-1").send(new BatchGetAccountStatusCommand({})),
                ),
                failure("inspector", "ListAssessmentTemplates", () =>
                    clients.classic("us-east-1").send(new ListAssessmentTemplatesCommand({})),
                ),
            ]);

            assert.equal(refused.error.kind, "network");
            assert.ok(
                refused.error.attempts >= 2,
                `the refused call was tried ${refused.error.attempts} times`,
            );
            assert.match(
                refused.error.message,
                new RegExp(
                    `^STS GetCallerIdentity failed in us-east-1: .*ECONNREFUSED.* \\(could not reach ` +
                        `${closedUrl} \\(${refused.error.attempts} attempts in \\d+ s\\); check the network and any ` +
                        `proxy or firewall on the way, that us-east-1 is the right region, and ` +
                        `AWS_ENDPOINT_URL_STS \\(set to ${closedUrl}\\): it must point at a running endpoint\\)$`,
                ),
            );

            for (const [silentCall, title, variable] of [
                [silentInspector, "Inspector BatchGetAccountStatus", "AWS_ENDPOINT_URL_INSPECTOR2"],
                [silentClassic, "Inspector Classic ListAssessmentTemplates", "AWS_ENDPOINT_URL_INSPECTOR"],
            ] as const) {
                assert.equal(silentCall.error.kind, "network", silentCall.error.message);
                // The request timeout ended the one try; another would not have ended within the budget.
                assert.equal(silentCall.error.attempts, 1, silentCall.error.message);
                assert.equal(
                    silentCall.error.message
                        .replace(/: TimeoutError: .*? \(could/, ": TimeoutError: … (could")
                        .replace(/attempt in \d+ s/, "attempt in N s"),
                    `${title} failed in us-east-1: TimeoutError: … (could not reach ${silentUrl} (1 attempt in ` +
                        `N s); check the network and any proxy or firewall ` +
                        `on the way, that us-east-1 is the right region, and ${variable} (set to ${silentUrl}): it ` +
                        "must point at a running endpoint)",
                );
            }
            for (const call of [refused, silentInspector, silentClassic]) {
                assert.ok(call.elapsedMs < WITHIN_MS, `a call took ${call.elapsedMs} ms`);
            }
            // One connection per silent call: neither the SDK nor callAws tried again.
            assert.equal(sockets.size, 2);
        });
    });
});
