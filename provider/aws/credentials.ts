import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { digest } from "../core/canonical";
import { markCredentialFailure } from "./errors";
import { credentialProviders } from "./sdk-modules";
import { clientSettings, CLIENT_PLUGINS } from "./transport";

/**
 * Where a resource's AWS credentials come from, decided as `@pulumi/aws` (terraform-provider-aws) decides it:
 * what the program or the stack says explicitly beats the environment, static keys beat a profile, and roles are
 * assumed on top of those base credentials.
 *
 * Base credentials, the first that is set:
 * 1. the resource's `profile` input;
 * 2. the stack's `aws:accessKey` and `aws:secretKey` (with `aws:token` for temporary keys);
 * 3. the stack's `aws:profile`;
 * 4. the SDK's default chain: `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN` (unless
 *    `AWS_PROFILE` is set), `AWS_PROFILE`, the shared files' default profile, SSO, web identity, the container's
 *    or the instance's role.
 *
 * Roles, assumed in order on top of the base: the resource's `assumeRole` when it is set (it replaces the
 * stack's), else the stack's `aws:assumeRoles` (a chain) or `aws:assumeRole`.
 *
 * Profiles are read from the stack's `aws:sharedCredentialsFiles` and `aws:sharedConfigFiles` when set (the last
 * file that has the profile is used), else from `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE`, else from
 * `~/.aws/credentials` and `~/.aws/config`.
 *
 * Credentials live only in the provider's process: the stack's settings reach it through `configure`, and what
 * a resource records is the profile's name and the role's ARN, never a key or a token.
 */

/** A role to assume: the per-resource `assumeRole` input, or one entry of the stack's `aws:assumeRole(s)`. */
export interface AssumeRoleSettings {
    /** The role's ARN, `arn:aws:iam::<account>:role/<name>`. */
    readonly roleArn: string;
    /** The session's name. @default "pulumi-inspector" */
    readonly sessionName?: string;
    /** The external ID the role's trust policy asks for. */
    readonly externalId?: string;
    /** How long the role's credentials last, 900 to 43200 seconds. @default 3600 */
    readonly durationSeconds?: number;
    // Only from the stack's config, as @pulumi/aws documents them.
    /** An inline session policy (the stack's config only). */
    readonly policy?: string;
    /** Managed session policies' ARNs (the stack's config only). */
    readonly policyArns?: readonly string[];
    /** Session tags (the stack's config only). */
    readonly tags?: Readonly<Record<string, string>>;
    /** Session tags passed on to roles assumed next (the stack's config only). */
    readonly transitiveTagKeys?: readonly string[];
    /** The source identity set on the session (the stack's config only). */
    readonly sourceIdentity?: string;
}

/** The stack's `aws:*` credential settings, as configure received them (checked by stack-config.ts). */
export interface StackCredentials {
    readonly profile?: string;
    readonly sharedCredentialsFiles?: readonly string[];
    readonly sharedConfigFiles?: readonly string[];
    readonly accessKey?: string;
    readonly secretKey?: string;
    readonly token?: string;
    /** `aws:assumeRoles`, or `aws:assumeRole` as a one-role chain. */
    readonly assumeRoles?: readonly AssumeRoleSettings[];
    /** The key the roles came from, for messages: `aws:assumeRole` or `aws:assumeRoles`. */
    readonly assumeRolesKey?: "aws:assumeRole" | "aws:assumeRoles";
}

/** A resource's own credential inputs. */
export interface ResourceCredentials {
    readonly profile?: string;
    readonly assumeRole?: AssumeRoleSettings;
}

/** The stack settings credentials depend on: the credential keys, and the region STS is called in. */
export interface CredentialStack {
    readonly region?: string;
    readonly credentials?: StackCredentials;
    /** Problems found in the stack's credential settings; any of them stops every call. */
    readonly problems?: readonly { readonly property: string; readonly reason: string }[];
}

/** AWS's rules for AssumeRole's parameters (the STS API reference), checked at preview. */
export const ROLE_ARN_PATTERN = /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
export const MAX_ROLE_ARN_LENGTH = 2048;
export const SESSION_NAME_PATTERN = /^[\w+=,.@-]{2,64}$/;
export const EXTERNAL_ID_PATTERN = /^[\w+=,.@:/-]{2,1224}$/;
export const MIN_ROLE_DURATION_SECONDS = 900;
export const MAX_ROLE_DURATION_SECONDS = 43_200;

/** The session name when none is given: what CloudTrail shows as the role session. */
export const DEFAULT_SESSION_NAME = "pulumi-inspector";

/** The session length when none is given (STS's own default). */
export const DEFAULT_ROLE_DURATION_SECONDS = 3600;

/** The region STS is called in for AssumeRole when neither the stack nor the environment names one. */
export const DEFAULT_STS_REGION = "us-east-1";

/** Temporary credentials are renewed this long before they expire. */
const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

/** Credentials as the SDK takes them. */
export interface Identity {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
    readonly expiration?: Date;
}

export type IdentityProvider = () => Promise<Identity>;

/** One source of credentials, shared by every client and resource that uses it. */
export interface CredentialSource {
    /** Identifies the source in the client caches: a hash, so no key or secret is ever in clear in it. */
    readonly key: string;
    /** Where the credentials come from, for messages. It names profiles, keys' config and roles, never a secret. */
    readonly description: string;
    /** The credentials, fetched once and renewed before they expire (roles are assumed once per source). */
    readonly provider: IdentityProvider;
}

type Base =
    | { readonly kind: "static"; readonly identity: Identity }
    | { readonly kind: "profile"; readonly profile: string; readonly from: "resource" | "stack" }
    | { readonly kind: "chain" };

const sources = new Map<string, CredentialSource>();

/**
 * The credential source of a resource (see the precedence above). Sources are cached by their hashed
 * description, so resources with the same settings share one, and roles are assumed once for all of them.
 * Throws when the stack's credential settings have problems (check reports them at preview).
 */
export function credentialSource(
    stack: CredentialStack,
    resource: ResourceCredentials = {},
    env: NodeJS.ProcessEnv = process.env,
): CredentialSource {
    if (stack.problems && stack.problems.length > 0) {
        throw new Error(
            `The stack's AWS credential settings are invalid: ` +
                `${stack.problems.map((problem) => problem.reason).join("; ")}. Fix them with pulumi config set.`,
        );
    }
    const settings = stack.credentials ?? {};
    const base = baseCredentials(settings, resource);
    const fromResourceRole = resource.assumeRole !== undefined;
    const roles = fromResourceRole ? [resource.assumeRole!] : (settings.assumeRoles ?? []);
    const profile = base.kind === "profile" ? base.profile : (env.AWS_PROFILE ?? "default");
    const files = {
        credentials: pickFile(settings.sharedCredentialsFiles, profile, false),
        config: pickFile(settings.sharedConfigFiles, profile, true),
    };
    const stsRegion = stack.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || DEFAULT_STS_REGION;
    const key = `credentials-${digest({ base, files, roles, stsRegion }).slice(0, 24)}`;
    let source = sources.get(key);
    if (!source) {
        source = {
            key,
            description: describe(base, settings, files, roles, fromResourceRole),
            provider: shared(buildProvider(base, files, roles, stsRegion)),
        };
        sources.set(key, source);
    }
    return source;
}

/** Forgets every source (tests switch credentials and endpoints between cases). */
export function resetCredentialSources(): void {
    sources.clear();
}

function baseCredentials(settings: StackCredentials, resource: ResourceCredentials): Base {
    if (resource.profile) return { kind: "profile", profile: resource.profile, from: "resource" };
    if (settings.accessKey && settings.secretKey) {
        return {
            kind: "static",
            identity: {
                accessKeyId: settings.accessKey,
                secretAccessKey: settings.secretKey,
                ...(settings.token ? { sessionToken: settings.token } : {}),
            },
        };
    }
    if (settings.profile) return { kind: "profile", profile: settings.profile, from: "stack" };
    return { kind: "chain" };
}

/**
 * The one file of a list the SDK is given: the last that has the profile (a later file wins, as in
 * terraform-provider-aws), else the last one (the SDK then says the profile is missing). Undefined: the SDK's
 * own default (`AWS_SHARED_CREDENTIALS_FILE`/`AWS_CONFIG_FILE`, then `~/.aws/…`).
 */
export function pickFile(
    files: readonly string[] | undefined,
    profile: string,
    configFile: boolean,
): string | undefined {
    if (!files || files.length === 0) return undefined;
    const expanded = files.map(expandHome);
    const names = configFile && profile !== "default" ? [`profile ${profile}`] : [profile];
    if (configFile && profile === "default") names.push("profile default");
    for (const file of [...expanded].reverse()) {
        if (sectionsOf(file).some((section) => names.includes(section))) return file;
    }
    return expanded[expanded.length - 1];
}

function expandHome(file: string): string {
    return file === "~" || file.startsWith("~/") ? path.join(os.homedir(), file.slice(1)) : file;
}

/** The section names (`[name]`) of an INI file; none when it cannot be read. */
function sectionsOf(file: string): string[] {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch {
        return [];
    }
    const sections: string[] = [];
    for (const line of text.split(/\r?\n/)) {
        const match = /^\s*\[\s*([^\]]+?)\s*\]\s*$/.exec(line);
        if (match) sections.push(match[1].replace(/\s+/g, " "));
    }
    return sections;
}

function describe(
    base: Base,
    settings: StackCredentials,
    files: { credentials?: string; config?: string },
    roles: readonly AssumeRoleSettings[],
    fromResourceRole: boolean,
): string {
    let text: string;
    switch (base.kind) {
        case "static":
            text = `the stack's aws:accessKey and aws:secretKey${settings.token ? " (with aws:token)" : ""}`;
            break;
        case "profile":
            text =
                `profile "${base.profile}" (the ${base.from === "resource" ? "resource's profile input" : "stack's aws:profile"}` +
                `${files.credentials ? `, from ${files.credentials}` : ""})`;
            break;
        case "chain":
            text =
                "the default credential chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, the shared " +
                "files, SSO, the container's or the instance's role)";
            break;
    }
    roles.forEach((role, index) => {
        const origin = fromResourceRole
            ? "the resource's assumeRole"
            : settings.assumeRolesKey === "aws:assumeRoles"
              ? `the stack's aws:assumeRoles[${index}]`
              : "the stack's aws:assumeRole";
        text += `, then role ${role.roleArn} (${origin})`;
    });
    return text;
}

function buildProvider(
    base: Base,
    files: { credentials?: string; config?: string },
    roles: readonly AssumeRoleSettings[],
    stsRegion: string,
): IdentityProvider {
    // The STS clients the SDK makes for roles (and for roles of profiles) get the same timeouts and retries.
    const sts = { clientConfig: clientSettings(stsRegion), clientPlugins: CLIENT_PLUGINS };
    const locations = {
        ...(files.credentials ? { filepath: files.credentials } : {}),
        ...(files.config ? { configFilepath: files.config } : {}),
    };
    const { fromIni, fromNodeProviderChain, fromTemporaryCredentials } = credentialProviders();
    let provider: IdentityProvider;
    switch (base.kind) {
        case "static": {
            const identity = base.identity;
            provider = async () => identity;
            break;
        }
        case "profile":
            provider = fromIni({ profile: base.profile, ...locations, ...sts }) as IdentityProvider;
            break;
        case "chain":
            provider = fromNodeProviderChain({ ...locations, ...sts }) as IdentityProvider;
            break;
    }
    for (const role of roles) {
        provider = fromTemporaryCredentials({
            params: assumeRoleParams(role),
            masterCredentials: provider,
            ...sts,
        }) as IdentityProvider;
    }
    return provider;
}

/** STS AssumeRole's parameters for a role. */
export function assumeRoleParams(role: AssumeRoleSettings): {
    RoleArn: string;
    RoleSessionName: string;
    DurationSeconds: number;
    ExternalId?: string;
    Policy?: string;
    PolicyArns?: { arn: string }[];
    Tags?: { Key: string; Value: string }[];
    TransitiveTagKeys?: string[];
    SourceIdentity?: string;
} {
    return {
        RoleArn: role.roleArn,
        RoleSessionName: role.sessionName ?? DEFAULT_SESSION_NAME,
        DurationSeconds: role.durationSeconds ?? DEFAULT_ROLE_DURATION_SECONDS,
        ...(role.externalId ? { ExternalId: role.externalId } : {}),
        ...(role.policy ? { Policy: role.policy } : {}),
        ...(role.policyArns ? { PolicyArns: role.policyArns.map((arn) => ({ arn })) } : {}),
        ...(role.tags ? { Tags: Object.entries(role.tags).map(([Key, Value]) => ({ Key, Value })) } : {}),
        ...(role.transitiveTagKeys ? { TransitiveTagKeys: [...role.transitiveTagKeys] } : {}),
        ...(role.sourceIdentity ? { SourceIdentity: role.sourceIdentity } : {}),
    };
}

/**
 * One fetch at a time, the answer kept until five minutes before it expires (forever for long-term keys); a
 * failure is not kept, so the next call tries again, and it is marked as one of the credentials (errors.ts).
 */
function shared(provider: IdentityProvider): IdentityProvider {
    let current: Identity | undefined;
    let pending: Promise<Identity> | undefined;
    return () => {
        if (current && !expiresSoon(current)) return Promise.resolve(current);
        pending ??= provider()
            .then(
                (identity) => (current = identity),
                (error: unknown) => {
                    markCredentialFailure(error);
                    throw error;
                },
            )
            .finally(() => (pending = undefined));
        return pending;
    };
}

function expiresSoon(identity: Identity): boolean {
    return (
        identity.expiration !== undefined &&
        identity.expiration.getTime() - Date.now() < REFRESH_BEFORE_EXPIRY_MS
    );
}
