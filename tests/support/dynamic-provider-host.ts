/**
 * Runs a Pulumi dynamic provider the way the Pulumi engine does, so tests exercise the serialised `__provider`
 * text and the gRPC round trip instead of calling provider methods directly.
 *
 * What the real engine does, and what this harness copies:
 * - the program serialises the provider object with `serializeFunction(() => provider, { allowSecrets: true })`
 *   into the `__provider` input ({@link serializeDynamicProvider}, {@link withProvider});
 * - the engine starts the `pulumi-resource-pulumi-nodejs` plugin, which is `node` running
 *   `@pulumi/pulumi/cmd/dynamic-provider` resolved from the program directory, with the engine's address as its
 *   only argument; the plugin prints its port, then serves `pulumirpc.ResourceProvider`;
 * - the engine calls Configure (the whole stack config, namespaced keys such as `aws:region`), then Check, Diff,
 *   Create, Read, Update and Delete with protobuf Structs that carry `__provider`. A create or update that fails
 *   with an `id` comes back as `pulumirpc.ErrorResourceInitFailed` in the status details ({@link HostError}).
 * - the plugin never connects back to the engine: `pulumi.log.*` inside a provider falls back to the console,
 *   which the engine passes through to the user. {@link DynamicProviderHost.logs} parses it from there. With
 *   `connectEngine: true` the host gets `PULUMI_NODEJS_ENGINE` and logs reach a fake engine's `Log` instead.
 *
 * How `require` resolves inside the host (what the "thin" provider objects must use):
 * the host evaluates `__provider` with `require-from-string` and an empty file name, so the module's `require`
 * looks bare specifiers up in the `node_modules` directories from the host's working directory (the program
 * directory) upwards, resolves `./x` against that working directory, and cannot self-reference a package
 * (Node needs the requiring module's file name for that). Therefore provider methods must
 * `require("pulumi-inspector/dist/provider/<file>.js")`: a bare specifier, through the package's
 * `"./dist/*"` export, WITH the `.js` extension (export patterns add no extension). That resolves for users,
 * whose program has pulumi-inspector in node_modules, and in this repository's tests because the host runs in
 * a temporary program directory with `node_modules/pulumi-inspector` linked to the repository
 * ({@link createProgramDirectory}). Relative paths and absolute paths written into `__provider` break as soon
 * as state is used from another directory or machine.
 *
 * @example
 * let host: DynamicProviderHost;
 * before(async () => (host = await startDynamicProviderHost({ env: { AWS_REGION: "eu-west-1" } })));
 * after(() => host.close());
 *
 * it("creates", async () => {
 *     const provider = await serializeDynamicProvider(myThinProvider);
 *     await host.configure({ "aws:region": "us-east-1" });
 *     const urn = resourceUrn("scan");
 *     const { inputs } = await host.check(urn, {}, withProvider(provider, { accountIds: ["123456789012"] }));
 *     const { id, outs } = await host.create(urn, inputs);
 * });
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as readline from "node:readline";
import * as grpc from "@grpc/grpc-js";
import type { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct, type JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import * as providerRpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { FakeEngine } from "./fake-engine";
import { createProgramDirectory, PACKAGE_NAME, type ProgramDirectory } from "./program-directory";
import { parseConsoleLog, type LogEntry } from "./provider-log";
import type { Properties } from "./serialize-dynamic-provider";

export type { LogEntry, LogSeverity } from "./provider-log";
export { createProgramDirectory, packageRoot } from "./program-directory";
export {
    PROVIDER_KEY,
    serializeDynamicProvider,
    withProvider,
    type Properties,
} from "./serialize-dynamic-provider";

/** The type token of a `pulumi.dynamic.Resource` registered without module or type. */
export const DYNAMIC_RESOURCE_TYPE = "pulumi-nodejs:dynamic:Resource";

/** The engine's message size limit (400 MiB); gRPC's 4 MiB default would reject a bloated `__provider` early. */
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

/** How long the host may take to print its port before start gives up. */
const START_TIMEOUT_MS = 30_000;

/** How long close waits for the host to exit after SIGTERM before it sends SIGKILL. */
const KILL_GRACE_MS = 5_000;

export interface HostOptions {
    /**
     * The host's working directory, as the engine uses the program directory. Bare `require`s in serialised
     * providers resolve from its `node_modules`. Default: a fresh {@link createProgramDirectory} (with this
     * package installed as a user has it), deleted on close.
     */
    cwd?: string;
    /**
     * Variables added to this process's environment for the host (AWS endpoints, credentials, region…). They
     * are fixed for the host's life, and the SDK clients the provider caches keep them: start the emulator
     * first, then the host pointing at it. (The engine also sets `PULUMI_CONFIG` to the stack config as JSON;
     * pass it here if a provider reads `pulumi.Config`.)
     */
    env?: Record<string, string>;
    /**
     * Give the host `PULUMI_NODEJS_ENGINE` so `pulumi.log.*` goes to the fake engine over gRPC. The real engine
     * does NOT do this; leave it off to test what users see. Default false.
     */
    connectEngine?: boolean;
}

export interface CheckFailure {
    readonly property: string;
    readonly reason: string;
}

export interface CheckResult {
    /** The checked inputs, with `__provider` put back by the host. */
    readonly inputs: Properties;
    readonly failures: CheckFailure[];
}

export interface DiffResult {
    /** "unknown" when the provider has no diff or did not say. */
    readonly changes: "unknown" | "none" | "some";
    readonly replaces: string[];
    readonly stables: string[];
    readonly diffs: string[];
    readonly deleteBeforeReplace: boolean;
}

export interface CreateResult {
    readonly id: string;
    /** The outputs, with `__provider` added by the host (this is what the engine stores as state). */
    readonly outs: Properties;
}

export interface ReadResult {
    /** Empty when the provider reports that the resource no longer exists. */
    readonly id: string;
    readonly props: Properties;
    /** Only when the provider returned inputs to store. */
    readonly inputs?: Properties;
}

export interface UpdateResult {
    readonly outs: Properties;
}

/** What the engine keeps of a resource whose create or update failed after the work was partly done. */
export interface InitFailure {
    readonly id: string;
    readonly properties: Properties;
    readonly reasons: string[];
}

/** A failed provider call, as the engine receives it. */
export class HostError extends Error {
    constructor(
        message: string,
        /** The gRPC status; provider exceptions arrive as UNKNOWN, a crashed host as UNAVAILABLE. */
        readonly code: grpc.status,
        /** Set when the provider threw an error carrying `id` (see PartialFailure). */
        readonly initFailure?: InitFailure,
    ) {
        super(message);
        this.name = "HostError";
    }
}

/** A string matches a log entry whose message contains it. */
export type LogMatcher = string | RegExp | ((entry: LogEntry) => boolean);

/** A URN for a resource of `type` (by default a plain dynamic resource) in a test stack. */
export function resourceUrn(name: string, type: string = DYNAMIC_RESOURCE_TYPE): string {
    return `urn:pulumi:test::${PACKAGE_NAME}::${type}::${name}`;
}

/**
 * Spawns the real dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider` under this Node binary) and
 * connects to it. Starting takes about a second: share one host per test file (mocha before/after).
 */
export async function startDynamicProviderHost(options: HostOptions = {}): Promise<DynamicProviderHost> {
    const program = options.cwd === undefined ? await createProgramDirectory() : undefined;
    const cwd = options.cwd ?? program!.path;
    const logs: LogEntry[] = [];
    const onLog = new Set<(entry: LogEntry) => void>();
    const record = (entry: LogEntry) => {
        logs.push(entry);
        for (const listener of onLog) listener(entry);
    };
    const engine = await FakeEngine.start(record);
    let child: ChildProcess | undefined;
    try {
        // Resolved from the program directory, as the pulumi-resource-pulumi-nodejs launcher does.
        const script = require.resolve("@pulumi/pulumi/cmd/dynamic-provider", { paths: [cwd] });
        const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
        delete env.PULUMI_NODEJS_ENGINE;
        if (options.connectEngine) env.PULUMI_NODEJS_ENGINE = engine.address;
        child = spawn(process.execPath, [script, engine.address], {
            cwd,
            env,
            stdio: ["ignore", "pipe", "pipe"],
        });
        const output: string[] = [];
        const port = await readPort(child, (line) => {
            output.push(line);
            const entry = parseConsoleLog(line);
            if (entry) record(entry);
        });
        const client = new providerRpc.ResourceProviderClient(
            `127.0.0.1:${port}`,
            grpc.credentials.createInsecure(),
            {
                "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
                "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
            },
        );
        return new DynamicProviderHost(cwd, child, client, engine, program, logs, output, onLog);
    } catch (error) {
        if (child && child.exitCode === null) child.kill("SIGKILL");
        engine.close();
        await program?.remove();
        throw error;
    }
}

/** A running dynamic-provider host. Every method is one gRPC call, with the engine's request fields. */
export class DynamicProviderHost {
    private closed?: Promise<void>;
    private readonly killOnExit = () => this.child.kill("SIGKILL");
    private readonly pendingWaits = new Set<(error: Error) => void>();

    /** @internal use {@link startDynamicProviderHost}. */
    constructor(
        /** The host's working directory (the program directory). */
        readonly cwd: string,
        private readonly child: ChildProcess,
        private readonly client: providerRpc.ResourceProviderClient,
        private readonly engine: FakeEngine,
        private readonly program: ProgramDirectory | undefined,
        /**
         * Messages the provider logged with `pulumi.log.*`, oldest first: parsed from the host's console output
         * (as the engine shows it), or received by the fake engine with `connectEngine`. They arrive apart from
         * the call that logged them; use {@link waitForLog} before asserting on one.
         */
        readonly logs: LogEntry[],
        /** Every line the host wrote to stdout (after its port) and stderr, e.g. stack traces of failed calls. */
        readonly output: string[],
        private readonly onLog: Set<(entry: LogEntry) => void>,
    ) {
        // A test run that dies without close must not leave the host behind.
        process.on("exit", this.killOnExit);
    }

    /** The host process's id. */
    get pid(): number {
        return this.child.pid!;
    }

    /**
     * Configure: hands the stack config (namespaced keys, e.g. `{ "aws:region": "us-east-1" }`) to the host.
     * Call it before anything else. The host runs a provider's own `configure` lazily, once per distinct
     * `__provider` text, when that text is first used, with the config it holds at that moment; configuring
     * again later does not reach providers already loaded. Implementation modules are loaded once per host
     * too, so their module-level state is shared by the tests that share a host, as by the resources of a stack.
     */
    async configure(config: Properties): Promise<void> {
        const request = new providerProto.ConfigureRequest();
        request.setArgs(toStruct(config));
        const variables = request.getVariablesMap();
        for (const [key, value] of Object.entries(config)) {
            variables.set(key, typeof value === "string" ? value : JSON.stringify(value));
        }
        request.setAcceptsecrets(true);
        request.setAcceptresources(true);
        request.setSendsOldInputs(true);
        request.setSendsOldInputsToDelete(true);
        await this.call<providerProto.ConfigureResponse>((done) => this.client.configure(request, done));
    }

    /** Check: `olds` are the previous inputs (`{}` for a new resource), `news` the program's inputs. */
    async check(urn: string, olds: Properties, news: Properties): Promise<CheckResult> {
        const request = new providerProto.CheckRequest();
        setNames(request, urn);
        request.setOlds(toStruct(olds));
        request.setNews(toStruct(news));
        const response = await this.call<providerProto.CheckResponse>((done) =>
            this.client.check(request, done),
        );
        return {
            inputs: fromStruct(response.getInputs()),
            failures: response
                .getFailuresList()
                .map((failure) => ({ property: failure.getProperty(), reason: failure.getReason() })),
        };
    }

    /** Diff: `olds` are the stored outputs, `news` the checked inputs. */
    async diff(id: string, urn: string, olds: Properties, news: Properties): Promise<DiffResult> {
        const request = new providerProto.DiffRequest();
        setNames(request, urn);
        request.setId(id);
        request.setOlds(toStruct(olds));
        request.setNews(toStruct(news));
        const response = await this.call<providerProto.DiffResponse>((done) =>
            this.client.diff(request, done),
        );
        const changes = { [DiffChanges.DIFF_NONE]: "none", [DiffChanges.DIFF_SOME]: "some" } as const;
        return {
            changes: changes[response.getChanges() as keyof typeof changes] ?? "unknown",
            replaces: response.getReplacesList(),
            stables: response.getStablesList(),
            diffs: response.getDiffsList(),
            deleteBeforeReplace: response.getDeletebeforereplace(),
        };
    }

    /** Create: `props` are the checked inputs. Throws {@link HostError} (with `initFailure` for partial work). */
    async create(urn: string, props: Properties): Promise<CreateResult> {
        const request = new providerProto.CreateRequest();
        setNames(request, urn);
        request.setProperties(toStruct(props));
        const response = await this.call<providerProto.CreateResponse>((done) =>
            this.client.create(request, done),
        );
        return { id: response.getId(), outs: fromStruct(response.getProperties()) };
    }

    /** Read (refresh or import): `props` are the stored outputs, `inputs` the stored inputs if any. */
    async read(id: string, urn: string, props: Properties, inputs?: Properties): Promise<ReadResult> {
        const request = new providerProto.ReadRequest();
        setNames(request, urn);
        request.setId(id);
        request.setProperties(toStruct(props));
        if (inputs) request.setInputs(toStruct(inputs));
        const response = await this.call<providerProto.ReadResponse>((done) =>
            this.client.read(request, done),
        );
        const returnedInputs = response.getInputs();
        return {
            id: response.getId(),
            props: fromStruct(response.getProperties()),
            ...(returnedInputs ? { inputs: fromStruct(returnedInputs) } : {}),
        };
    }

    /** Update: `olds` are the stored outputs, `news` the checked inputs. Throws like {@link create}. */
    async update(id: string, urn: string, olds: Properties, news: Properties): Promise<UpdateResult> {
        const request = new providerProto.UpdateRequest();
        setNames(request, urn);
        request.setId(id);
        request.setOlds(toStruct(olds));
        request.setNews(toStruct(news));
        const response = await this.call<providerProto.UpdateResponse>((done) =>
            this.client.update(request, done),
        );
        return { outs: fromStruct(response.getProperties()) };
    }

    /** Delete: `props` are the stored outputs (they carry the `__provider` the resource was created with). */
    async delete(id: string, urn: string, props: Properties): Promise<void> {
        const request = new providerProto.DeleteRequest();
        setNames(request, urn);
        request.setId(id);
        request.setProperties(toStruct(props));
        await this.call<Empty>((done) => this.client.delete(request, done));
    }

    /**
     * The first log entry (already logged or still to come) that matches: a string matches messages that
     * contain it. Rejects after `timeoutMs` with everything logged so far, or when the host is closed.
     */
    waitForLog(match: LogMatcher, timeoutMs = 10_000): Promise<LogEntry> {
        const matches = toPredicate(match);
        const found = this.logs.find(matches);
        if (found) return Promise.resolve(found);
        return new Promise((resolve, reject) => {
            const finish = () => {
                clearTimeout(timer);
                this.onLog.delete(listener);
                this.pendingWaits.delete(fail);
            };
            const fail = (error: Error) => {
                finish();
                reject(error);
            };
            const listener = (entry: LogEntry) => {
                if (!matches(entry)) return;
                finish();
                resolve(entry);
            };
            const timer = setTimeout(
                () =>
                    fail(
                        new Error(
                            `no log matching ${String(match)} within ${timeoutMs} ms; logs: ${JSON.stringify(this.logs)}; output: ${this.output.join("\n")}`,
                        ),
                    ),
                timeoutMs,
            );
            this.onLog.add(listener);
            this.pendingWaits.add(fail);
        });
    }

    /** Stops the host process and the fake engine and deletes the temporary program directory. Idempotent. */
    close(): Promise<void> {
        this.closed ??= this.shutDown();
        return this.closed;
    }

    private async shutDown(): Promise<void> {
        for (const fail of [...this.pendingWaits]) fail(new Error("the provider host was closed"));
        this.client.close();
        await stopProcess(this.child);
        process.off("exit", this.killOnExit);
        this.engine.close();
        await this.program?.remove();
    }

    private call<Response>(
        send: (done: (error: grpc.ServiceError | null, response: Response) => void) => unknown,
    ): Promise<Response> {
        return new Promise((resolve, reject) =>
            send((error, response) => (error ? reject(toHostError(error)) : resolve(response))),
        );
    }
}

const DiffChanges = providerProto.DiffResponse.DiffChanges;

/** Waits for the port line the host prints first; every other line goes to `onLine`. */
function readPort(child: ChildProcess, onLine: (line: string) => void): Promise<number> {
    const stderr: string[] = [];
    readline.createInterface({ input: child.stderr! }).on("line", (line) => {
        stderr.push(line);
        onLine(line);
    });
    return new Promise((resolve, reject) => {
        let port: number | undefined;
        const timer = setTimeout(
            () => fail(`printed no port within ${START_TIMEOUT_MS} ms`),
            START_TIMEOUT_MS,
        );
        const fail = (why: string) => {
            clearTimeout(timer);
            reject(new Error(`the dynamic-provider host ${why}: ${stderr.join("\n")}`));
        };
        readline.createInterface({ input: child.stdout! }).on("line", (line) => {
            if (port !== undefined) return onLine(line);
            port = Number(line.trim());
            clearTimeout(timer);
            if (Number.isInteger(port) && port > 0) resolve(port);
            else fail(`printed "${line}" instead of its port`);
        });
        child.once("error", (error) => fail(`could not start: ${error.message}`));
        child.once("exit", (code, signal) => {
            if (port === undefined) fail(`exited (code ${code}, signal ${signal}) before printing its port`);
        });
    });
}

/** SIGTERM, then SIGKILL if the host is still there after a grace period; resolves once it has exited. */
async function stopProcess(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), KILL_GRACE_MS);
    await exited;
    clearTimeout(timer);
}

function toPredicate(match: LogMatcher): (entry: LogEntry) => boolean {
    if (typeof match === "function") return match;
    if (typeof match === "string") return (entry) => entry.message.includes(match);
    return (entry) => match.test(entry.message);
}

/** The engine fills in name and type from the URN (`urn:pulumi:<stack>::<project>::<type>::<name>`). */
function setNames(
    request: { setName(name: string): unknown; setType(type: string): unknown },
    urn: string,
): void {
    const parts = urn.split("::");
    const qualifiedType = parts[2] ?? "";
    request.setName(parts.slice(3).join("::"));
    request.setType(qualifiedType.slice(qualifiedType.lastIndexOf("$") + 1));
}

/** The engine sends JSON-like values only; a JSON round trip drops `undefined` as the engine would. */
export function toStruct(props: Properties): Struct {
    return Struct.fromJavaScript(JSON.parse(JSON.stringify(props)) as Record<string, JavaScriptValue>);
}

/** Properties as a provider answered them over gRPC. */
export function fromStruct(struct: Struct | undefined): Properties {
    return struct ? (struct.toJavaScript() as Properties) : {};
}

function toHostError(error: grpc.ServiceError): HostError {
    return new HostError(error.details || error.message, error.code, readInitFailure(error.metadata));
}

/** The `ErrorResourceInitFailed` the host packs into `grpc-status-details-bin` when a create or update fails. */
export function readInitFailure(metadata: grpc.Metadata | undefined): InitFailure | undefined {
    const [encoded] = metadata?.get("grpc-status-details-bin") ?? [];
    if (!encoded || typeof encoded === "string") return undefined;
    for (const detail of Status.deserializeBinary(new Uint8Array(encoded)).getDetailsList()) {
        if (detail.getTypeName() !== "pulumirpc.ErrorResourceInitFailed") continue;
        const failure = providerProto.ErrorResourceInitFailed.deserializeBinary(detail.getValue_asU8());
        return {
            id: failure.getId(),
            properties: fromStruct(failure.getProperties()),
            reasons: failure.getReasonsList(),
        };
    }
    return undefined;
}
