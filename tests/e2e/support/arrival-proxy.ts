import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** A request as it reached the proxy, before the emulator has seen it. */
export interface ArrivedRequest {
    readonly method: string;
    readonly path: string;
    /** The Classic operation, from `X-Amz-Target: InspectorService.<Operation>`; undefined for Inspector v2. */
    readonly classicOperation?: string;
}

export type ArrivalMatcher = (request: ArrivedRequest) => boolean;

/** A request the proxy keeps from the emulator until released, as a slow network path would. */
export interface HeldRequest {
    /** Resolves once the request has arrived at the proxy (and is being held). */
    readonly arrived: Promise<void>;
    /** Sends it on to the emulator (at once if it has arrived, else as soon as it does). */
    release(): void;
}

interface Hold {
    readonly matcher: ArrivalMatcher;
    readonly arrive: () => void;
    released: boolean;
    send?: () => void;
}

/** Matches an Inspector v2 (restJson1) call by its HTTP method and path, e.g. `POST /enable`. */
export function inspector2Call(method: string, path: string): ArrivalMatcher {
    return (request) =>
        request.classicOperation === undefined && request.method === method && request.path === path;
}

/** Matches an Inspector Classic (awsJson1_1) call by its operation name. */
export function classicCall(operation: string): ArrivalMatcher {
    return (request) => request.classicOperation === operation;
}

/**
 * A transparent HTTP proxy in front of the emulator that tells when a request has ARRIVED (all of it, body
 * included) and is on its way to the emulator. The emulator logs a call only once it has answered, so a call it
 * is holding (a `latency` fault) is invisible in its call log; the proxy makes "the provider has sent Enable and
 * is waiting for the answer" observable.
 *
 * Requests and answers pass unchanged (the Host header included, so SigV4 signatures still verify). When the
 * client goes away mid-request the forwarded request is NOT cancelled: like AWS, the emulator still executes a
 * call whose caller has died.
 */
export class ArrivalProxy {
    private readonly arrivals: ArrivedRequest[] = [];
    private readonly waiters = new Set<{ matcher: ArrivalMatcher; resolve: () => void }>();
    private readonly holds: Hold[] = [];
    private readonly agent = new http.Agent({ keepAlive: false });
    private readonly server: http.Server;
    private address = "";

    private constructor(private readonly target: URL) {
        this.server = http.createServer((request, response) => this.forward(request, response));
    }

    /** Starts a proxy to `targetUrl` on a free port of 127.0.0.1. */
    static async start(targetUrl: string): Promise<ArrivalProxy> {
        const proxy = new ArrivalProxy(new URL(targetUrl));
        await new Promise<void>((resolve, reject) => {
            proxy.server.once("error", reject);
            proxy.server.listen(0, "127.0.0.1", () => resolve());
        });
        proxy.address = `http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}`;
        return proxy;
    }

    /** http://127.0.0.1:<port> of the proxy. */
    get url(): string {
        return this.address;
    }

    /** The emulator's environment with both service endpoints pointed at the proxy. */
    environment(emulatorEnv: Readonly<Record<string, string>>): Record<string, string> {
        return {
            ...emulatorEnv,
            AWS_ENDPOINT_URL_INSPECTOR2: this.url,
            AWS_ENDPOINT_URL_INSPECTOR: this.url,
        };
    }

    /** Every complete request so far, oldest first. */
    arrived(): readonly ArrivedRequest[] {
        return [...this.arrivals];
    }

    /** Resolves when a matching request has arrived (at once if one already has); rejects after `timeoutMs`. */
    waitFor(matcher: ArrivalMatcher, timeoutMs: number): Promise<void> {
        if (this.arrivals.some(matcher)) return Promise.resolve();
        return new Promise((resolve, reject) => {
            const waiter = {
                matcher,
                resolve: () => {
                    clearTimeout(timer);
                    this.waiters.delete(waiter);
                    resolve();
                },
            };
            const timer = setTimeout(() => {
                this.waiters.delete(waiter);
                const seen = this.arrivals.map(describe).join(", ") || "nothing";
                reject(new Error(`no matching request arrived within ${timeoutMs} ms (arrived: ${seen})`));
            }, timeoutMs);
            this.waiters.add(waiter);
        });
    }

    /**
     * Holds the next request that matches: the proxy answers nothing and forwards nothing until
     * {@link HeldRequest.release}. Its caller may die meanwhile; the request then reaches the emulator late, as
     * a request stuck in a slow network does.
     */
    hold(matcher: ArrivalMatcher): HeldRequest {
        let arrive!: () => void;
        const arrived = new Promise<void>((resolve) => (arrive = resolve));
        const hold: Hold = { matcher, arrive, released: false };
        this.holds.push(hold);
        return {
            arrived,
            release: () => {
                hold.released = true;
                hold.send?.();
            },
        };
    }

    /** Stops listening and cuts open connections (requests still forwarded or held are abandoned). */
    close(): Promise<void> {
        return new Promise((resolve) => {
            this.server.close(() => resolve());
            this.server.closeAllConnections();
            this.agent.destroy();
        });
    }

    private forward(request: http.IncomingMessage, response: http.ServerResponse): void {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        // A client that dies before its request is complete has sent nothing a service would act on.
        request.on("error", () => undefined);
        response.on("error", () => undefined);
        request.on("end", () => {
            const body = Buffer.concat(chunks);
            const arrival = this.record(request);
            const send = () => this.send(request, body, response);
            const hold = this.holds.find((candidate) => !candidate.send && candidate.matcher(arrival));
            if (!hold) return send();
            hold.send = send;
            hold.arrive();
            if (hold.released) send();
        });
    }

    private send(request: http.IncomingMessage, body: Buffer, response: http.ServerResponse): void {
        const upstream = http.request(
            {
                agent: this.agent,
                host: this.target.hostname,
                port: this.target.port,
                method: request.method,
                path: request.url,
                headers: request.headers,
            },
            (answer) => {
                // The client has gone: the answer is read and dropped, the call still happened.
                if (response.destroyed) {
                    answer.resume();
                    return;
                }
                response.writeHead(answer.statusCode ?? 502, answer.headers);
                answer.pipe(response);
            },
        );
        // The emulator dropped the connection (a `drop` fault) or is closing: so does the proxy.
        upstream.on("error", () => response.destroy());
        upstream.end(body);
    }

    private record(request: http.IncomingMessage): ArrivedRequest {
        const targetHeader = request.headers["x-amz-target"];
        const arrival: ArrivedRequest = {
            method: request.method ?? "GET",
            path: (request.url ?? "/").split("?")[0],
            ...(typeof targetHeader === "string" ? { classicOperation: targetHeader.split(".").pop() } : {}),
        };
        this.arrivals.push(arrival);
        for (const waiter of [...this.waiters]) if (waiter.matcher(arrival)) waiter.resolve();
        return arrival;
    }
}

function describe(request: ArrivedRequest): string {
    return request.classicOperation ?? `${request.method} ${request.path}`;
}
