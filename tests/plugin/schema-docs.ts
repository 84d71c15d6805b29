import * as path from "node:path";
import * as ts from "typescript";
import { RESOURCES, type DocSource } from "../../provider/plugin/resources";
import { schemaText, type DocLookup, type PropertyDoc } from "../../provider/plugin/schema";
import { repoRoot } from "../architecture/repo-root";

/**
 * The TSDoc of the resources' properties, read with the TypeScript compiler (a development tool, so this lives
 * with the tests): inherited members included (`profile` and `assumeRole` from CredentialArgs), `@default` apart.
 * `npm run schema` writes schema.json from it; tests/plugin/schema.test.ts fails when the file is stale.
 */
export function tsDocLookup(root: string = repoRoot()): DocLookup {
    // One program for every file the descriptions name: type-checking them once costs seconds, not one per file.
    const files = RESOURCES.flatMap((resource) => [resource.inputDocs, ...resource.outputDocs]).map(
        (source) => path.join(root, source.file),
    );
    const program = ts.createProgram([...new Set(files)], {
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
    });
    const checker = program.getTypeChecker();
    return (source: DocSource, property: string): PropertyDoc | undefined => {
        const file = path.join(root, source.file);
        const sourceFile = program.getSourceFile(file);
        if (!sourceFile) throw new Error(`${source.file} cannot be read`);
        for (const name of source.interfaces) {
            const declaration = sourceFile.statements.find(
                (statement): statement is ts.InterfaceDeclaration | ts.ClassDeclaration =>
                    (ts.isInterfaceDeclaration(statement) || ts.isClassDeclaration(statement)) &&
                    statement.name?.text === name,
            );
            if (!declaration?.name) throw new Error(`${source.file} has no interface or class ${name}`);
            const type = checker.getTypeAtLocation(declaration.name);
            const symbol = type.getProperty(property);
            if (!symbol) continue;
            const description = ts
                .displayPartsToString(symbol.getDocumentationComment(checker))
                .replace(/\s*\n\s*/g, " ")
                .trim();
            const fallback = symbol.getJsDocTags(checker).find((tag) => tag.name === "default");
            const text = fallback
                ? ts
                      .displayPartsToString(fallback.text)
                      .replace(/\s*\n\s*/g, " ")
                      .trim()
                : "";
            return {
                description,
                ...(text ? { default: text } : {}),
                optional: (symbol.flags & ts.SymbolFlags.Optional) !== 0,
            };
        }
        return undefined;
    };
}

/** Where the plugin's schema is kept, from the repository's root. */
export const SCHEMA_FILE = "provider/plugin/schema.json";

/** schema.json as generated from the descriptions and the TSDoc now, formatted as Prettier keeps the repository. */
export async function generatedSchemaText(root: string = repoRoot()): Promise<string> {
    const prettier = await import("prettier");
    const file = path.join(root, SCHEMA_FILE);
    const options = (await prettier.resolveConfig(file)) ?? {};
    return prettier.format(schemaText(tsDocLookup(root)), { ...options, filepath: file });
}
