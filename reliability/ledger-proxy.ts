import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import type { RunningEmulator } from "../emulator";
import { packageRoot } from "../tests/support/program-directory";

/** The AWS services the emulator serves, as the SigV4 credential scope names them. */
export type Service = "inspector2" | "inspector" | "sts";

/** One request that reached the proxy in full, before the emulator saw it. */
export interface Arrival {
    readonly service: Service;
    readonly operation: string;
    /** The request's JSON body (Inspector) or form fields (STS); `{}` when it has none. */
    readonly input: Readonly<Record<string, unknown>>;
}

/** One mutating call the emulator answered (or failed to), and how many times it really executed it. */
export interface Execution {
    readonly service: Service;
    readonly operation: string;
    /** What makes two calls the same work: the Enable token, the run name, the run ARN, the accounts and types. */
    readonly key: string;
    /** The Enable call's client token, when it carried one. */
    readonly token?: string;
    /** 1 when the emulator executed it, 0 when it replayed an earlier answer or refused the call. */
    readonly executed: number;
    /** The emulator's HTTP status; 0 when the connection was dropped or the emulator was down. */
    readonly status: number;
    /** The proxy kept the answer from the caller (a lost answer, an emulator restart). */
    readonly answerLost: boolean;
}

/** How the emulator answered one call (any call), and whether the proxy kept the answer from the caller. */
export interface Answered {
    readonly service: Service;
    readonly operation: string;
    /** 0 when the connection was dropped or the emulator was down. */
    readonly status: number;
    /** The error's name (`x-amzn-ErrorType`, or the `__type` or `Code` of the body), if any. */
    readonly errorType?: string;
    /** How long the emulator took to answer. */
    readonly ms: number;
    readonly answerLost: boolean;
}

/**
 * What the proxy does to the calls a hook matches. `before` runs once the request has arrived, before it goes on
 * (a killed caller, a burst of errors armed at the worst moment); `after` once the emulator has answered, before
 * the answer goes back: returning "lose" drops the answer (the caller sees its connection reset).
 */
export interface Hook {
    readonly match: (call: Arrival) => boolean;
    /** Matching calls to let through untouched before the hook applies (e.g. a preview's reads). */
    readonly skip?: number;
    /** How many matching calls it applies to after the skipped ones; default 1. */
    readonly times?: number;
    readonly before?: (call: Arrival) => void | Promise<void>;
    readonly after?: (call: Arrival) => "relay" | "lose" | Promise<"relay" | "lose">;
}

/** A hook as the proxy keeps it, with its counts. */
interface ArmedHook {
    readonly hook: Hook;
    seen: number;
    applied: number;
    readonly fire: () => void;
}

/** The calls that change something in Inspector; only they are counted (and sent one at a time). */
const MUTATIONS = new Set([
    "inspector2 Enable",
    "inspector2 Disable",
    "inspector StartAssessmentRun",
    "inspector StopAssessmentRun",
    "inspector DeleteAssessmentRun",
]);

/**
 * An HTTP proxy between the provider and the emulator that keeps the ledger the reliability matrix reports: for
 * every mutating call, whether the emulator really executed it (its mutation log grew) or answered from an
 * idempotency record. Mutating calls go on one at a time, so the growth of the log belongs to exactly one call;
 * reads pass freely. Requests pass unchanged (the Host header included, so signatures still verify), and a call
 * whose caller has died still reaches the emulator, as it would reach AWS.
 *
 * Hooks inject what the emulator's own faults cannot: a caller killed while its call is on the way, an answer
 * lost after the call was executed, an emulator restarted between executing a call and answering it.
 */
export class LedgerProxy {
    private readonly ledger: Execution[] = [];
    private readonly answers: Answered[] = [];
    private readonly arrivals: Arrival[] = [];
    private readonly hooks: ArmedHook[] = [];
    private readonly agent = new http.Agent({ keepAlive: false });
    private readonly server: http.Server;
    private mutationQueue: Promise<void> = Promise.resolve();
    private inFlight = 0;
    private idleWaiters: (() => void)[] = [];
    private address = "";

    private constructor(private readonly target: () => RunningEmulator) {
        this.server = http.createServer((request, response) => this.receive(request, response));
    }

    /** Starts a proxy on a free port of 127.0.0.1 to the emulator `target` returns (it may change on restart). */
    static async start(target: () => RunningEmulator): Promise<LedgerProxy> {
        const proxy = new LedgerProxy(target);
        await new Promise<void>((resolve, reject) => {
            proxy.server.once("error", reject);
            proxy.server.listen(0, "127.0.0.1", () => resolve());
        });
        proxy.address = `http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}`;
        return proxy;
    }

    get url(): string {
        return this.address;
    }

    /** The emulator's environment with every service endpoint pointed at the proxy. */
    environment(emulatorEnv: Readonly<Record<string, string>>): Record<string, string> {
        return {
            ...emulatorEnv,
            AWS_ENDPOINT_URL_INSPECTOR2: this.url,
            AWS_ENDPOINT_URL_INSPECTOR: this.url,
            AWS_ENDPOINT_URL_STS: this.url,
        };
    }

    /** The mutating calls since the last {@link clear}, in the order they were answered. */
    executions(): readonly Execution[] {
        return [...this.ledger];
    }

    /** Every call answered (or dropped) since the last {@link clear}. */
    answered(): readonly Answered[] {
        return [...this.answers];
    }

    /** Every call that arrived since the last {@link clear}. */
    arrived(): readonly Arrival[] {
        return [...this.arrivals];
    }

    /** Forgets the ledger and the arrivals (after a scenario's setup). */
    clear(): void {
        this.ledger.length = 0;
        this.answers.length = 0;
        this.arrivals.length = 0;
    }

    /** Arms a hook; the promise resolves once it has applied as many times as it should. */
    addHook(hook: Hook): Promise<void> {
        let fire!: () => void;
        const fired = new Promise<void>((resolve) => (fire = resolve));
        this.hooks.push({ hook, seen: 0, applied: 0, fire });
        return fired;
    }

    clearHooks(): void {
        this.hooks.length = 0;
    }

    /** Resolves when no call is on its way through the proxy. */
    idle(): Promise<void> {
        if (this.inFlight === 0) return Promise.resolve();
        return new Promise((resolve) => this.idleWaiters.push(resolve));
    }

    close(): Promise<void> {
        return new Promise((resolve) => {
            this.server.close(() => resolve());
            this.server.closeAllConnections();
            this.agent.destroy();
        });
    }

    private receive(request: http.IncomingMessage, response: http.ServerResponse): void {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        // A caller that dies before its request is complete has sent nothing a service would act on.
        request.on("error", () => undefined);
        response.on("error", () => undefined);
        request.on("end", () => {
            this.inFlight++;
            void this.handle(request, Buffer.concat(chunks), response).finally(() => {
                if (--this.inFlight > 0) return;
                for (const resolve of this.idleWaiters.splice(0)) resolve();
            });
        });
    }

    private async handle(
        request: http.IncomingMessage,
        body: Buffer,
        response: http.ServerResponse,
    ): Promise<void> {
        const call = identify(request, body);
        this.arrivals.push(call);
        const hooks = this.hooks.filter((armed) => {
            if (!armed.hook.match(call)) return false;
            armed.seen++;
            if (armed.seen <= (armed.hook.skip ?? 0)) return false;
            return armed.applied < (armed.hook.times ?? 1);
        });
        for (const armed of hooks) armed.applied++;
        for (const armed of hooks) await armed.hook.before?.(call);

        const mutation = MUTATIONS.has(`${call.service} ${call.operation}`);
        let release = () => undefined as void;
        if (mutation) {
            const previous = this.mutationQueue;
            this.mutationQueue = new Promise<void>((resolve) => (release = resolve));
            await previous;
        }
        let answer: Answer;
        let executed = 0;
        const started = Date.now();
        try {
            const emulator = this.target();
            const before = emulator.admin.mutations().length;
            answer = await this.forward(request, body);
            executed = emulator.admin.mutations().length - before;
        } finally {
            release();
        }
        const ms = Date.now() - started;

        let lose = false;
        for (const armed of hooks) {
            if ((await armed.hook.after?.(call)) === "lose") lose = true;
        }
        for (const armed of hooks) if (armed.applied >= (armed.hook.times ?? 1)) armed.fire();
        if (mutation) {
            const { key, token } = workKey(call);
            this.ledger.push({
                service: call.service,
                operation: call.operation,
                key,
                ...(token ? { token } : {}),
                executed,
                status: answer.status,
                answerLost: lose || answer.status === 0,
            });
        }
        const errorType = errorTypeOf(answer);
        this.answers.push({
            service: call.service,
            operation: call.operation,
            status: answer.status,
            ...(errorType ? { errorType } : {}),
            ms,
            answerLost: lose || answer.status === 0,
        });
        if (lose || answer.status === 0 || response.destroyed) {
            response.destroy();
            return;
        }
        response.writeHead(answer.status, answer.headers);
        response.end(answer.body);
    }

    /** Sends the request on and reads the whole answer; status 0 when the emulator dropped it or was down. */
    private forward(request: http.IncomingMessage, body: Buffer): Promise<Answer> {
        const target = new URL(this.target().url);
        return new Promise((resolve) => {
            const upstream = http.request(
                {
                    agent: this.agent,
                    host: target.hostname,
                    port: target.port,
                    method: request.method,
                    path: request.url,
                    headers: request.headers,
                },
                (answer) => {
                    const chunks: Buffer[] = [];
                    answer.on("data", (chunk: Buffer) => chunks.push(chunk));
                    answer.on("error", () => resolve(DROPPED));
                    answer.on("end", () =>
                        resolve({
                            status: answer.statusCode ?? 502,
                            headers: answer.headers,
                            body: Buffer.concat(chunks),
                        }),
                    );
                },
            );
            upstream.on("error", () => resolve(DROPPED));
            upstream.end(body);
        });
    }
}

interface Answer {
    readonly status: number;
    readonly headers: http.IncomingHttpHeaders;
    readonly body: Buffer;
}

const DROPPED: Answer = { status: 0, headers: {}, body: Buffer.alloc(0) };

/** The error name of an answer: restJson1's header, awsJson's `__type`, or awsQuery's `<Code>`. */
function errorTypeOf(answer: Answer): string | undefined {
    if (answer.status < 300) return undefined;
    const header = answer.headers["x-amzn-errortype"];
    if (typeof header === "string") return header.split(":")[0];
    const text = answer.body.toString("utf8");
    return /"__type"\s*:\s*"(?:[^"#]*#)?([^"]+)"/.exec(text)?.[1] ?? /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
}

/** Inspector (v2) operations by `METHOD /path`, from the API model the emulator serves. */
let restOperations: Map<string, string> | undefined;

function inspector2Operation(method: string, url: string): string {
    if (!restOperations) {
        const model = JSON.parse(
            fs.readFileSync(
                path.join(packageRoot(), "emulator", "models", "inspector2-2020-06-08.botocore.json"),
                "utf8",
            ),
        ) as { operations: Record<string, { http: { method: string; requestUri: string } }> };
        restOperations = new Map(
            Object.entries(model.operations).map(([name, operation]) => [
                `${operation.http.method} ${operation.http.requestUri.split("?")[0]}`,
                name,
            ]),
        );
    }
    const route = `${method} ${url.split("?")[0]}`;
    return restOperations.get(route) ?? route;
}

/** The service (from the signature's credential scope), the operation and the input of a request. */
function identify(request: http.IncomingMessage, body: Buffer): Arrival {
    const scope = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(request.headers.authorization ?? "");
    const service = (scope?.[1] ?? "inspector2") as Service;
    const text = body.toString("utf8");
    if (service === "sts") {
        const form = Object.fromEntries(new URLSearchParams(text));
        return { service, operation: form.Action ?? "", input: form };
    }
    let input: Record<string, unknown> = {};
    try {
        if (text) input = JSON.parse(text) as Record<string, unknown>;
    } catch {
        // Not JSON: the emulator answers it as malformed; the ledger has nothing to read from it.
    }
    const target = request.headers["x-amz-target"];
    const operation =
        typeof target === "string"
            ? (target.split(".").pop() ?? "")
            : inspector2Operation(request.method ?? "GET", request.url ?? "/");
    return { service, operation, input };
}

function sortedList(value: unknown): string {
    return Array.isArray(value) ? [...value].map(String).sort().join(",") : "";
}

/**
 * What makes two mutating calls the same work. Enable and Disable: the accounts and types (an Enable's token is
 * kept beside it); StartAssessmentRun: the run's name, its idempotency key; Stop and Delete: the run.
 */
function workKey(call: Arrival): { key: string; token?: string } {
    const input = call.input;
    switch (call.operation) {
        case "Enable":
        case "Disable": {
            const token = typeof input.clientToken === "string" ? input.clientToken : undefined;
            return {
                key: `${sortedList(input.accountIds)} ${sortedList(input.resourceTypes)}`,
                ...(token ? { token } : {}),
            };
        }
        case "StartAssessmentRun":
            return { key: String(input.assessmentRunName ?? "") };
        default:
            return { key: String(input.assessmentRunArn ?? "") };
    }
}
