import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

/** The IAM namespace of each AWS SDK v3 client package the provider uses. */
const SDK_NAMESPACES: Readonly<Record<string, string>> = {
    "@aws-sdk/client-inspector2": "inspector2",
    "@aws-sdk/client-inspector": "inspector",
    "@aws-sdk/client-sts": "sts",
};

/**
 * The functions that load an SDK when first used, by the IAM namespace of what they load: Inspector Classic's
 * optional SDK (provider/aws/classic-sdk.ts) and the lazily loaded ones (provider/aws/sdk-modules.ts). Code
 * takes commands from them as `const { XCommand } = classicSdk()` or `new (stsSdk().XCommand)(…)`.
 */
const SDK_LOADERS: Readonly<Record<string, string>> = {
    classicSdk: "inspector",
    inspector2Sdk: "inspector2",
    stsSdk: "sts",
};

/** The namespace of the SDK a call expression loads (`stsSdk()`), if it is one of {@link SDK_LOADERS}. */
function loaderNamespace(node: ts.Node): string | undefined {
    return ts.isCallExpression(node) && ts.isIdentifier(node.expression)
        ? SDK_LOADERS[node.expression.text]
        : undefined;
}

/** The folders of provider/ that hold no resource: what every resource shares, and the plugin that serves them. */
export const SHARED_LAYERS = ["core", "dynamic", "aws", "plugin"];

/** The resource folders of provider/ (each has a resource.ts). */
export function resourceFolders(providerDir: string): string[] {
    return readdirSync(providerDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !SHARED_LAYERS.includes(entry.name))
        .map((entry) => entry.name)
        .sort();
}

/** The class a resource folder's resource.ts exports (`export class FindingsGate extends …`). */
export function resourceClassName(providerDir: string, folder: string): string {
    const source = readFileSync(join(providerDir, folder, "resource.ts"), "utf8");
    const match = /export class (\w+) extends/.exec(source);
    if (!match) throw new Error(`provider/${folder}/resource.ts exports no class`);
    return match[1];
}

/** The file a relative module specifier names, or undefined when it names none of the sources. */
function resolveModule(fromFile: string, specifier: string): string | undefined {
    const base = resolve(dirname(fromFile), specifier);
    for (const candidate of [`${base}.ts`, join(base, "index.ts")])
        if (existsSync(candidate)) return candidate;
    return undefined;
}

interface FileScan {
    /** `namespace:Operation` for each `new XCommand(…)` whose class comes from an AWS SDK client. */
    readonly operations: string[];
    /** The source files this one loads at run time (type-only imports left out: they run nothing). */
    readonly loads: string[];
}

function scanFile(file: string): FileScan {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
    const namespaceOf = new Map<string, string>();
    const loads: string[] = [];
    const constructed: { name: string; position: number }[] = [];
    /** Operations whose command comes straight from a loader's result: `new (stsSdk().XCommand)(…)`. */
    const direct: string[] = [];

    const visit = (node: ts.Node): void => {
        if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
            const specifier = node.moduleSpecifier.text;
            const typeOnly = node.importClause?.isTypeOnly ?? false;
            if (specifier.startsWith(".") && !typeOnly) {
                const target = resolveModule(file, specifier);
                if (target) loads.push(target);
            }
            const namespace = SDK_NAMESPACES[specifier];
            const bindings = node.importClause?.namedBindings;
            if (namespace && bindings && ts.isNamedImports(bindings)) {
                for (const element of bindings.elements) namespaceOf.set(element.name.text, namespace);
            }
        }
        // const { StartAssessmentRunCommand } = classicSdk();
        const loaded =
            ts.isVariableDeclaration(node) && node.initializer && loaderNamespace(node.initializer);
        if (loaded && ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name)) {
            for (const element of node.name.elements) {
                if (ts.isIdentifier(element.name)) namespaceOf.set(element.name.text, loaded);
            }
        }
        // new (stsSdk().GetCallerIdentityCommand)({})
        if (ts.isNewExpression(node)) {
            let callee: ts.Expression = node.expression;
            while (ts.isParenthesizedExpression(callee)) callee = callee.expression;
            const namespace = ts.isPropertyAccessExpression(callee) && loaderNamespace(callee.expression);
            if (namespace && ts.isPropertyAccessExpression(callee) && callee.name.text.endsWith("Command")) {
                direct.push(`${namespace}:${callee.name.text.slice(0, -"Command".length)}`);
            }
        }
        if (
            ts.isNewExpression(node) &&
            ts.isIdentifier(node.expression) &&
            node.expression.text.endsWith("Command")
        ) {
            constructed.push({ name: node.expression.text, position: node.getStart() });
        }
        ts.forEachChild(node, visit);
    };
    visit(source);

    const operations = constructed.map(({ name, position }) => {
        const namespace = namespaceOf.get(name);
        if (!namespace) {
            const { line } = source.getLineAndCharacterOfPosition(position);
            throw new Error(
                `${file}:${line + 1}: new ${name}(…) comes from no AWS SDK client this scan knows: add its package to SDK_NAMESPACES`,
            );
        }
        return `${namespace}:${name.slice(0, -"Command".length)}`;
    });
    return { operations: [...operations, ...direct], loads };
}

/**
 * Every AWS operation a resource's code can call, as IAM actions (`inspector2:Enable`, `sts:GetCallerIdentity`):
 * each `new XCommand(…)` in its folder and in every module of the shared layers that the folder loads at run time,
 * followed through their imports (another resource's folder is not followed). A static scan rather than a record
 * of calls, so that a call only an error path makes counts too.
 */
export function resourceOperations(providerDir: string, folder: string): string[] {
    const root = resolve(providerDir);
    const otherResources = resourceFolders(root)
        .filter((name) => name !== folder)
        .map((name) => join(root, name) + sep);
    const queue = readdirSync(join(root, folder))
        .filter((name) => name.endsWith(".ts"))
        .map((name) => join(root, folder, name));
    const seen = new Set<string>();
    const operations = new Set<string>();
    while (queue.length > 0) {
        const file = queue.pop() as string;
        if (seen.has(file)) continue;
        seen.add(file);
        const scan = scanFile(file);
        for (const operation of scan.operations) operations.add(operation);
        for (const loaded of scan.loads) {
            const inProvider = !relative(root, loaded).startsWith("..");
            if (inProvider && !otherResources.some((other) => loaded.startsWith(other))) queue.push(loaded);
        }
    }
    return [...operations].sort();
}
