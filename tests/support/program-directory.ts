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

/** Where a program directory is made and what it starts with. */
export interface ProgramDirectoryOptions {
    /**
     * A Pulumi program to copy in (an example's folder): its files and folders, without its own `node_modules`,
     * build output or stack settings files (`Pulumi.<stack>.yaml`, which belong to someone else's stacks). The
     * packages its package.json names are linked from this repository's `node_modules` when they are there, so
     * `@types/…` and the like resolve as after `npm install`. Default: an empty program directory.
     */
    readonly program?: string;
    /** The folder to create the directory in. Default: the system's temporary folder. */
    readonly parent?: string;
    /**
     * Link this repository's packages into `node_modules` (the default). `false` leaves the directory without
     * `node_modules`, for a test that installs the packages with npm as a user does.
     */
    readonly linkPackages?: boolean;
}

/** What a copied program leaves behind: installed or built files, and stack files of other stacks. */
const NOT_COPIED = new Set(["node_modules", "bin", "dist", "package-lock.json"]);
const STACK_SETTINGS_FILE = /^Pulumi\.[^.]+\.ya?ml$/;

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
 * repository, as `npm install ../pulumi-inspector` or a workspace would make it) and the packages npm installs
 * beside it for a user: its runtime dependencies and its peer dependencies that are not optional (npm installs
 * those too; `@pulumi/pulumi` is one), hoisted. The dynamic-provider host started there resolves bare
 * specifiers exactly as it does in a user's program, including `@pulumi/pulumi/cmd/dynamic-provider` itself.
 * Linked packages resolve to their real paths, so the program, this package and the provider host share one
 * `@pulumi/pulumi` module instance.
 */
export async function createProgramDirectory(
    root: string = packageRoot(),
    options: ProgramDirectoryOptions = {},
): Promise<ProgramDirectory> {
    const dir = await fs.promises.mkdtemp(
        path.join(options.parent ?? os.tmpdir(), `${PACKAGE_NAME}-program-`),
    );
    try {
        if (options.program !== undefined) await copyProgram(options.program, dir);
        if (options.linkPackages !== false) await linkPackages(root, dir, options.program);
    } catch (error) {
        await fs.promises.rm(dir, { recursive: true, force: true });
        throw error;
    }
    return {
        path: dir,
        remove: () => fs.promises.rm(dir, { recursive: true, force: true }),
    };
}

async function copyProgram(program: string, target: string): Promise<void> {
    const source = path.resolve(program);
    if (!fs.existsSync(path.join(source, "Pulumi.yaml"))) {
        throw new Error(`${source} is not a Pulumi program: it has no Pulumi.yaml`);
    }
    await fs.promises.cp(source, target, {
        recursive: true,
        filter: (file) => {
            if (file === source) return true;
            const name = path.basename(file);
            return !NOT_COPIED.has(name) && !STACK_SETTINGS_FILE.test(name);
        },
    });
}

async function linkPackages(root: string, dir: string, program: string | undefined): Promise<void> {
    const nodeModules = path.join(dir, "node_modules");
    await fs.promises.mkdir(nodeModules);
    await fs.promises.symlink(root, path.join(nodeModules, PACKAGE_NAME), "dir");
    const names = new Set(installedWithThisPackage(readManifest(path.join(root, "package.json"))));
    const programManifest = program === undefined ? undefined : path.join(program, "package.json");
    if (programManifest !== undefined && fs.existsSync(programManifest)) {
        const manifest = readManifest(programManifest);
        const wanted = [
            ...Object.keys(manifest.dependencies ?? {}),
            ...Object.keys(manifest.devDependencies ?? {}),
        ];
        // A package this repository does not have stays missing, as in a program whose install failed.
        for (const name of wanted) {
            if (name !== PACKAGE_NAME && fs.existsSync(path.join(root, "node_modules", name)))
                names.add(name);
        }
    }
    for (const name of names) {
        const link = path.join(nodeModules, name);
        await fs.promises.mkdir(path.dirname(link), { recursive: true });
        await fs.promises.symlink(path.join(root, "node_modules", name), link, "dir");
    }
}

/**
 * What `npm install pulumi-inspector` puts into a program's `node_modules` besides the package: its dependencies
 * and its required peer dependencies. An optional peer (Inspector Classic's SDK) is left out, as npm leaves it.
 */
export function installedWithThisPackage(manifest: Manifest): string[] {
    const optional = manifest.peerDependenciesMeta ?? {};
    const peers = Object.keys(manifest.peerDependencies ?? {}).filter((name) => !optional[name]?.optional);
    return [...Object.keys(manifest.dependencies ?? {}), ...peers];
}

export interface Manifest {
    name?: string;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

function readManifest(file: string): Manifest {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
}
