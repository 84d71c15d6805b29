import assert from "node:assert/strict";
import { once } from "node:events";
import type { IncomingMessage } from "node:http";
import { request } from "node:http";
import { BatchGetAccountStatusCommand, EnableCommand } from "@aws-sdk/client-inspector2";
import type { RunningEmulator } from "../../../emulator";
import { startEmulator } from "../../../emulator";
import type { AwsError } from "../support/expect-aws-error";
import { rawRequest } from "../support/raw-http";
import { tamperBeforeSigning } from "../support/request-tampering";
import { inspector2Client } from "../support/sdk-clients";

const FIFTY_MB = 50 * 1024 * 1024;

describe("emulator refusing hostile requests (raw HTTP)", () => {
    let emulator: RunningEmulator;
    let port: number;
    let token: string;
    before(async () => {
        emulator = await startEmulator({ settings: { delays: { enablingMs: 0 } } });
        port = Number(new URL(emulator.url).port);
        token = emulator.adminToken;
    });
    after(() => emulator.close());
    beforeEach(() => emulator.admin.reset());

    const message = (body: string) => (JSON.parse(body) as { message: string }).message;

    describe("Host: only loopback names and addresses", () => {
        for (const host of [
            () => `localhost:${port}`,
            () => "LocalHost",
            () => "127.0.0.1",
            () => `127.0.0.1:${port}`,
            () => `[::1]:${port}`,
            () => "localhost:1",
        ]) {
            it(`answers Host ${host().replace(String(port), "<port>")}`, async () => {
                const answer = await rawRequest(emulator.url, {
                    path: "/_emulator/health",
                    headers: { host: host(), "x-emulator-token": token },
                });
                assert.equal(answer.status, 200);
            });
        }

        for (const host of [
            () => `attacker.example:${port}`,
            () => "attacker.example",
            () => `localhost.attacker.example:${port}`,
            () => "127.0.0.1.nip.io",
            () => `127.0.0.2:${port}`,
            () => `0.0.0.0:${port}`,
            () => "[::ffff:127.0.0.1]",
            () => "localhost:99999",
        ]) {
            it(`refuses Host ${JSON.stringify(host().replace(String(port), "<port>"))} with 403, token or not`, async () => {
                const answer = await rawRequest(emulator.url, {
                    path: "/_emulator/settings",
                    headers: { host: host(), "x-emulator-token": token },
                });
                assert.equal(answer.status, 403);
                assert.match(
                    message(answer.body),
                    /^The emulator answers only requests whose Host is a loopback/,
                );
                assert.ok(!answer.body.includes("EXAMPLEKEY"));
            });
        }

        it("refuses a DNS-rebinding page's service call before the service sees it", async () => {
            // The page's own origin is the attacker's name, resolved to 127.0.0.1: same-origin for the browser.
            const answer = await rawRequest(emulator.url, {
                method: "POST",
                path: "/enable",
                headers: { host: `attacker.example:${port}`, "content-type": "application/json" },
                body: JSON.stringify({ resourceTypes: ["EC2"] }),
            });
            assert.equal(answer.status, 403);
            assert.deepEqual(emulator.admin.calls(), []);
        });

        it("refuses a request without a Host header", async () => {
            const answer = await rawRequest(emulator.url, {
                path: "/_emulator/health",
                headers: { "x-emulator-token": token },
                setHost: false,
            });
            assert.ok(answer.status === 400 || answer.status === 403, String(answer.status));
        });
    });

    describe("Origin and body type: what a web page can send without asking", () => {
        const faults = JSON.stringify({ faults: [{ operation: "*", kind: "internal" }] });

        it("refuses a text/plain POST from a foreign Origin (a browser 'simple' request) and changes nothing", async () => {
            for (const headers of [
                { origin: "http://attacker.example", "content-type": "text/plain" },
                {
                    origin: "http://attacker.example",
                    "content-type": "text/plain",
                    "x-emulator-token": token,
                },
            ]) {
                const answer = await rawRequest(emulator.url, {
                    method: "POST",
                    path: "/_emulator/settings",
                    headers,
                    body: faults,
                });
                assert.equal(answer.status, 403);
                assert.match(message(answer.body), /refuses requests from web pages of other origins/);
            }
            const reset = await rawRequest(emulator.url, {
                method: "POST",
                path: "/_emulator/reset",
                headers: { origin: "null", "content-type": "text/plain" },
            });
            assert.equal(reset.status, 403);
            assert.deepEqual(emulator.admin.settings().faults, []);
        });

        it("refuses a foreign Origin on service calls and on preflights, granting no CORS", async () => {
            for (const origin of [
                "http://attacker.example",
                `http://localhost:${port + 1}`,
                "https://127.0.0.1",
            ]) {
                const answer = await rawRequest(emulator.url, {
                    method: "OPTIONS",
                    path: "/_emulator/settings",
                    headers: { origin, "access-control-request-method": "POST" },
                });
                assert.equal(answer.status, 403, origin);
                assert.equal(answer.headers["access-control-allow-origin"], undefined);
            }
            const service = await rawRequest(emulator.url, {
                method: "POST",
                path: "/enable",
                headers: { origin: "http://attacker.example" },
            });
            assert.equal(service.status, 403);
            assert.deepEqual(emulator.admin.calls(), []);
        });

        it("refuses any admin body type but application/json, even with the token", async () => {
            for (const contentType of [
                "text/plain",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                undefined,
            ]) {
                const answer = await rawRequest(emulator.url, {
                    method: "POST",
                    path: "/_emulator/settings",
                    headers: {
                        "x-emulator-token": token,
                        ...(contentType ? { "content-type": contentType } : {}),
                    },
                    body: faults,
                });
                assert.equal(answer.status, 415, String(contentType));
                assert.match(message(answer.body), /^The admin API takes JSON only/);
            }
            assert.deepEqual(emulator.admin.settings().faults, []);
        });

        it("answers its own origin with the token and JSON", async () => {
            const answer = await rawRequest(emulator.url, {
                method: "POST",
                path: "/_emulator/settings",
                headers: {
                    origin: `http://localhost:${port}`,
                    "x-emulator-token": token,
                    "content-type": "application/json; charset=utf-8",
                },
                body: JSON.stringify({ seed: 9 }),
            });
            assert.equal(answer.status, 200);
            assert.equal(emulator.admin.settings().seed, 9);
            emulator.admin.updateSettings({ seed: 42 });
        });
    });

    describe("the admin token", () => {
        const routes: [string, string][] = [
            ["GET", "health"],
            ["POST", "reset"],
            ["GET", "settings"],
            ["POST", "settings"],
            ["GET", "calls"],
            ["GET", "mutations"],
            ["GET", "nothing"],
        ];

        it("is required on every admin route: missing, wrong or in the query string", async () => {
            for (const [method, route] of routes) {
                for (const [path, headers] of [
                    [`/_emulator/${route}`, {}],
                    [`/_emulator/${route}`, { "x-emulator-token": `${token}0` }],
                    [`/_emulator/${route}`, { "x-emulator-token": token.slice(1) }],
                    [`/_emulator/${route}?token=${token}`, {}],
                ] as const) {
                    const answer = await rawRequest(emulator.url, {
                        method,
                        path,
                        headers: { ...headers, "content-type": "application/json" },
                        body: method === "POST" ? "{}" : undefined,
                    });
                    assert.equal(answer.status, 401, `${method} ${path}`);
                    assert.match(
                        message(answer.body),
                        /needs the emulator's admin token in the X-Emulator-Token/,
                    );
                }
            }
        });

        it("is not needed in process", () => {
            emulator.admin.reset();
            assert.deepEqual(emulator.admin.calls(), []);
        });
    });

    describe("AWS-signed requests to admin routes", () => {
        it("refuses POST /_emulator/reset signed by the administrator's key, with the token too, before routing", async () => {
            const client = inspector2Client(emulator);
            await client.send(new EnableCommand({ resourceTypes: ["EC2"] }));
            const reset = inspector2Client(emulator);
            tamperBeforeSigning(reset, (outgoing) => {
                outgoing.method = "POST";
                outgoing.path = "/_emulator/reset";
                outgoing.headers["x-emulator-token"] = token;
                outgoing.headers["content-type"] = "application/json";
                outgoing.body = "{}";
            });
            const error = await reset.send(new BatchGetAccountStatusCommand({})).then(
                () => assert.fail("the signed reset was answered"),
                (caught: unknown) => caught as AwsError,
            );
            assert.equal(error.$metadata.httpStatusCode, 403);
            // Nothing was reset: the mutation, the call and the status are all still there.
            assert.equal(emulator.admin.mutations().length, 1);
            const status = await client.send(new BatchGetAccountStatusCommand({}));
            assert.equal(status.accounts?.[0]?.resourceState?.ec2?.status, "ENABLED");
        });

        it("refuses any Authorization header, X-Amz-* header or presigned query on an admin route", async () => {
            for (const [path, headers] of [
                ["/_emulator/reset", { authorization: "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/x" }],
                ["/_emulator/reset", { authorization: "Bearer anything" }],
                ["/_emulator/reset", { "x-amz-date": "20260101T000000Z" }],
                ["/_emulator/reset", { "x-amz-security-token": "FwoG" }],
                ["/_emulator/reset?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=00", {}],
                ["/_emulator/reset?x-amz-credential=AKIAIOSFODNN7EXAMPLE", {}],
            ] as const) {
                const answer = await rawRequest(emulator.url, {
                    method: "POST",
                    path,
                    headers: { ...headers, "x-emulator-token": token, "content-type": "application/json" },
                });
                assert.equal(answer.status, 403, `${path} ${JSON.stringify(headers)}`);
                assert.match(message(answer.body), /^The admin API does not take AWS-signed requests/);
            }
        });
    });

    describe("a 50 MB declared body", () => {
        /** Sends only the headers of a request declaring 50 MB and resolves with the answer and the bytes sent. */
        async function declareFiftyMegabytes(path: string, headers: Record<string, string>) {
            const outgoing = request({
                host: "127.0.0.1",
                port,
                method: "POST",
                path,
                headers: { ...headers, "content-length": String(FIFTY_MB) },
                agent: false,
            });
            outgoing.on("error", () => undefined);
            outgoing.flushHeaders();
            const [response] = (await once(outgoing, "response")) as [IncomingMessage];
            // Not a byte of the body has been written: the answer came from the headers alone.
            const sent = outgoing.socket?.bytesWritten ?? 0;
            let body = "";
            response.setEncoding("utf8");
            response.on("data", (chunk: string) => (body += chunk));
            await once(response, "end");
            outgoing.destroy();
            return {
                status: response.statusCode,
                headers: response.headers,
                connection: response.headers.connection,
                body,
                sent,
            };
        }

        it("is refused with 413 on an admin route before any of it is sent", async () => {
            const answer = await declareFiftyMegabytes("/_emulator/settings", {
                "x-emulator-token": token,
                "content-type": "application/json",
            });
            assert.equal(answer.status, 413);
            assert.equal(answer.connection, "close");
            assert.ok(answer.sent < 1024, `${answer.sent} bytes sent`);
            assert.equal(message(answer.body), "The request body is larger than 4194304 bytes.");
        });

        it("is refused with 413 RequestEntityTooLargeException on a service route before any of it is sent", async () => {
            const answer = await declareFiftyMegabytes("/enable", { "content-type": "application/json" });
            assert.equal(answer.status, 413);
            assert.ok(answer.sent < 1024, `${answer.sent} bytes sent`);
            assert.match(String(answer.headers["x-amzn-errortype"]), /^RequestEntityTooLargeException/);
            assert.equal(emulator.admin.calls().at(-1)?.status, 413);
        });

        it("without the token is refused with 401, also before any of it is sent", async () => {
            const answer = await declareFiftyMegabytes("/_emulator/settings", {
                "content-type": "application/json",
            });
            assert.equal(answer.status, 401);
            assert.ok(answer.sent < 1024, `${answer.sent} bytes sent`);
        });
    });
});
