import type { IncomingMessage } from "node:http";

/** The body, or `oversized` when it went past `limit` bytes (the rest is read and thrown away). */
export function readBody(
    request: IncomingMessage,
    limit: number,
): Promise<{ body: Buffer; oversized: boolean }> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let oversized = false;
        request.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > limit) oversized = true;
            if (!oversized) chunks.push(chunk);
        });
        request.on("end", () =>
            resolve({ body: oversized ? Buffer.alloc(0) : Buffer.concat(chunks), oversized }),
        );
        request.on("error", reject);
    });
}
