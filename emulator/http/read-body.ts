import type { IncomingMessage } from "node:http";

/** How reading a body ended: the body, or why it was abandoned (the connection is then to be closed). */
export type BodyOutcome =
    | { readonly kind: "body"; readonly body: Buffer }
    | { readonly kind: "oversized" }
    | { readonly kind: "idle" };

/**
 * Reads the body up to `limit` bytes. A body that grows past the limit (a chunked one: a declared length over it is
 * refused before reading) is abandoned at once, and so is one that stops arriving for `idleMs`; the rest is
 * never read.
 */
export function readBody(request: IncomingMessage, limit: number, idleMs: number): Promise<BodyOutcome> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let timer: NodeJS.Timeout | undefined;
        const finish = (outcome: BodyOutcome) => {
            clearTimeout(timer);
            request.off("data", onData);
            request.off("end", onEnd);
            request.off("error", onError);
            if (outcome.kind !== "body") request.pause();
            resolve(outcome);
        };
        const arm = () => {
            clearTimeout(timer);
            timer = setTimeout(() => finish({ kind: "idle" }), idleMs);
        };
        const onData = (chunk: Buffer) => {
            size += chunk.length;
            if (size > limit) return finish({ kind: "oversized" });
            chunks.push(chunk);
            arm();
        };
        const onEnd = () => finish({ kind: "body", body: Buffer.concat(chunks) });
        const onError = (error: Error) => {
            clearTimeout(timer);
            reject(error);
        };
        request.on("data", onData);
        request.on("end", onEnd);
        request.on("error", onError);
        // A connection cut (by the client, or by the server's request timeout) before the end: nobody waits.
        request.once("close", () => onError(new Error("the connection closed before the body ended")));
        arm();
    });
}
