import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";
import { request } from "node:http";
import { connect, type Socket } from "node:net";

/** What a raw request got back. */
export interface RawAnswer {
    readonly status: number;
    readonly headers: IncomingHttpHeaders;
    readonly body: string;
}

export interface RawRequest {
    readonly method?: string;
    readonly path: string;
    /** Sent as given; `host` replaces the one Node would send. */
    readonly headers?: OutgoingHttpHeaders;
    readonly body?: string;
    /** False: send no Host header at all. */
    readonly setHost?: boolean;
}

/**
 * Sends one request with Node's own HTTP client, headers exactly as given, the way a hostile page, a proxy or a
 * broken client would: no SDK, no fetch rules about which headers may be set.
 */
export function rawRequest(url: string, options: RawRequest): Promise<RawAnswer> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
        const outgoing = request(
            {
                host: hostname,
                port: Number(port),
                method: options.method ?? "GET",
                path: options.path,
                headers: options.headers,
                setHost: options.setHost ?? true,
                agent: false,
            },
            (response) => {
                let body = "";
                response.setEncoding("utf8");
                response.on("data", (chunk: string) => (body += chunk));
                response.on("end", () =>
                    resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
                );
                response.on("error", reject);
            },
        );
        outgoing.on("error", reject);
        outgoing.end(options.body);
    });
}

/** A plain TCP connection to the emulator, for requests written byte by byte; collects what comes back. */
export interface RawConnection {
    readonly socket: Socket;
    /** Everything received so far. */
    received(): string;
    /** Resolves once the server has closed the connection. */
    readonly closed: Promise<void>;
}

export function rawConnection(url: string): Promise<RawConnection> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
        const socket = connect(Number(port), hostname);
        let text = "";
        socket.setEncoding("utf8");
        socket.on("data", (chunk: string) => (text += chunk));
        const closed = new Promise<void>((done) => socket.once("close", () => done()));
        // Writes after the server hung up fail; the tests look at what was sent and received instead.
        socket.on("error", () => undefined);
        socket.once("connect", () => resolve({ socket, received: () => text, closed }));
        socket.once("error", reject);
    });
}
