import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The repository root: the nearest folder above `from` whose package.json is this package's. The compiled tests
 * run from `dist/tests/…`, the sources sit in `tests/…`; walking up works from both.
 */
export function repoRoot(from: string = __dirname): string {
    for (let folder = from; ; folder = dirname(folder)) {
        const manifest = join(folder, "package.json");
        if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "pulumi-inspector") {
            return folder;
        }
        if (dirname(folder) === folder) throw new Error(`no pulumi-inspector package.json above ${from}`);
    }
}
