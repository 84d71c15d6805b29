import * as fs from "node:fs";
import * as path from "node:path";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as anyTypes from "google-protobuf/google/protobuf/any_pb";
import type * as emptyTypes from "google-protobuf/google/protobuf/empty_pb";
import type * as structTypes from "google-protobuf/google/protobuf/struct_pb";
import * as pluginProto from "@pulumi/pulumi/proto/plugin_pb";
import * as providerRpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerProto from "@pulumi/pulumi/proto/provider_pb";
import * as statusProto from "@pulumi/pulumi/proto/status_pb";
import { canonicalJson } from "../core/canonical";
import type { StackSettings } from "../core/context";
import type { Properties } from "../dynamic/adapter";
import { PartialFailure } from "../dynamic/partial-failure";
import type { EngineLog } from "../dynamic/engine-log";
import { adaptForPlugin, revealSecrets, type PluginResource } from "./adapter";
import { CONFIG_KEYS, providerSettings } from "./config";
import { resourceOf, RESOURCES, tokenOfUrn } from "./resources";

/**
 * The plugin's gRPC service, `pulumirpc.ResourceProvider`, on the SDK's generated stubs. It is not
 * `@pulumi/pulumi/provider`'s server: that one ignores Configure's configuration, answers CheckConfig with
 * UNIMPLEMENTED and cannot return a detailed diff, three things this plugin is for.
 */

/** The engine's message size limit (400 MiB), so that large states pass as they do with other providers. */
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

type Call<Request> = grpcTypes.ServerUnaryCall<Request, unknown>;
type Callback<Response> = grpcTypes.sendUnaryData<Response>;

export interface ServerOptions {
    readonly log: EngineLog;
    readonly env?: NodeJS.ProcessEnv;
    /** The schema's text (schema.json). */
    readonly schema: string;
    readonly version: string;
}

/**
 * A dependency of `@pulumi/pulumi` that the SDK's generated stubs are made with (gRPC, protobuf's well-known
 * types): the plugin must use the same copy, and it is `@pulumi/pulumi`'s dependency, not this package's.
 */
function pulumiDependency<T>(specifier: string): T {
    const pulumiRoot = path.dirname(require.resolve("@pulumi/pulumi/proto/provider_grpc_pb"));
    return require(require.resolve(specifier, { paths: [pulumiRoot] })) as T;
}

const grpc = pulumiDependency<typeof grpcTypes>("@grpc/grpc-js");
const { Any } = pulumiDependency<typeof anyTypes>("google-protobuf/google/protobuf/any_pb");
const { Empty } = pulumiDependency<typeof emptyTypes>("google-protobuf/google/protobuf/empty_pb");
const { Struct } = pulumiDependency<typeof structTypes>("google-protobuf/google/protobuf/struct_pb");
type Struct = structTypes.Struct;

/** A running plugin server: its port (printed on stdout for the engine) and how to stop it. */
export interface PluginServer {
    readonly port: number;
    stop(): void;
}

/** Serves the plugin on 127.0.0.1, on a free port. */
export async function servePlugin(options: ServerOptions): Promise<PluginServer> {
    let settings: StackSettings = {};
    const host = { settings: () => settings, log: options.log, env: options.env ?? process.env };
    const resources = new Map<string, PluginResource>(
        RESOURCES.map((description) => [description.token, adaptForPlugin(description, host)]),
    );
    const resourceFor = (urn: string): PluginResource => {
        const token = tokenOfUrn(urn);
        const resource = resources.get(token);
        if (!resource || !resourceOf(token)) {
            throw new Error(
                `${token} is not a resource of this plugin: use ${RESOURCES.map((r) => r.token).join(", ")}`,
            );
        }
        return resource;
    };
    /** Answers a call from `work`, turning a thrown error into the engine's error (with the partial state). */
    const answer = <Response>(callback: Callback<Response>, work: () => Promise<Response>) => {
        work().then(
            (response) => callback(null, response),
            (error: unknown) => callback(toServiceError(error), null),
        );
    };

    const service: Partial<providerRpc.IResourceProviderServer> = {
        getPluginInfo: (_call, callback) => {
            const info = new pluginProto.PluginInfo();
            info.setVersion(options.version);
            callback(null, info);
        },
        getSchema: (call: Call<providerProto.GetSchemaRequest>, callback) => {
            const response = new providerProto.GetSchemaResponse();
            response.setSchema(options.schema);
            callback(call.request.getVersion() === 0 ? null : unsupportedSchema(), response);
        },
        checkConfig: (call: Call<providerProto.CheckRequest>, callback) =>
            answer(callback, async () => {
                const news = fromStruct(call.request.getNews());
                const problems = providerSettings(revealSecrets(news).plain).problems ?? [];
                const response = new providerProto.CheckResponse();
                response.setInputs(call.request.getNews());
                response.setFailuresList(problems.map(({ property, reason }) => failure(property, reason)));
                return response;
            }),
        // A change of region or credentials changes where and as whom later calls go, never what exists: an
        // update of the provider, never a replacement of it (which would replace every resource it serves).
        diffConfig: (call: Call<providerProto.DiffRequest>, callback) =>
            answer(callback, async () => {
                const olds = revealSecrets(fromStruct(call.request.getOlds())).plain;
                const news = revealSecrets(fromStruct(call.request.getNews())).plain;
                const changed = Object.keys(CONFIG_KEYS).filter(
                    (key) => canonicalJson(olds[key] ?? null) !== canonicalJson(news[key] ?? null),
                );
                const Changes = providerProto.DiffResponse.DiffChanges;
                const response = new providerProto.DiffResponse();
                response.setChanges(changed.length > 0 ? Changes.DIFF_SOME : Changes.DIFF_NONE);
                response.setDiffsList(changed);
                return response;
            }),
        configure: (call: Call<providerProto.ConfigureRequest>, callback) =>
            answer(callback, async () => {
                const args = call.request.getArgs();
                const config: Properties = args
                    ? revealSecrets(fromStruct(args)).plain
                    : Object.fromEntries(call.request.getVariablesMap().toArray());
                settings = providerSettings(config);
                const response = new providerProto.ConfigureResponse();
                response.setAcceptsecrets(true);
                // No create or update at preview: the engine shows their outputs as unknown until up.
                response.setSupportspreview(false);
                response.setAcceptresources(false);
                return response;
            }),
        check: (call: Call<providerProto.CheckRequest>, callback) =>
            answer(callback, async () => {
                const { request } = call;
                const result = await resourceFor(request.getUrn()).check(
                    request.getUrn(),
                    fromStruct(request.getOlds()),
                    fromStruct(request.getNews()),
                );
                const response = new providerProto.CheckResponse();
                response.setInputs(toStruct(result.inputs));
                response.setFailuresList(
                    result.failures.map(({ property, reason }) => failure(property, reason)),
                );
                return response;
            }),
        diff: (call: Call<providerProto.DiffRequest>, callback) =>
            answer(callback, async () => {
                const { request } = call;
                const result = await resourceFor(request.getUrn()).diff(
                    request.getId(),
                    request.getUrn(),
                    fromStruct(request.getOlds()),
                    fromStruct(request.getNews()),
                );
                const Changes = providerProto.DiffResponse.DiffChanges;
                const response = new providerProto.DiffResponse();
                response.setChanges(result.changes ? Changes.DIFF_SOME : Changes.DIFF_NONE);
                response.setReplacesList(result.replaces);
                response.setStablesList(result.stables);
                response.setDeletebeforereplace(result.deleteBeforeReplace);
                if (result.detailed) {
                    const Kind = providerProto.PropertyDiff.Kind;
                    const kinds = {
                        add: [Kind.ADD, Kind.ADD_REPLACE],
                        delete: [Kind.DELETE, Kind.DELETE_REPLACE],
                        update: [Kind.UPDATE, Kind.UPDATE_REPLACE],
                    } as const;
                    const paths = Object.keys(result.detailed);
                    response.setHasdetaileddiff(true);
                    response.setDiffsList([...new Set(paths.map((key) => key.replace(/\[.*$/, "")))]);
                    for (const [key, change] of Object.entries(result.detailed)) {
                        const diff = new providerProto.PropertyDiff();
                        diff.setKind(kinds[change.change][change.replace ? 1 : 0]);
                        diff.setInputdiff(true);
                        response.getDetaileddiffMap().set(key, diff);
                    }
                }
                return response;
            }),
        create: (call: Call<providerProto.CreateRequest>, callback) =>
            answer(callback, async () => {
                const { request } = call;
                const props = fromStruct(request.getProperties());
                const response = new providerProto.CreateResponse();
                if (request.getPreview()) {
                    // Never at preview (the plugin says it does not support it); if asked, nothing is made.
                    response.setProperties(toStruct(props));
                    return response;
                }
                const result = await resourceFor(request.getUrn()).create(request.getUrn(), props);
                response.setId(result.id);
                response.setProperties(toStruct(result.outs));
                return response;
            }),
        read: (call: Call<providerProto.ReadRequest>, callback) =>
            answer(callback, async () => {
                const { request } = call;
                const inputs = request.getInputs();
                const result = await resourceFor(request.getUrn()).read(
                    request.getId(),
                    request.getUrn(),
                    fromStruct(request.getProperties()),
                    inputs ? fromStruct(inputs) : undefined,
                );
                const response = new providerProto.ReadResponse();
                response.setId(result.id);
                response.setProperties(toStruct(result.props));
                if (result.inputs) response.setInputs(toStruct(result.inputs));
                return response;
            }),
        update: (call: Call<providerProto.UpdateRequest>, callback) =>
            answer(callback, async () => {
                const { request } = call;
                const news = fromStruct(request.getNews());
                const response = new providerProto.UpdateResponse();
                if (request.getPreview()) {
                    response.setProperties(toStruct(news));
                    return response;
                }
                const result = await resourceFor(request.getUrn()).update(
                    request.getId(),
                    request.getUrn(),
                    fromStruct(request.getOlds()),
                    news,
                );
                response.setProperties(toStruct(result.outs));
                return response;
            }),
        delete: (call: Call<providerProto.DeleteRequest>, callback) =>
            answer(callback, async () => {
                const { request } = call;
                await resourceFor(request.getUrn()).delete(
                    request.getId(),
                    request.getUrn(),
                    fromStruct(request.getProperties()),
                );
                return new Empty();
            }),
        // Nothing to stop: every call ends by its own timeout, and the engine stops the process after cancel.
        cancel: (_call, callback) => callback(null, new Empty()),
    };

    const server = new grpc.Server({
        "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
        "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
    });
    server.addService(
        providerRpc.ResourceProviderService,
        service as unknown as grpcTypes.UntypedServiceImplementation,
    );
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
            error ? reject(error) : resolve(bound),
        ),
    );
    return { port, stop: () => server.forceShutdown() };
}

function failure(property: string, reason: string): providerProto.CheckFailure {
    const checkFailure = new providerProto.CheckFailure();
    checkFailure.setProperty(property);
    checkFailure.setReason(reason);
    return checkFailure;
}

function unsupportedSchema(): grpcTypes.ServiceError {
    return Object.assign(new Error("only schema version 0 is served"), {
        code: grpc.status.INVALID_ARGUMENT,
        details: "only schema version 0 is served",
        metadata: new grpc.Metadata(),
    });
}

/**
 * The engine's error for a failed call. A {@link PartialFailure} carries `pulumirpc.ErrorResourceInitFailed` in
 * the status details, so the engine records the resource with what was really done, as for the dynamic host.
 */
function toServiceError(error: unknown): grpcTypes.ServiceError {
    const message = error instanceof Error ? error.message : String(error);
    const metadata = new grpc.Metadata();
    if (error instanceof PartialFailure) {
        const detail = new providerProto.ErrorResourceInitFailed();
        detail.setId(error.id);
        detail.setProperties(toStruct(error.properties));
        detail.setReasonsList(error.reasons);
        const any = new Any();
        any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
        const status = new statusProto.Status();
        status.setCode(grpc.status.UNKNOWN);
        status.setMessage(message);
        status.addDetails(any);
        metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
    }
    return Object.assign(new Error(message), { code: grpc.status.UNKNOWN, details: message, metadata });
}

function fromStruct(struct: Struct | undefined): Properties {
    return (struct?.toJavaScript() ?? {}) as Properties;
}

function toStruct(props: Properties): Struct {
    return Struct.fromJavaScript(
        JSON.parse(JSON.stringify(props)) as Record<string, structTypes.JavaScriptValue>,
    );
}

/** This package's version, from the package.json above this file (in the sources and in dist/ alike). */
export function packageVersion(from: string = __dirname): string {
    for (let folder = from; folder !== path.dirname(folder); folder = path.dirname(folder)) {
        const file = path.join(folder, "package.json");
        if (!fs.existsSync(file)) continue;
        const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
        if (manifest.name === "pulumi-inspector" && manifest.version) return manifest.version;
    }
    return "0.0.0";
}
