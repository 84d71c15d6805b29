// Types only: this module loads the SDK's STS client and credential providers when they are first needed.
import type * as CredentialProviders from "@aws-sdk/credential-providers";
import type * as Inspector2Sdk from "@aws-sdk/client-inspector2";
import type * as StsSdk from "@aws-sdk/client-sts";

/**
 * The AWS SDK's modules, each loaded when first used rather than with the package: check and diff, which call
 * nothing, run in every `pulumi preview` of every resource, and loading the STS client and the credential
 * providers (with the SSO, web identity and IMDS clients behind them) took a good part of the first resource's
 * preview. Modules are loaded once per process (Node caches them); {@link loadedSdkModules} says which.
 */

const loaded = new Set<string>();

function load<T>(specifier: string): T {
    loaded.add(specifier);
    return require(specifier) as T;
}

/** Inspector (v2)'s SDK: its client and commands. */
export function inspector2Sdk(): typeof Inspector2Sdk {
    return load("@aws-sdk/client-inspector2");
}

/** STS's SDK: its client and GetCallerIdentity. */
export function stsSdk(): typeof StsSdk {
    return load("@aws-sdk/client-sts");
}

/** The SDK's credential providers: the default chain, profiles and assumed roles. */
export function credentialProviders(): typeof CredentialProviders {
    return load("@aws-sdk/credential-providers");
}

/** The SDK modules this process has asked for so far, by package name. */
export function loadedSdkModules(): string[] {
    return [...loaded].sort();
}
