import * as pulumi from "@pulumi/pulumi";

/** Where an operation tells the user how far it got. */
export type Reporter = (message: string) => void;

/**
 * Progress to the `pulumi up` output. In a dynamic-provider host `pulumi.log` has no engine connection and
 * prints to the console, which the engine passes through; the message therefore names the resource itself.
 */
export const engineReporter: Reporter = (message) => {
    void pulumi.log.info(message);
};

/** Warnings (accounts left alone on delete) go the same way, as warnings. */
export const engineWarner: Reporter = (message) => {
    void pulumi.log.warn(message);
};

/** The resource's name from its URN (the part after the last `::`), to label its messages. */
export function resourceLabel(resourceUrn: string): string {
    const separator = resourceUrn.lastIndexOf("::");
    return separator >= 0 ? resourceUrn.slice(separator + 2) : resourceUrn;
}
