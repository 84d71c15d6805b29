#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { USAGE, parseCliOptions } from "./cli/cli-options";
import { startupBanner } from "./cli/startup-banner";
import { ADMIN_TOKEN_VARIABLE, adminTokenProblem } from "./http/admin-token";
import { startEmulator } from "./index";
import { InvalidSettingsError } from "./settings/invalid-settings-error";
import type { PartialSettings } from "./settings/settings";

/** Exit status for a wrong command line or configuration, as distinct from a crash. */
const USAGE_ERROR = 2;

async function main(): Promise<void> {
    const options = parseCliOptions(process.argv.slice(2));
    if (typeof options === "string") return fail(`${options}\n\n${USAGE}`);
    if (options.help) {
        console.log(USAGE);
        return;
    }
    let settings: PartialSettings = {};
    if (options.configFile) {
        try {
            settings = JSON.parse(readFileSync(options.configFile, "utf8")) as PartialSettings;
        } catch (error) {
            return fail(`Cannot read the config file ${options.configFile}: ${(error as Error).message}`);
        }
    }
    if (options.seed !== undefined) settings = { ...settings, seed: options.seed };
    // A token chosen beforehand (say, exported from an earlier start) is kept; otherwise a new one is made.
    const adminToken = process.env[ADMIN_TOKEN_VARIABLE] || undefined;
    const tokenProblem = adminToken === undefined ? undefined : adminTokenProblem(adminToken);
    if (tokenProblem) return fail(`${ADMIN_TOKEN_VARIABLE}: ${tokenProblem}`);

    let emulator;
    try {
        emulator = await startEmulator({
            port: options.port,
            settings,
            stateFile: options.stateFile,
            adminToken,
        });
    } catch (error) {
        if (error instanceof InvalidSettingsError)
            return fail(`Invalid settings:\n  ${error.problems.join("\n  ")}`);
        return fail((error as Error).message);
    }
    const running = emulator;
    const stop = (signal: string) => {
        console.log(`\n${signal}: stopping the emulator`);
        running.close().then(
            () => process.exit(0),
            (error: unknown) => {
                console.error(`The emulator did not close cleanly: ${String(error)}`);
                process.exit(1);
            },
        );
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
    // Printed last: whoever waits for the banner may signal at once, and the handlers are in place by then.
    console.log(startupBanner(emulator.url, emulator.templateArn, emulator.env));
}

function fail(message: string): void {
    console.error(message);
    process.exitCode = USAGE_ERROR;
}

void main();
