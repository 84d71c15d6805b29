import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** This package's name, as a user's program sees it in `node_modules`. */
export const PACKAGE_NAME = "pulumi-inspector";

/** A throw-away directory laid out like a user's Pulumi program that installed this package. */
export interface ProgramDirectory {
    /** Absolute path of the program directory (the provider host's working directory). */
    readonly path: string;
    /** Deletes the directory; the symbolic links inside are removed, never followed. */
    remove(): Promise<void>;
}

/**
 * The root of this repository: the nearest directory above `from` whose package.json names this package.
 * Tests run from dist/tests/..., so walking up is sturdier than a fixed number of `..`.
 */
export function packageRoot(from: string = __dirname): string {
    for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
        const manifest = path.join(dir, "package.json");
        if (fs.existsSync(manifest) && readManifest(manifest).name === PACKAGE_NAME) return dir;
        if (path.dirname(dir) === dir)
            throw new Error(`no package.json named "${PACKAGE_NAME}" above ${from}`);
    }
}

/**
 * Creates a temporary program directory whose `node_modules` holds `pulumi-inspector` (a symbolic link to this
 * repository, as `npm install ../pulumi-inspector` or a workspace would make it) and the package's runtime
 * dependencies, as npm hoists them for a user. The dynamic-provider host started there resolves bare
 * specifiers exactly as it does in a user's program, including `@pulumi/pulumi/cmd/dynamic-provider` itself.
 */
export async function createProgramDirectory(root: string = packageRoot()): Promise<ProgramDirectory> {
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), `${PACKAGE_NAME}-program-`));
    const nodeModules = path.join(dir, "node_modules");
    await fs.promises.mkdir(nodeModules);
    await fs.promises.symlink(root, path.join(nodeModules, PACKAGE_NAME), "dir");
    const dependencies = Object.keys(readManifest(path.join(root, "package.json")).dependencies ?? {});
    for (const name of dependencies) {
        const link = path.join(nodeModules, name);
        await fs.promises.mkdir(path.dirname(link), { recursive: true });
        await fs.promises.symlink(path.join(root, "node_modules", name), link, "dir");
    }
    return {
        path: dir,
        remove: () => fs.promises.rm(dir, { recursive: true, force: true }),
    };
}

interface Manifest {
    name?: string;
    dependencies?: Record<string, string>;
}

function readManifest(file: string): Manifest {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
}
