import type * as pulumi from "@pulumi/pulumi";

/**
 * The stack configuration a dynamic provider is handed through `configure`. It lives in the implementation
 * module, not in the serialised provider object, so nothing from the stack's config (and nothing secret) is
 * written into state with the provider's text. One provider process serves one stack, so a module-level value
 * is right.
 */
let stackRegion: string | undefined;

/** Called from the providers' `configure`: remembers the stack's `aws:region`. */
export function configureFromStack(config: pulumi.dynamic.Config): void {
    stackRegion = config.get("aws:region") || undefined;
}

/** The stack's `aws:region`, if the stack sets one. */
export function configuredStackRegion(): string | undefined {
    return stackRegion;
}
