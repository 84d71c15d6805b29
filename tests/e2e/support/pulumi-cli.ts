import * as path from "node:path";
import { packageRoot } from "../../support/program-directory";
import { runCommand } from "./process-tree";

/**
 * `scripts/setup-pulumi.sh` answers at once from its cache; the first build of the CLI takes many minutes and
 * belongs to `npm test`'s pretest step, so a test that has to wait longer than this fails and says so.
 */
const SETUP_TIMEOUT_MS = 60_000;

let binDir: Promise<string> | undefined;

/**
 * The folder holding `pulumi`, `pulumi-language-nodejs` and `pulumi-resource-pulumi-nodejs` at the version of the
 * installed @pulumi/pulumi, as `scripts/setup-pulumi.sh` prints it. Asked once per test run.
 */
export function pulumiBinDir(): Promise<string> {
    binDir ??= findBinDir();
    return binDir;
}

/** The PATH every pulumi command runs with: the CLI first, then this repository's Node (22) and tools. */
export function pulumiPath(cliDir: string, root: string = packageRoot()): string {
    return [cliDir, path.join(root, "node_modules", ".bin"), process.env.PATH ?? ""].join(path.delimiter);
}

async function findBinDir(): Promise<string> {
    const root = packageRoot();
    const result = await runCommand("bash", [path.join(root, "scripts", "setup-pulumi.sh")], {
        cwd: root,
        // Node 22 from this repository first, as an npm script would have it.
        env: {
            ...process.env,
            PATH: [path.join(root, "node_modules", ".bin"), process.env.PATH].join(path.delimiter),
        },
        timeoutMs: SETUP_TIMEOUT_MS,
    });
    const dir = result.stdout.trim();
    if (result.code !== 0 || dir === "") {
        binDir = undefined;
        throw new Error(
            `scripts/setup-pulumi.sh did not provide the Pulumi CLI (exit ${result.code}` +
                `${result.timedOut ? ", timed out: run `npm run pretest` first" : ""}):\n${result.stderr}`,
        );
    }
    return dir;
}
