import assert from "node:assert/strict";
import * as grpc from "@grpc/grpc-js";
import * as engineRpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engineProto from "@pulumi/pulumi/proto/engine_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { adaptLifecycle, hostContext, type ResourceLifecycle } from "../../provider/dynamic/adapter";
import { connectEngineLog, engineAddress, type EngineLog } from "../../provider/dynamic/engine-log";

const URN = "urn:pulumi:prod::shop::pulumi-nodejs:dynamic/inspector:InspectorEnablement::scanning";
const HOST_MAIN = "/app/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js";

interface Received {
    readonly severity: engineProto.LogSeverity;
    readonly message: string;
    readonly urn: string;
}

/** An engine in this process: its Log service records each request; nothing else is served. */
async function startEngine(): Promise<{ address: string; received: Received[]; close: () => void }> {
    const received: Received[] = [];
    const server = new grpc.Server();
    const unimplemented = (_call: unknown, callback: grpc.sendUnaryData<never>) =>
        callback({ code: grpc.status.UNIMPLEMENTED }, null);
    const service: engineRpc.IEngineServer = {
        log: (call, callback) => {
            received.push({
                severity: call.request.getSeverity(),
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
    server.addService(engineRpc.EngineService, service);
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
            error ? reject(error) : resolve(bound),
        ),
    );
    return { address: `127.0.0.1:${port}`, received, close: () => server.forceShutdown() };
}

/** Runs `work` with console.log and console.warn captured; returns what they printed. */
async function capturingConsole(work: () => Promise<void>): Promise<string[]> {
    const printed: string[] = [];
    const { log, warn } = console;
    console.log = (...args: unknown[]) => void printed.push(args.join(" "));
    console.warn = (...args: unknown[]) => void printed.push(args.join(" "));
    try {
        await work();
    } finally {
        console.log = log;
        console.warn = warn;
    }
    return printed;
}

describe("the engine log", () => {
    let engine: Awaited<ReturnType<typeof startEngine>>;

    beforeEach(async () => {
        engine = await startEngine();
    });

    afterEach(() => engine.close());

    it("sends each message to the engine's Log call with the resource's URN, in order", async () => {
        const log = connectEngineLog(engine.address);
        assert.equal(log.attached, true);
        log.send("info", "enabling EC2 on 2 accounts", URN);
        log.send("warning", "left ECR of account 444455556666 as it is", URN);
        log.send("info", "about the whole update");
        await log.flush();
        assert.deepEqual(engine.received, [
            { severity: engineProto.LogSeverity.INFO, message: "enabling EC2 on 2 accounts", urn: URN },
            {
                severity: engineProto.LogSeverity.WARNING,
                message: "left ECR of account 444455556666 as it is",
                urn: URN,
            },
            { severity: engineProto.LogSeverity.INFO, message: "about the whole update", urn: "" },
        ]);
    });

    it("prints a message to the console when the engine cannot be reached, so that none is lost", async () => {
        const address = engine.address;
        engine.close();
        const log = connectEngineLog(address);
        const printed = await capturingConsole(async () => {
            log.send("warning", "nobody listens", URN);
            await log.flush();
        });
        assert.deepEqual(printed, ["warning: [runtime] nobody listens"]);
    });

    it("knows the engine's address only inside the dynamic-provider host the engine started", () => {
        assert.equal(engineAddress(["node", HOST_MAIN, "127.0.0.1:41234"], HOST_MAIN), "127.0.0.1:41234");
        assert.equal(
            engineAddress(["node", "mocha", "127.0.0.1:41234"], "/app/node_modules/.bin/mocha"),
            undefined,
        );
        assert.equal(engineAddress(["node", HOST_MAIN, "--flag"], HOST_MAIN), undefined);
        assert.equal(engineAddress(["node", HOST_MAIN], HOST_MAIN), undefined);
    });

    it("the host context attaches a resource's messages to its URN, each still naming its resource", async () => {
        const log = connectEngineLog(engine.address);
        const context = hostContext({}, {}, URN, log);
        context.log("scanning: enabling EC2 on 2 accounts in us-east-1");
        context.warn("scanning: acting as account 444455556666");
        await log.flush();
        assert.deepEqual(engine.received, [
            {
                severity: engineProto.LogSeverity.INFO,
                message: "scanning: enabling EC2 on 2 accounts in us-east-1",
                urn: URN,
            },
            {
                severity: engineProto.LogSeverity.WARNING,
                message: "scanning: acting as account 444455556666",
                urn: URN,
            },
        ]);
    });

    it("the host context prints to the console when the resource's URN is not known", async () => {
        const log = connectEngineLog(engine.address);
        const printed = await capturingConsole(async () => {
            hostContext({}, {}, undefined, log).log("scanning: enabling EC2");
            await log.flush();
        });
        assert.deepEqual(printed, ["info: [runtime] scanning: enabling EC2"]);
        assert.deepEqual(engine.received, []);
    });

    it("a call of the adapted lifecycle answers once its messages have reached the engine, secrets hidden", async () => {
        const log: EngineLog = connectEngineLog(engine.address);
        type Inputs = { resourceUrn: string; accountIds: string[] };
        const lifecycle: ResourceLifecycle<Inputs, Inputs> = {
            inputKeys: ["resourceUrn", "accountIds"],
            check: (news) => ({ inputs: { ...news }, failures: [] }),
            diff: () => ({ changes: false, replaces: [], deleteBeforeReplace: false }),
            async create(inputs, context) {
                context.log(`scanning: enabling EC2 on ${inputs.accountIds.join(", ")}`);
                return { id: "id-1", outs: inputs };
            },
            read: async (id, stored) => ({ id, outs: stored as Inputs }),
            update: async (_id, _olds, news) => ({ outs: news }),
            delete: async () => {},
        };
        const provider = adaptLifecycle(
            lifecycle,
            (resource, urn) => hostContext({}, resource, urn, log),
            log,
        );
        await provider.create({
            resourceUrn: URN,
            accountIds: ["444455556666"],
            __secretInputs: ["accountIds"],
        });
        assert.deepEqual(engine.received, [
            {
                severity: engineProto.LogSeverity.INFO,
                message: "scanning: enabling EC2 on [secret]",
                urn: URN,
            },
        ]);
    });
});
