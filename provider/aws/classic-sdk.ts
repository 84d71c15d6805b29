// Types only: this module is the one place that loads Inspector Classic's SDK, when classicSdk() is first called.
import type * as ClassicSdk from "@aws-sdk/client-inspector";

/**
 * Inspector Classic's SDK, which only AssessmentRun uses. It is an optional peer dependency (package.json): its
 * last release (3.523.0, February 2024) brings, through its own `@aws-sdk/client-sts`, a `fast-xml-parser` with a
 * published advisory (GHSA-mpg4-rc92-vx8v), so a program that does not use AssessmentRun does not install it.
 * Nothing in the package loads it but {@link classicSdk}; every other module imports its types only, and the
 * declarations a user's program reads through the main entry do not name it (clients.ts: `ClassicClient`).
 */
export const CLASSIC_SDK_PACKAGE = "@aws-sdk/client-inspector";

/** The versions of {@link CLASSIC_SDK_PACKAGE} AssessmentRun works with: package.json's peerDependencies entry. */
export const CLASSIC_SDK_RANGE = "^3.523.0";

/** The command that installs it, for messages and the README. */
export const CLASSIC_SDK_INSTALL = `npm install ${CLASSIC_SDK_PACKAGE}@${CLASSIC_SDK_RANGE}`;

/** What an AssessmentRun operation raises (at check, so at preview) when Inspector Classic's SDK is not installed. */
export class ClassicSdkMissingError extends Error {
    constructor() {
        super(
            `AssessmentRun needs Inspector Classic's SDK, ${CLASSIC_SDK_PACKAGE} (${CLASSIC_SDK_RANGE}), which is ` +
                `not installed: it is an optional peer dependency of pulumi-inspector, installed only by ` +
                `programs that use AssessmentRun. Install it in the program's folder with ` +
                `\`${CLASSIC_SDK_INSTALL}\`, then run the command again. InspectorEnablement and FindingsGate ` +
                `do not need it.`,
        );
        this.name = "ClassicSdkMissingError";
    }
}

let loaded: typeof ClassicSdk | undefined;

/**
 * Inspector Classic's SDK (its client, commands and exceptions), loaded when an AssessmentRun operation first
 * needs it. Throws {@link ClassicSdkMissingError} when the package is not installed; any other failure to load
 * it (a module missing inside it, say) as it is.
 */
export function classicSdk(): typeof ClassicSdk {
    if (!loaded) {
        try {
            loaded = require(CLASSIC_SDK_PACKAGE) as typeof ClassicSdk;
        } catch (error) {
            const { code, message } = error as NodeJS.ErrnoException;
            if (
                code === "MODULE_NOT_FOUND" &&
                message.startsWith(`Cannot find module '${CLASSIC_SDK_PACKAGE}'`)
            )
                throw new ClassicSdkMissingError();
            throw error;
        }
    }
    return loaded;
}
