import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as engineRpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engineProto from "@pulumi/pulumi/proto/engine_pb";
import type { LogEntry, LogSeverity } from "./provider-log";

const SEVERITIES: Record<engineProto.LogSeverity, LogSeverity> = {
    [engineProto.LogSeverity.DEBUG]: "debug",
    [engineProto.LogSeverity.INFO]: "info",
    [engineProto.LogSeverity.WARNING]: "warning",
    [engineProto.LogSeverity.ERROR]: "error",
};

/**
 * A stand-in for the Pulumi engine's own gRPC service (`pulumirpc.Engine`), listening on 127.0.0.1. The engine
 * hands its address to every provider plugin it starts; a process that connects to it (through
 * `PULUMI_NODEJS_ENGINE`) sends `pulumi.log.*` here as `Log` calls, which this hands to `onLog` in order.
 */
export class FakeEngine {
    private rootResource = "";

    private constructor(
        private readonly server: grpc.Server,
        /** `127.0.0.1:<port>`, the form the engine passes to plugins. */
        readonly address: string,
    ) {}

    static async start(onLog: (entry: LogEntry) => void): Promise<FakeEngine> {
        const server = new grpc.Server();
        const engine: { current?: FakeEngine } = {};
        const service: engineRpc.IEngineServer = {
            log: (call, callback) => {
                const request = call.request;
                onLog({
                    severity: SEVERITIES[request.getSeverity()],
                    message: request.getMessage(),
                    via: "engine",
                });
                callback(null, new Empty());
            },
            getRootResource: (_call, callback) => {
                const response = new engineProto.GetRootResourceResponse();
                response.setUrn(engine.current?.rootResource ?? "");
                callback(null, response);
            },
            setRootResource: (call, callback) => {
                if (engine.current) engine.current.rootResource = call.request.getUrn();
                callback(null, new engineProto.SetRootResourceResponse());
            },
            startDebugging: (_call, callback) => callback(null, new Empty()),
            // The fake engine accepts every version range: the SDK under test is the one installed here.
            requirePulumiVersion: (_call, callback) =>
                callback(null, new engineProto.RequirePulumiVersionResponse()),
        };
        server.addService(engineRpc.EngineService, service);
        const port = await new Promise<number>((resolve, reject) =>
            server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
                error ? reject(error) : resolve(bound),
            ),
        );
        engine.current = new FakeEngine(server, `127.0.0.1:${port}`);
        return engine.current;
    }

    /** Stops listening and drops open connections at once, so nothing keeps the test process alive. */
    close(): void {
        this.server.forceShutdown();
    }
}
