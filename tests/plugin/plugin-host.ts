import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import * as readline from "node:readline";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as engineRpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as pluginProto from "@pulumi/pulumi/proto/plugin_pb";
import * as providerRpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import { repoRoot } from "../architecture/repo-root";
import { fromStruct, HostError, readInitFailure, toStruct } from "../support/dynamic-provider-host";

/**
 * Runs the built plugin (`bin/pulumi-resource-inspector`, so the wrapper is tested too) the way the engine does:
 * with an engine's address as its argument, reading its port from stdout, then calling `pulumirpc.ResourceProvider`
 * with the engine's request fields. The engine here records the `Log` calls with their URN.
 */

export type Properties = Record<string, unknown>;

export interface EngineMessage {
    readonly severity: "debug" | "info" | "warning" | "error";
    readonly message: string;
    /** The resource the message is attached to; empty for the stack. */
    readonly urn: string;
}

export interface PluginDiff {
    readonly changes: "none" | "some" | "unknown";
    readonly replaces: string[];
    readonly diffs: string[];
    readonly hasDetailedDiff: boolean;
    /** By path: `add`, `delete`, `update`, with `-replace` when it replaces. */
    readonly detailed: Record<string, string>;
}

const SEVERITIES = { 0: "debug", 1: "info", 2: "warning", 3: "error" } as const;
const KINDS = ["add", "add-replace", "delete", "delete-replace", "update", "update-replace"] as const;

/** A URN of `type` (`InspectorEnablement`, …) in a test stack. */
export function pluginUrn(type: string, name: string): string {
    return `urn:pulumi:test::plugin-test::inspector:index:${type}::${name}`;
}

/** Starts the plugin with `env` added to this process's environment (the emulator's endpoints and keys). */
export async function startPlugin(env: Readonly<Record<string, string>>): Promise<PluginHost> {
    const messages: EngineMessage[] = [];
    const engine = new grpc.Server();
    const unimplemented = (_call: unknown, callback: grpc.sendUnaryData<never>) =>
        callback({ code: grpc.status.UNIMPLEMENTED }, null);
    const service: engineRpc.IEngineServer = {
        log: (call, callback) => {
            messages.push({
                severity: SEVERITIES[call.request.getSeverity()],
                message: call.request.getMessage(),
                urn: call.request.getUrn(),
            });
            callback(null, new Empty());
        },
        getRootResource: unimplemented,
        setRootResource: unimplemented,
        startDebugging: unimplemented,
        requirePulumiVersion: unimplemented,
    };
    engine.addService(engineRpc.EngineService, service);
    const enginePort = await new Promise<number>((resolve, reject) =>
        engine.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) =>
            error ? reject(error) : resolve(port),
        ),
    );
    const plugin = path.join(repoRoot(), "bin", "pulumi-resource-inspector");
    const child = spawn(plugin, [`127.0.0.1:${enginePort}`], {
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
    });
    const output: string[] = [];
    readline.createInterface({ input: child.stderr! }).on("line", (line) => output.push(line));
    try {
        const port = await new Promise<number>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no port: ${output.join("\n")}`)), 30_000);
            readline.createInterface({ input: child.stdout! }).once("line", (line) => {
                clearTimeout(timer);
                resolve(Number(line));
            });
            child.once("exit", (code) => reject(new Error(`exited ${code}: ${output.join("\n")}`)));
        });
        const client = new providerRpc.ResourceProviderClient(
            `127.0.0.1:${port}`,
            grpc.credentials.createInsecure(),
        );
        return new PluginHost(child, client, engine, messages, output);
    } catch (error) {
        child.kill("SIGKILL");
        engine.forceShutdown();
        throw error;
    }
}

export class PluginHost {
    constructor(
        private readonly child: ChildProcess,
        private readonly client: providerRpc.ResourceProviderClient,
        private readonly engine: grpc.Server,
        /** What the plugin sent the engine's Log, oldest first (each call answers once its messages are sent). */
        readonly messages: EngineMessage[],
        /** The plugin's stderr. */
        readonly output: string[],
    ) {}

    async schema(): Promise<string> {
        const request = new providerProto.GetSchemaRequest();
        const response = await this.call<providerProto.GetSchemaResponse>((done) =>
            this.client.getSchema(request, done),
        );
        return response.getSchema();
    }

    async version(): Promise<string> {
        const response = await this.call<pluginProto.PluginInfo>((done) =>
            this.client.getPluginInfo(new Empty(), done),
        );
        return response.getVersion();
    }

    async checkConfig(news: Properties): Promise<{ property: string; reason: string }[]> {
        const request = new providerProto.CheckRequest();
        request.setUrn("urn:pulumi:test::plugin-test::pulumi:providers:inspector::default");
        request.setOlds(toStruct({}));
        request.setNews(toStruct(news));
        const response = await this.call<providerProto.CheckResponse>((done) =>
            this.client.checkConfig(request, done),
        );
        return failures(response);
    }

    async diffConfig(
        olds: Properties,
        news: Properties,
    ): Promise<{ changes: boolean; replaces: string[]; diffs: string[] }> {
        const request = new providerProto.DiffRequest();
        request.setUrn("urn:pulumi:test::plugin-test::pulumi:providers:inspector::default");
        request.setOlds(toStruct(olds));
        request.setNews(toStruct(news));
        const response = await this.call<providerProto.DiffResponse>((done) =>
            this.client.diffConfig(request, done),
        );
        return {
            changes: response.getChanges() === providerProto.DiffResponse.DiffChanges.DIFF_SOME,
            replaces: response.getReplacesList(),
            diffs: response.getDiffsList(),
        };
    }

    /** Configure with the provider's config (keys without namespace, as the engine's `args`). */
    async configure(config: Properties): Promise<providerProto.ConfigureResponse> {
        const request = new providerProto.ConfigureRequest();
        request.setArgs(toStruct(config));
        request.setAcceptsecrets(true);
        request.setSendsOldInputs(true);
        request.setSendsOldInputsToDelete(true);
        return this.call((done) => this.client.configure(request, done));
    }

    async check(
        urn: string,
        olds: Properties,
        news: Properties,
    ): Promise<{ inputs: Properties; failures: { property: string; reason: string }[] }> {
        const request = new providerProto.CheckRequest();
        request.setUrn(urn);
        request.setOlds(toStruct(olds));
        request.setNews(toStruct(news));
        const response = await this.call<providerProto.CheckResponse>((done) =>
            this.client.check(request, done),
        );
        return { inputs: fromStruct(response.getInputs()), failures: failures(response) };
    }

    async diff(id: string, urn: string, olds: Properties, news: Properties): Promise<PluginDiff> {
        const request = new providerProto.DiffRequest();
        request.setId(id);
        request.setUrn(urn);
        request.setOlds(toStruct(olds));
        request.setNews(toStruct(news));
        const response = await this.call<providerProto.DiffResponse>((done) =>
            this.client.diff(request, done),
        );
        const Changes = providerProto.DiffResponse.DiffChanges;
        const detailed: Record<string, string> = {};
        response.getDetaileddiffMap().forEach((diff, key) => (detailed[key] = KINDS[diff.getKind()]));
        return {
            changes:
                response.getChanges() === Changes.DIFF_SOME
                    ? "some"
                    : response.getChanges() === Changes.DIFF_NONE
                      ? "none"
                      : "unknown",
            replaces: response.getReplacesList(),
            diffs: response.getDiffsList(),
            hasDetailedDiff: response.getHasdetaileddiff(),
            detailed,
        };
    }

    async create(urn: string, props: Properties): Promise<{ id: string; outs: Properties }> {
        const request = new providerProto.CreateRequest();
        request.setUrn(urn);
        request.setProperties(toStruct(props));
        const response = await this.call<providerProto.CreateResponse>((done) =>
            this.client.create(request, done),
        );
        return { id: response.getId(), outs: fromStruct(response.getProperties()) };
    }

    async read(
        id: string,
        urn: string,
        props: Properties,
        inputs?: Properties,
    ): Promise<{ id: string; props: Properties; inputs?: Properties }> {
        const request = new providerProto.ReadRequest();
        request.setId(id);
        request.setUrn(urn);
        request.setProperties(toStruct(props));
        if (inputs) request.setInputs(toStruct(inputs));
        const response = await this.call<providerProto.ReadResponse>((done) =>
            this.client.read(request, done),
        );
        const returned = response.getInputs();
        return {
            id: response.getId(),
            props: fromStruct(response.getProperties()),
            ...(returned ? { inputs: fromStruct(returned) } : {}),
        };
    }

    async update(id: string, urn: string, olds: Properties, news: Properties): Promise<{ outs: Properties }> {
        const request = new providerProto.UpdateRequest();
        request.setId(id);
        request.setUrn(urn);
        request.setOlds(toStruct(olds));
        request.setNews(toStruct(news));
        const response = await this.call<providerProto.UpdateResponse>((done) =>
            this.client.update(request, done),
        );
        return { outs: fromStruct(response.getProperties()) };
    }

    async delete(id: string, urn: string, props: Properties): Promise<void> {
        const request = new providerProto.DeleteRequest();
        request.setId(id);
        request.setUrn(urn);
        request.setProperties(toStruct(props));
        await this.call((done) => this.client.delete(request, done));
    }

    /** Stops the plugin (SIGTERM, as the engine does) and the engine. */
    async close(): Promise<void> {
        this.client.close();
        if (this.child.exitCode === null && this.child.signalCode === null) {
            const exited = new Promise((resolve) => this.child.once("exit", resolve));
            this.child.kill("SIGTERM");
            await exited;
        }
        this.engine.forceShutdown();
    }

    private call<Response>(
        send: (done: (error: grpc.ServiceError | null, response: Response) => void) => unknown,
    ): Promise<Response> {
        return new Promise((resolve, reject) =>
            send((error, response) =>
                error
                    ? reject(
                          new HostError(
                              error.details || error.message,
                              error.code,
                              readInitFailure(error.metadata),
                          ),
                      )
                    : resolve(response),
            ),
        );
    }
}

function failures(response: providerProto.CheckResponse): { property: string; reason: string }[] {
    return response
        .getFailuresList()
        .map((failure) => ({ property: failure.getProperty(), reason: failure.getReason() }));
}

/** The engine's marking of a secret value on the wire. */
export function secret(value: unknown): Properties {
    return { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value };
}
