import type * as pulumi from "@pulumi/pulumi";
import type { AssumeRoleSettings, StackCredentials } from "../aws/credentials";
import type { StackSettings } from "../core/context";
import { describeValue, InputCheck } from "./check";
import { checkAssumeRole, checkProfile } from "./credential-inputs";

/**
 * The stack configuration a dynamic provider is handed through `configure`. It lives in this module, not in the
 * serialised provider object, so nothing from the stack's config (and nothing secret: `aws:secretKey` and
 * `aws:token` arrive decrypted) is written into state with the provider's text. One provider process serves one
 * stack, so a module-level value is right.
 */
let settings: StackSettings = {};

/** Called from the provider's `configure`: remembers the stack's `aws:*` settings this package honours. */
export function configureFromStack(config: pulumi.dynamic.Config): void {
    settings = parseStackSettings((key) => config.get(key));
}

/** The stack's settings as configure received them (empty before configure). */
export function stackSettings(): StackSettings {
    return settings;
}

/**
 * The `aws:*` keys this package reads, as `@pulumi/aws` documents them: `aws:region`, `aws:profile`,
 * `aws:sharedCredentialsFiles`, `aws:sharedConfigFiles`, `aws:accessKey`, `aws:secretKey`, `aws:token`,
 * `aws:assumeRole` (an object, @pulumi/aws v6) and `aws:assumeRoles` (a list, chained in order, v7). Structured
 * values may arrive as JSON text or as values. Problems are kept, not thrown: check reports them at preview, and
 * the first call with these credentials fails with them.
 */
export function parseStackSettings(get: (key: string) => unknown): StackSettings {
    const check = new InputCheck();
    // A secret's value is never shown, not even when it is wrong.
    const text = (key: string, secret = false): string | undefined => {
        const value = get(key);
        if (value === undefined || value === null || value === "") return undefined;
        if (typeof value === "string") return value;
        check.fail(key, `${key}${secret ? "" : ` ${describeValue(value)}`} is not a string`);
        return undefined;
    };
    const region = text("aws:region");
    const credentials: Record<string, unknown> = {
        profile: checkProfile(check, "aws:profile", text("aws:profile")),
        sharedCredentialsFiles: fileList(
            check,
            "aws:sharedCredentialsFiles",
            get("aws:sharedCredentialsFiles"),
        ),
        sharedConfigFiles: fileList(check, "aws:sharedConfigFiles", get("aws:sharedConfigFiles")),
        accessKey: text("aws:accessKey", true),
        secretKey: text("aws:secretKey", true),
        token: text("aws:token", true),
    };
    checkKeyPair(check, credentials);

    const single = structured(check, "aws:assumeRole", get("aws:assumeRole"));
    const chain = structured(check, "aws:assumeRoles", get("aws:assumeRoles"));
    if (single !== undefined && chain !== undefined) {
        check.fail(
            "aws:assumeRoles",
            "aws:assumeRole and aws:assumeRoles are both set: keep aws:assumeRoles (a list of roles, assumed in order)",
        );
    } else if (single !== undefined) {
        const role = checkAssumeRole(check, "aws:assumeRole", single, { stack: true });
        if (role) Object.assign(credentials, { assumeRoles: [role], assumeRolesKey: "aws:assumeRole" });
    } else if (chain !== undefined) {
        if (!Array.isArray(chain)) {
            check.fail(
                "aws:assumeRoles",
                `aws:assumeRoles ${describeValue(chain)} is not a list: give [{ "roleArn": "…" }, …], assumed in order`,
            );
        } else {
            const roles = chain.map((role, index) =>
                checkAssumeRole(check, `aws:assumeRoles[${index}]`, role, { stack: true }),
            );
            if (roles.length > 0 && roles.every(Boolean)) {
                Object.assign(credentials, {
                    assumeRoles: roles as AssumeRoleSettings[],
                    assumeRolesKey: "aws:assumeRoles",
                });
            }
        }
    }
    for (const key of Object.keys(credentials)) if (credentials[key] === undefined) delete credentials[key];
    return {
        ...(region ? { region } : {}),
        ...(Object.keys(credentials).length > 0 ? { credentials: credentials as StackCredentials } : {}),
        ...(check.failures.length > 0 ? { problems: check.failures } : {}),
    };
}

/** A JSON value given as text (as `pulumi config set` stores objects and lists), or the value itself. */
function structured(check: InputCheck, key: string, value: unknown): unknown {
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value !== "string") return value;
    try {
        return JSON.parse(value);
    } catch {
        check.fail(
            key,
            `${key} ${describeValue(value)} is not JSON: set it with pulumi config set --path or --json`,
        );
        return undefined;
    }
}

/** A list of file paths; one path given as plain text is a list of one. */
function fileList(check: InputCheck, key: string, value: unknown): string[] | undefined {
    if (value === undefined || value === null || value === "") return undefined;
    const list =
        typeof value === "string" && !value.trimStart().startsWith("[")
            ? [value]
            : structured(check, key, value);
    if (list === undefined) return undefined;
    if (
        Array.isArray(list) &&
        list.length > 0 &&
        list.every((file) => typeof file === "string" && file !== "")
    ) {
        return list as string[];
    }
    check.fail(key, `${key} ${describeValue(list)} is not a list of file paths: give ["~/.aws/credentials"]`);
    return undefined;
}

/** Static keys come as a pair; a session token only with them. Never shows a key's value. */
function checkKeyPair(check: InputCheck, credentials: Record<string, unknown>): void {
    const { accessKey, secretKey, token } = credentials;
    if (accessKey && !secretKey) {
        check.fail(
            "aws:secretKey",
            "aws:accessKey is set but aws:secretKey is not: set both, the secret one with pulumi config set --secret",
        );
    } else if (secretKey && !accessKey) {
        check.fail("aws:accessKey", "aws:secretKey is set but aws:accessKey is not: set both");
    } else if (token && !accessKey) {
        check.fail("aws:token", "aws:token is set without aws:accessKey and aws:secretKey: set all three");
    }
}
