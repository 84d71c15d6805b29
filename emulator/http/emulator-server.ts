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
import { RestJsonProtocol } from "./rest-json-protocol";
import { handleServiceRequest } from "./service-request";
import type { WireProtocol, WireResponse } from "./wire-protocol";

/** Inspector and STS requests are small; anything past this is refused with 413 instead of being buffered. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * The emulator's HTTP front: reads each request, hands it to the admin API or the service pipeline and writes the
 * answer (or drops the connection). `onChange` runs after anything that changed state, before the answer leaves.
 */
export class EmulatorServer {
    private readonly server: Server;
    private readonly protocols: Readonly<Record<ServiceName, WireProtocol>>;
    private readonly closing = new AbortController();

    constructor(
        private readonly runtime: EmulatorRuntime,
        private readonly onChange: () => void,
    ) {
        this.protocols = {
            inspector2: new RestJsonProtocol("inspector2"),
            inspector: new AwsJsonProtocol("inspector"),
            sts: new AwsQueryProtocol("sts"),
        };
        this.server = createServer((request, response) => {
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
        });
        this.server.keepAliveTimeout = 5_000;
    }

    /** Listens on 127.0.0.1 and resolves to the port (a free one for 0). */
    listen(port: number): Promise<number> {
        return new Promise((resolve, reject) => {
            this.server.once("error", reject);
            this.server.listen(port, "127.0.0.1", () => {
                this.server.off("error", reject);
                resolve((this.server.address() as AddressInfo).port);
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
        const { body, oversized } = await readBody(request, MAX_BODY_BYTES);

        if (rawPath.startsWith(ADMIN_PREFIX)) {
            const admin = oversized
                ? { response: tooLargeForAdmin(), changed: false }
                : handleAdminRequest(this.runtime, method, rawPath, body);
            if (admin.changed) this.onChange();
            this.write(response, admin.response);
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
        this.write(response, outcome.response);
    }

    private write(response: ServerResponse, answer: WireResponse): void {
        response.writeHead(answer.status, {
            ...answer.headers,
            // The SDKs correct their clock from this header, so it follows the emulator's clock.
            date: new Date(this.runtime.now()).toUTCString(),
            "content-length": Buffer.byteLength(answer.body),
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

function tooLargeForAdmin(): WireResponse {
    return {
        status: 413,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message: `The request body is larger than ${MAX_BODY_BYTES} bytes.` }),
    };
}
