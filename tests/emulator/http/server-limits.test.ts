import assert from "node:assert/strict";
import { once } from "node:events";
import type { IncomingMessage } from "node:http";
import { request } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { BatchGetAccountStatusCommand } from "@aws-sdk/client-inspector2";
import type { RunningEmulator } from "../../../emulator";
import { DEFAULT_LIMITS, startEmulator } from "../../../emulator";
import { serverLimits } from "../../../emulator/http/server-limits";
import { rawConnection } from "../support/raw-http";
import { inspector2Client } from "../support/sdk-clients";

/** Short limits, so that a test sees them run out within a fraction of a second. */
const TEST_LIMITS = {
    maxBodyBytes: 64 * 1024,
    headersTimeoutMs: 300,
    requestTimeoutMs: 800,
    bodyIdleTimeoutMs: 250,
};

describe("emulator server limits", () => {
    let emulator: RunningEmulator;
    before(async () => (emulator = await startEmulator({ limits: TEST_LIMITS })));
    after(() => emulator.close());
    beforeEach(() => emulator.admin.reset());

    it("defaults to a 4 MiB body, 10 s for headers, 30 s for a request and 10 s of body silence", () => {
        assert.deepEqual(DEFAULT_LIMITS, {
            maxBodyBytes: 4 * 1024 * 1024,
            headersTimeoutMs: 10_000,
            requestTimeoutMs: 30_000,
            bodyIdleTimeoutMs: 10_000,
        });
        assert.deepEqual(serverLimits(), DEFAULT_LIMITS);
    });

    it("refuses limits that are not positive integers or out of order", async () => {
        assert.throws(
            () => serverLimits({ maxBodyBytes: 0 }),
            /limits.maxBodyBytes 0 must be a positive integer/,
        );
        assert.throws(
            () => serverLimits({ headersTimeoutMs: 2_000, requestTimeoutMs: 1_000 }),
            /limits.headersTimeoutMs 2000 must not exceed limits.requestTimeoutMs 1000/,
        );
        await assert.rejects(
            startEmulator({ limits: { bodyIdleTimeoutMs: 1.5 } }),
            /must be a positive integer/,
        );
    });

    it("times out a connection that trickles its headers", async () => {
        const connection = await rawConnection(emulator.url);
        connection.socket.write("GET /_emulator/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        const lines = 100;
        let sent = 0;
        let closed = false;
        void connection.closed.then(() => (closed = true));
        // One header line every 50 ms would take 5 s to finish; the headers timeout is 300 ms.
        while (sent < lines && !closed) {
            connection.socket.write(`X-Trickle-${sent}: a\r\n`);
            sent++;
            await sleep(50);
        }
        await connection.closed;
        assert.ok(sent < lines / 2, `${sent} of ${lines} header lines were sent before the server hung up`);
        assert.match(connection.received(), /^HTTP\/1\.1 408 /);
    });

    it("times out a body that stops arriving, and acts on none of it", async () => {
        const connection = await rawConnection(emulator.url);
        const body = JSON.stringify({ seed: 7 });
        connection.socket.write(
            [
                "POST /_emulator/settings HTTP/1.1",
                "Host: 127.0.0.1",
                `X-Emulator-Token: ${emulator.adminToken}`,
                "Content-Type: application/json",
                `Content-Length: ${body.length + 100}`,
                "",
                body,
            ].join("\r\n"),
        );
        await connection.closed;
        const answer = connection.received();
        assert.match(answer, /^HTTP\/1\.1 408 /);
        assert.match(answer, /The request body stopped arriving for 250 ms\./);
        assert.equal(emulator.admin.settings().seed, 42);
    });

    it("times out a body that arrives too slowly as a whole", async () => {
        const connection = await rawConnection(emulator.url);
        const length = 100;
        connection.socket.write(
            [
                "POST /enable HTTP/1.1",
                "Host: 127.0.0.1",
                "Content-Type: application/json",
                `Content-Length: ${length}`,
                "",
                "",
            ].join("\r\n"),
        );
        let sent = 0;
        let closed = false;
        void connection.closed.then(() => (closed = true));
        // A byte every 100 ms: never silent for the 250 ms the idle timeout allows, 10 s in all.
        while (sent < length && !closed) {
            connection.socket.write(" ");
            sent++;
            await sleep(100);
        }
        await connection.closed;
        assert.ok(sent < length / 2, `${sent} of ${length} body bytes were sent before the server hung up`);
        assert.match(connection.received(), /^HTTP\/1\.1 408 /);
        assert.deepEqual(emulator.admin.calls(), []);
    });

    it("stops reading a chunked body once it passes the size limit", async () => {
        const outgoing = request({
            host: "127.0.0.1",
            port: Number(new URL(emulator.url).port),
            method: "POST",
            path: "/_emulator/settings",
            headers: {
                "x-emulator-token": emulator.adminToken,
                "content-type": "application/json",
                "transfer-encoding": "chunked",
            },
            agent: false,
        });
        outgoing.on("error", () => undefined);
        let response: IncomingMessage | undefined;
        const responded = once(outgoing, "response").then(
            ([answer]) => (response = answer as IncomingMessage),
        );
        const chunk = Buffer.alloc(16 * 1024, 0x20);
        const total = 50 * 1024 * 1024;
        let written = 0;
        while (!response && !outgoing.destroyed && written < total) {
            if (!outgoing.write(chunk)) await Promise.race([once(outgoing, "drain"), responded]);
            written += chunk.length;
        }
        const answer = await responded;
        assert.equal(answer.statusCode, 413);
        assert.ok(written > TEST_LIMITS.maxBodyBytes, `${written} bytes written`);
        assert.ok(written < total / 4, `${written} of ${total} bytes written before the answer`);
        outgoing.destroy();
    });

    it("counts only the arrival of a request, not the time the emulator takes to answer it", async () => {
        emulator.admin.updateSettings({
            faults: [{ operation: "BatchGetAccountStatus", kind: "latency", value: 1_000 }],
        });
        try {
            const status = await inspector2Client(emulator).send(new BatchGetAccountStatusCommand({}));
            assert.equal(status.accounts?.[0]?.accountId, "111122223333");
        } finally {
            emulator.admin.updateSettings({ faults: [] });
        }
    });
});
