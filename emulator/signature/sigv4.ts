import { createHash, createHmac } from "node:crypto";

/** The only algorithm AWS's JSON services accept. */
export const SIGV4_ALGORITHM = "AWS4-HMAC-SHA256";

/** What a SigV4 signature covers, taken from the request as it arrived. */
export interface SignedParts {
    readonly method: string;
    /** The path as sent, still percent-encoded, without the query. */
    readonly rawPath: string;
    /** The query as sent (after `?`), still percent-encoded; empty when there is none. */
    readonly rawQuery: string;
    /** Lower-case header names to their values (repeated headers joined with a comma). */
    readonly headers: Readonly<Record<string, string>>;
    readonly signedHeaders: readonly string[];
    /** Hex SHA-256 of the payload, or the literal the signer used in its place. */
    readonly payloadHash: string;
}

export interface CredentialScope {
    /** YYYYMMDD */
    readonly date: string;
    readonly region: string;
    readonly service: string;
}

export function sha256Hex(data: string | Buffer): string {
    return createHash("sha256").update(data).digest("hex");
}

/** The canonical request: the text both sides hash, so that any difference in what was sent shows. */
export function canonicalRequest(parts: SignedParts): string {
    const headerLines = [...parts.signedHeaders]
        .sort()
        .map((name) => `${name}:${canonicalHeaderValue(parts.headers[name] ?? "")}\n`)
        .join("");
    return [
        parts.method.toUpperCase(),
        canonicalPath(parts.rawPath),
        canonicalQuery(parts.rawQuery),
        headerLines,
        [...parts.signedHeaders].sort().join(";"),
        parts.payloadHash,
    ].join("\n");
}

export function stringToSign(amzDate: string, scope: CredentialScope, canonical: string): string {
    return [SIGV4_ALGORITHM, amzDate, scopeText(scope), sha256Hex(canonical)].join("\n");
}

export function scopeText(scope: CredentialScope): string {
    return `${scope.date}/${scope.region}/${scope.service}/aws4_request`;
}

/** The hex signature: the string to sign under the key derived from the secret through the scope. */
export function computeSignature(secretAccessKey: string, scope: CredentialScope, toSign: string): string {
    const dateKey = hmac(`AWS4${secretAccessKey}`, scope.date);
    const regionKey = hmac(dateKey, scope.region);
    const serviceKey = hmac(regionKey, scope.service);
    const signingKey = hmac(serviceKey, "aws4_request");
    return createHmac("sha256", signingKey).update(toSign, "utf8").digest("hex");
}

function hmac(key: string | Buffer, data: string): Buffer {
    return createHmac("sha256", key).update(data, "utf8").digest();
}

function canonicalHeaderValue(value: string): string {
    return value.trim().replace(/\s+/g, " ");
}

/**
 * Every service but S3 signs the path normalised (no empty, `.` or `..` segments) and percent-encoded once more
 * on top of the encoding it travelled with.
 */
function canonicalPath(rawPath: string): string {
    const segments: string[] = [];
    for (const segment of rawPath.split("/")) {
        if (segment === "" || segment === ".") continue;
        if (segment === "..") segments.pop();
        else segments.push(segment);
    }
    const trailingSlash = segments.length > 0 && rawPath.endsWith("/") ? "/" : "";
    const normalised = `/${segments.join("/")}${trailingSlash}`;
    return strictUriEncode(normalised).replace(/%2F/g, "/");
}

/** Query parameters decoded, re-encoded strictly and sorted by name, then value. */
function canonicalQuery(rawQuery: string): string {
    if (rawQuery === "") return "";
    const pairs = rawQuery
        .split("&")
        .filter((pair) => pair !== "")
        .map((pair) => {
            const equals = pair.indexOf("=");
            const name = equals < 0 ? pair : pair.slice(0, equals);
            const value = equals < 0 ? "" : pair.slice(equals + 1);
            return [strictUriEncode(safeDecode(name)), strictUriEncode(safeDecode(value))] as const;
        })
        .filter(([name]) => name.toLowerCase() !== "x-amz-signature");
    pairs.sort(([nameA, valueA], [nameB, valueB]) => compare(nameA, nameB) || compare(valueA, valueB));
    return pairs.map(([name, value]) => `${name}=${value}`).join("&");
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function safeDecode(text: string): string {
    try {
        return decodeURIComponent(text);
    } catch {
        return text;
    }
}

/** RFC 3986 encoding: everything but unreserved characters, including the `!'()*` that encodeURIComponent keeps. */
function strictUriEncode(text: string): string {
    return encodeURIComponent(text).replace(
        /[!'()*]/g,
        (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
    );
}
