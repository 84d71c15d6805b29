import type * as pulumi from "@pulumi/pulumi";
import type { StackSettings } from "../core/context";

/**
 * The stack configuration a dynamic provider is handed through `configure`. It lives in this module, not in the
 * serialised provider object, so nothing from the stack's config (and nothing secret) is written into state with
 * the provider's text. One provider process serves one stack, so a module-level value is right.
 */
let settings: StackSettings = {};

/** Called from the provider's `configure`: remembers the stack's `aws:*` settings this package honours. */
export function configureFromStack(config: pulumi.dynamic.Config): void {
    const region = config.get("aws:region") || undefined;
    settings = region ? { region } : {};
}

/** The stack's settings as configure received them (empty before configure). */
export function stackSettings(): StackSettings {
    return settings;
}
