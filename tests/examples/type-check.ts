import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";

/** One diagnostic of `tsc --pretty false`: `file(line,col): error TSnnnn: message`. */
export interface Diagnostic {
    readonly file: string;
    readonly code: string;
    readonly message: string;
}

export interface TypeCheckResult {
    readonly exitCode: number;
    readonly diagnostics: readonly Diagnostic[];
    /** The whole compiler output, for assertion messages. */
    readonly output: string;
}

/**
 * Type-checks an example program as a user's checkout would compile it after `npm install`, but against this
 * repository's build: a generated tsconfig extends the example's own and maps `pulumi-inspector` to the
 * package's built typings (dist/provider), and its other imports to this repository's node_modules, so an API
 * change that breaks an example fails the check without installing anything.
 */
export async function typeCheckExample(root: string, exampleDir: string): Promise<TypeCheckResult> {
    const configDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "pulumi-inspector-example-check-"));
    try {
        const configFile = path.join(configDir, "tsconfig.json");
        await fs.promises.writeFile(configFile, JSON.stringify(checkConfig(root, exampleDir), null, 4));
        return await runTsc(root, configFile);
    } finally {
        await fs.promises.rm(configDir, { recursive: true, force: true });
    }
}

function checkConfig(root: string, exampleDir: string): object {
    const nodeModules = path.join(root, "node_modules");
    return {
        extends: path.join(exampleDir, "tsconfig.json"),
        compilerOptions: {
            noEmit: true,
            // The generated config lives outside the repository: name the type roots explicitly.
            typeRoots: [path.join(nodeModules, "@types")],
            types: ["node"],
            paths: {
                "pulumi-inspector": [path.join(root, "dist", "provider", "index.d.ts")],
                "pulumi-inspector/*": [path.join(root, "*")],
                "@pulumi/*": [path.join(nodeModules, "@pulumi", "*")],
            },
        },
        files: [path.join(exampleDir, "index.ts")],
    };
}

async function runTsc(root: string, configFile: string): Promise<TypeCheckResult> {
    const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
    const args = [tsc, "--project", configFile, "--pretty", "false"];
    try {
        const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
        return { exitCode: 0, diagnostics: parseDiagnostics(stdout), output: stdout };
    } catch (error) {
        const failure = error as { code?: unknown; stdout?: string; stderr?: string };
        if (typeof failure.code !== "number") throw error;
        const output = `${failure.stdout ?? ""}${failure.stderr ?? ""}`;
        return { exitCode: failure.code, diagnostics: parseDiagnostics(output), output };
    }
}

const DIAGNOSTIC = /^(.+?)\(\d+,\d+\): error (TS\d+): (.*)$/;

export function parseDiagnostics(output: string): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    for (const line of output.split("\n")) {
        const match = DIAGNOSTIC.exec(line.trimEnd());
        if (match) diagnostics.push({ file: path.resolve(match[1]), code: match[2], message: match[3] });
    }
    return diagnostics;
}
