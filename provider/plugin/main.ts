#!/usr/bin/env node
import { connectEngineLog, consoleLog } from "../dynamic/engine-log";
import schema from "./schema.json";
import { packageVersion, servePlugin } from "./server";

/**
 * `pulumi-resource-inspector`: the provider plugin the engine starts for `inspector:*` resources. The engine
 * passes its own address as the first argument (messages go there, attached to their resource) and reads the
 * port from the first line of stdout.
 */
async function main(args: readonly string[]): Promise<void> {
    const engineAddress = args.find((arg) => !arg.startsWith("-"));
    const server = await servePlugin({
        log: engineAddress ? connectEngineLog(engineAddress) : consoleLog,
        schema: JSON.stringify(schema),
        version: packageVersion(),
    });
    process.stdout.write(`${server.port}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(
        `pulumi-resource-inspector: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
});
