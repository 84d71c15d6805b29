import type { StackSettings } from "../core/context";
import { parseStackSettings } from "../dynamic/stack-config";
import { PACKAGE, type Shape } from "./resources";

/**
 * The plugin's provider configuration: the `aws:*` keys the dynamic resources honour, under the plugin's own
 * namespace (`inspector:region`, `inspector:profile`, …, or the same names on an explicit provider resource).
 * They are checked by the dynamic resources' rules (`provider/dynamic/stack-config.ts`), and their messages
 * name the plugin's keys.
 */

/** One provider configuration key: its wire shape, what it means, and whether its value is secret. */
export interface ConfigKey {
    readonly shape: Shape;
    readonly description: string;
    readonly secret?: boolean;
}

/** The provider configuration keys, as the dynamic resources read them from `aws:<key>`. */
export const CONFIG_KEYS: Readonly<Record<string, ConfigKey>> = {
    region: {
        shape: "string",
        description:
            "The region of resources that set none. Default: the environment's `AWS_REGION`, then `AWS_DEFAULT_REGION`.",
    },
    profile: {
        shape: "string",
        description: "The shared credentials or config profile to take credentials from.",
    },
    sharedCredentialsFiles: {
        shape: "string[]",
        description: "The shared credentials files to read `profile` from. Default: `~/.aws/credentials`.",
    },
    sharedConfigFiles: {
        shape: "string[]",
        description: "The shared config files to read `profile` from. Default: `~/.aws/config`.",
    },
    accessKey: { shape: "string", description: "A static access key ID, with `secretKey`.", secret: true },
    secretKey: { shape: "string", description: "The secret access key of `accessKey`.", secret: true },
    token: { shape: "string", description: "The session token of temporary keys.", secret: true },
    assumeRole: {
        shape: "any",
        description:
            "A role to assume: `{ roleArn, sessionName?, externalId?, durationSeconds? }` (or `duration`, `policy`, `policyArns`, `tags`, `transitiveTagKeys`, `sourceIdentity`), as `aws:assumeRole` of @pulumi/aws.",
    },
    assumeRoles: {
        shape: "any[]",
        description: "Roles to assume in order, each as `assumeRole`; not with `assumeRole`.",
    },
};

/**
 * The settings of the provider configuration `config` (keys without namespace, as Configure's `args` carry them,
 * or `inspector:<key>` as its `variables` do). Problems are kept, as for the stack's `aws:*` settings, and
 * named with the plugin's keys.
 */
export function providerSettings(config: Readonly<Record<string, unknown>>): StackSettings {
    const value = (key: string): unknown => config[key] ?? config[`${PACKAGE}:${key}`];
    const settings = parseStackSettings((key) =>
        key.startsWith("aws:") ? value(key.slice("aws:".length)) : undefined,
    );
    if (!settings.problems) return settings;
    const rename = (text: string) => text.replace(/\baws:(?=[a-zA-Z])/g, `${PACKAGE}:`);
    return {
        ...settings,
        problems: settings.problems.map(({ property, reason }) => ({
            property: rename(property),
            reason: rename(reason),
        })),
    };
}
