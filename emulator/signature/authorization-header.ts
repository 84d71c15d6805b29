import type { CredentialScope } from "./sigv4";
import { SIGV4_ALGORITHM } from "./sigv4";

/** The parts of an `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` header. */
export interface ParsedAuthorization {
    readonly accessKeyId: string;
    readonly scope: CredentialScope;
    readonly signedHeaders: readonly string[];
    readonly signature: string;
}

/** The header's parts, or a sentence saying what is wrong with it. */
export function parseAuthorization(header: string): ParsedAuthorization | string {
    const trimmed = header.trim();
    if (!trimmed.startsWith(`${SIGV4_ALGORITHM} `)) {
        return `The Authorization header must start with '${SIGV4_ALGORITHM} ', got '${abbreviate(trimmed)}'.`;
    }
    const parameters = new Map<string, string>();
    for (const part of trimmed.slice(SIGV4_ALGORITHM.length).split(",")) {
        const equals = part.indexOf("=");
        if (equals < 0) continue;
        parameters.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
    }
    const credential = parameters.get("Credential");
    const signedHeaders = parameters.get("SignedHeaders");
    const signature = parameters.get("Signature");
    const missing = [
        ["Credential", credential],
        ["SignedHeaders", signedHeaders],
        ["Signature", signature],
    ]
        .filter(([, value]) => !value)
        .map(([name]) => `'${name}'`);
    if (missing.length > 0 || !credential || !signedHeaders || !signature) {
        return `The Authorization header lacks the ${missing.join(", ")} parameter(s): '${abbreviate(trimmed)}'.`;
    }
    const credentialParts = credential.split("/");
    const [accessKeyId, date, region, service, terminator] = credentialParts;
    if (credentialParts.length !== 5 || !accessKeyId || !/^\d{8}$/.test(date) || !region || !service) {
        return `The Credential '${credential}' must have the form <access key>/<YYYYMMDD>/<region>/<service>/aws4_request.`;
    }
    if (terminator !== "aws4_request") {
        return `The Credential '${credential}' must end with 'aws4_request', not '${terminator}'.`;
    }
    if (!/^[0-9a-f]{64}$/.test(signature)) {
        return `The Signature '${abbreviate(signature)}' must be 64 lower-case hexadecimal digits.`;
    }
    return {
        accessKeyId,
        scope: { date, region, service },
        signedHeaders: signedHeaders.split(";").map((name) => name.trim().toLowerCase()),
        signature,
    };
}

function abbreviate(text: string): string {
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
