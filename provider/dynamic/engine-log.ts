import * as path from "node:path";
import type * as grpcTypes from "@grpc/grpc-js";
import * as pulumi from "@pulumi/pulumi";
import * as engineRpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engineProto from "@pulumi/pulumi/proto/engine_pb";

/**
 * Messages attached to a resource, from inside the dynamic-provider host.
 *
 * `pulumi.log` has no engine connection in the provider host: it prints to the console, and the engine shows
 * that output on the stack (`pulumi:pulumi:Stack … info: …`), not on the resource. The engine does start every
 * provider plugin with its own address as the first argument (`@pulumi/pulumi/cmd/dynamic-provider` reads
 * `process.argv[2]`), and its `Log` call takes the URN of the resource a message is about: sent there, progress
 * and preview messages show under that resource, as a native provider's do.
 */

export type EngineLogSeverity = "info" | "warning";

/** Where a provider's messages go. */
export interface EngineLog {
    /** True when messages reach the engine (attached to their resource), false when they go to the console. */
    readonly attached: boolean;
    /** Sends `message` about the resource `urn` (none: about the whole update); messages keep their order. */
    send(severity: EngineLogSeverity, message: string, urn?: string): void;
    /** Resolves once every message sent so far has been delivered (or, failing that, printed). */
    flush(): Promise<void>;
}

/** How long one message may take to reach the engine before it is printed instead. */
const DELIVERY_TIMEOUT_MS = 10_000;

const SEVERITIES: Record<EngineLogSeverity, engineProto.LogSeverity> = {
    info: engineProto.LogSeverity.INFO,
    warning: engineProto.LogSeverity.WARNING,
};

/** The console, as `pulumi.log` prints without an engine: what the engine shows on the stack. */
export const consoleLog: EngineLog = {
    attached: false,
    send: (severity, message) =>
        void (severity === "info" ? pulumi.log.info(message) : pulumi.log.warn(message)),
    flush: async () => {},
};

/**
 * The engine's address when this process is the dynamic-provider host the engine started (its main module is
 * `cmd/dynamic-provider`, and its first argument an address): undefined anywhere else, such as a test process.
 */
export function engineAddress(
    argv: readonly string[] = process.argv,
    mainModule: string | undefined = require.main?.filename,
): string | undefined {
    if (!mainModule || !/[\\/]cmd[\\/]dynamic-provider[\\/]index\.js$/.test(mainModule)) return undefined;
    const address = argv[2];
    return address && /^[\w.[\]:-]+:\d+$/.test(address) ? address : undefined;
}

/**
 * A log that sends each message to the engine at `address` with its resource's URN, in order, and prints a
 * message to the console when the engine cannot be reached, so that none is lost.
 */
export function connectEngineLog(address: string): EngineLog {
    const grpc = pulumiGrpc();
    const client = new engineRpc.EngineClient(address, grpc.credentials.createInsecure());
    let last: Promise<void> = Promise.resolve();
    const deliver = (severity: EngineLogSeverity, message: string, urn: string | undefined) =>
        new Promise<void>((resolve) => {
            const request = new engineProto.LogRequest();
            request.setSeverity(SEVERITIES[severity]);
            request.setMessage(message);
            request.setUrn(urn ?? "");
            request.setStreamid(0);
            request.setEphemeral(false);
            const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
            client.log(request, new grpc.Metadata(), { deadline }, (error) => {
                if (error) consoleLog.send(severity, message);
                resolve();
            });
        });
    return {
        attached: true,
        send(severity, message, urn) {
            last = last.then(() => deliver(severity, message, urn));
        },
        flush: () => last,
    };
}

let processLog: EngineLog | undefined;

/** This process's log: the engine's when the engine started it, otherwise the console. Made once. */
export function engineLog(): EngineLog {
    if (!processLog) {
        const address = engineAddress();
        processLog = address ? connectEngineLog(address) : consoleLog;
    }
    return processLog;
}

/**
 * The gRPC library `@pulumi/pulumi`'s generated clients are made with: credentials must come from the same copy,
 * and it is `@pulumi/pulumi`'s dependency, not this package's.
 */
function pulumiGrpc(): typeof grpcTypes {
    const pulumiRoot = path.dirname(require.resolve("@pulumi/pulumi/proto/engine_grpc_pb"));
    return require(require.resolve("@grpc/grpc-js", { paths: [pulumiRoot] })) as typeof grpcTypes;
}
