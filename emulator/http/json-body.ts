import { ServiceError } from "../service-error";

/**
 * The request body as a JSON object; an empty body counts as `{}`. Anything else is the caller's mistake and
 * answers 400 SerializationException, never a 500.
 */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
    const text = body.toString("utf8");
    if (text.trim() === "") return {};
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (error) {
        throw new ServiceError(
            "SerializationException",
            400,
            `The request body is not valid JSON: ${(error as Error).message}`,
        );
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        throw new ServiceError(
            "SerializationException",
            400,
            `The request body must be a JSON object, got ${describeJson(parsed)}.`,
        );
    }
    return parsed as Record<string, unknown>;
}

function describeJson(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "an array";
    return `a ${typeof value}`;
}
