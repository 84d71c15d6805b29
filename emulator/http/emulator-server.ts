import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { EmulatorRuntime } from "../emulator-runtime";
import type { ServiceName } from "../service";
import type { ArrivedRequest } from "../signature/verify-signature";
import { ADMIN_PREFIX, handleAdminRequest } from "./admin-request";
import { AwsJsonProtocol } from "./aws-json-protocol";
import { AwsQueryProtocol } from "./aws-query-protocol";
import { readBody } from "./read-body";
import type { Refusal } from "./request-guard";
import { adminRefusal, loopbackRefusal } from "./request-guard";
import { RestJsonProtocol } from "./rest-json-protocol";
import type { ServerLimits } from "./server-limits";
import { handleServiceRequest } from "./service-request";
import type { WireProtocol, WireResponse } from "./wire-protocol";

/** What the server needs besides the runtime: its limits and the admin token. */
export interface ServerOptions {
    readonly limits: ServerLimits;
    readonly adminToken: string;
}

/**
 * The emulator's HTTP front: checks each request (loopback Host, no foreign Origin; for the admin API no AWS
 * signature, the token and JSON), reads its body within the limits, hands it to the admin API or the service
 * pipeline and writes the answer (or drops the connection). `onChange` runs after anything that changed state,
 * before the answer leaves.
 */
export class EmulatorServer {
    private readonly server: Server;
    private readonly protocols: Readonly<Record<ServiceName, WireProtocol>>;
    private readonly closing = new AbortController();
    private port = 0;

    constructor(
        private readonly runtime: EmulatorRuntime,
        private readonly onChange: () => void,
        private readonly options: ServerOptions,
    ) {
        this.protocols = {
            inspector2: new RestJsonProtocol("inspector2"),
            inspector: new AwsJsonProtocol("inspector"),
            sts: new AwsQueryProtocol("sts"),
        };
        const { headersTimeoutMs, requestTimeoutMs } = options.limits;
        this.server = createServer(
            {
                // Node answers 408 and closes the connection itself when either runs out; it looks every
                // `connectionsCheckingInterval` ms, so that follows the shorter timeout.
                headersTimeout: headersTimeoutMs,
                requestTimeout: requestTimeoutMs,
                connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(headersTimeoutMs / 4))),
            },
            (request, response) => {
                this.handle(request, response).catch((error: unknown) => {
                    // A broken connection or an emulator bug: answer if the connection still can be answered.
                    if (!response.headersSent && !response.destroyed) {
                        this.write(response, {
                            status: 500,
                            headers: { "content-type": "application/json" },
                            body: JSON.stringify({ message: `The emulator failed: ${String(error)}` }),
                        });
                    }
                });
            },
        );
        this.server.keepAliveTimeout = 5_000;
    }

    /** Listens on 127.0.0.1 and resolves to the port (a free one for 0). */
    listen(port: number): Promise<number> {
        return new Promise((resolve, reject) => {
            this.server.once("error", reject);
            this.server.listen(port, "127.0.0.1", () => {
                this.server.off("error", reject);
                this.port = (this.server.address() as AddressInfo).port;
                resolve(this.port);
            });
        });
    }

    /** Stops listening, cuts open connections and abandons delayed requests. */
    close(): Promise<void> {
        this.closing.abort();
        return new Promise((resolve, reject) => {
            this.server.close((error) => (error ? reject(error) : resolve()));
            this.server.closeAllConnections();
        });
    }

    private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
        const url = request.url ?? "/";
        const queryStart = url.indexOf("?");
        const rawPath = queryStart < 0 ? url : url.slice(0, queryStart);
        const rawQuery = queryStart < 0 ? "" : url.slice(queryStart + 1);
        const method = request.method ?? "GET";
        const admin = rawPath.startsWith(ADMIN_PREFIX);
        const { limits, adminToken } = this.options;

        // Everything that turns a request away does so before a byte of its body is read.
        const refusal =
            loopbackRefusal(request.headers, this.port) ??
            (admin ? adminRefusal(method, request.headers, rawQuery, adminToken) : undefined);
        if (refusal) return this.refuse(response, refusal);

        const declared = Number(request.headers["content-length"] ?? 0);
        const read =
            declared > limits.maxBodyBytes
                ? ({ kind: "oversized" } as const)
                : await readBody(request, limits.maxBodyBytes, limits.bodyIdleTimeoutMs);
        if (read.kind === "idle") {
            return this.refuse(response, {
                status: 408,
                message: `The request body stopped arriving for ${limits.bodyIdleTimeoutMs} ms.`,
            });
        }
        const oversized = read.kind === "oversized";
        const body = read.kind === "body" ? read.body : Buffer.alloc(0);

        if (admin) {
            if (oversized) {
                return this.refuse(response, {
                    status: 413,
                    message: `The request body is larger than ${limits.maxBodyBytes} bytes.`,
                });
            }
            const answer = handleAdminRequest(this.runtime, method, rawPath, rawQuery, body);
            if (answer.changed) this.onChange();
            this.write(response, answer.response);
            return;
        }

        const arrived: ArrivedRequest = {
            method,
            rawPath,
            rawQuery,
            headers: flattenHeaders(request.headers),
            body,
        };
        const changesBefore = this.runtime.changeCount;
        const outcome = await handleServiceRequest(this.runtime, this.protocols, arrived, {
            oversized,
            signal: this.closing.signal,
        });
        if (this.runtime.changeCount !== changesBefore) this.onChange();
        if ("drop" in outcome) {
            request.socket.destroy();
            return;
        }
        // An unread body stays unread: the connection closes after the answer.
        this.write(response, outcome.response, oversized);
    }

    /** Answers a refused request and closes the connection, so that whatever body it has is never read. */
    private refuse(response: ServerResponse, refusal: Refusal): void {
        this.write(
            response,
            {
                status: refusal.status,
                headers: { "content-type": "application/json" },
                body: JSON.stringify({ message: refusal.message }),
            },
            true,
        );
    }

    private write(response: ServerResponse, answer: WireResponse, close = false): void {
        response.writeHead(answer.status, {
            ...answer.headers,
            // The SDKs correct their clock from this header, so it follows the emulator's clock.
            date: new Date(this.runtime.now()).toUTCString(),
            "content-length": Buffer.byteLength(answer.body),
            ...(close ? { connection: "close" } : {}),
        });
        response.end(answer.body);
    }
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
    const flat: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(",") : value;
    }
    return flat;
}
