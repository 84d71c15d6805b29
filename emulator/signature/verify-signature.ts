import { timingSafeEqual } from "node:crypto";
import { REGION_PATTERN } from "../region-pattern";
import type { Caller, ServiceName } from "../service";
import { ServiceError } from "../service-error";
import type { AccountSettings } from "../settings/settings";
import { formatAmzDate, parseAmzDate } from "./amz-date";
import { parseAuthorization } from "./authorization-header";
import { canonicalRequest, computeSignature, scopeText, sha256Hex, stringToSign } from "./sigv4";

/** A request as it arrived, with everything its signature may cover. */
export interface ArrivedRequest {
    readonly method: string;
    readonly rawPath: string;
    readonly rawQuery: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: Buffer;
}

export interface SignatureCheck {
    /** The service the request is addressed to; the credential scope must name it. */
    readonly service: ServiceName;
    readonly accounts: readonly AccountSettings[];
    /** The emulator's clock, milliseconds since the epoch. */
    readonly now: number;
    readonly clockSkewMs: number;
}

/** Payload hashes that stand for "not hashed" instead of a digest. */
const UNSIGNED_PAYLOADS = new Set(["UNSIGNED-PAYLOAD", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"]);

/**
 * Verifies the request's SigV4 signature the way AWS does and returns who signed it. Failures throw the 403
 * errors AWS answers with, so SDKs raise the same exceptions against the emulator as against AWS.
 */
export function verifySignature(request: ArrivedRequest, check: SignatureCheck): Caller {
    const authorization = request.headers["authorization"];
    if (authorization === undefined || authorization.trim() === "") {
        throw authError("MissingAuthenticationTokenException", "Missing Authentication Token");
    }
    const parsed = parseAuthorization(authorization);
    if (typeof parsed === "string") throw authError("IncompleteSignatureException", parsed);
    const { accessKeyId, scope, signedHeaders } = parsed;

    const amzDate = request.headers["x-amz-date"];
    if (amzDate === undefined) {
        throw authError("IncompleteSignatureException", "The request must carry an X-Amz-Date header.");
    }
    const signedAt = parseAmzDate(amzDate);
    if (signedAt === undefined) {
        throw authError(
            "IncompleteSignatureException",
            `The X-Amz-Date '${amzDate}' is not a date of the form YYYYMMDD'T'HHMMSS'Z'.`,
        );
    }
    if (!signedHeaders.includes("host")) {
        throw authError("IncompleteSignatureException", "The Host header must be one of the SignedHeaders.");
    }
    const unsent = signedHeaders.filter((name) => request.headers[name] === undefined);
    if (unsent.length > 0) {
        throw authError(
            "IncompleteSignatureException",
            `The SignedHeaders name headers the request does not carry: ${unsent.join(", ")}.`,
        );
    }

    const account = check.accounts.find((candidate) => candidate.accessKeyId === accessKeyId);
    if (!account?.secretAccessKey) {
        throw authError(
            "UnrecognizedClientException",
            "The security token included in the request is invalid.",
        );
    }
    if (scope.service !== check.service) {
        throw authError(
            "InvalidSignatureException",
            `Credential should be scoped to correct service: '${check.service}', not '${scope.service}'.`,
        );
    }
    if (!REGION_PATTERN.test(scope.region)) {
        throw authError(
            "InvalidSignatureException",
            `Credential should be scoped to a valid region, not '${scope.region}'.`,
        );
    }
    if (scope.date !== amzDate.slice(0, 8)) {
        throw authError(
            "InvalidSignatureException",
            `The Credential date ${scope.date} differs from the X-Amz-Date day ${amzDate.slice(0, 8)}.`,
        );
    }
    checkClockSkew(signedAt, check);

    const bodyHash = sha256Hex(request.body);
    const declaredHash = request.headers["x-amz-content-sha256"];
    if (declaredHash !== undefined && !UNSIGNED_PAYLOADS.has(declaredHash) && declaredHash !== bodyHash) {
        throw authError(
            "InvalidSignatureException",
            `The x-amz-content-sha256 header '${declaredHash}' is not the SHA-256 of the body (${bodyHash}).`,
        );
    }
    const canonical = canonicalRequest({
        method: request.method,
        rawPath: request.rawPath,
        rawQuery: request.rawQuery,
        headers: request.headers,
        signedHeaders,
        payloadHash: declaredHash ?? bodyHash,
    });
    const toSign = stringToSign(amzDate, scope, canonical);
    const expected = computeSignature(account.secretAccessKey, scope, toSign);
    if (!timingSafeEqual(Buffer.from(expected), Buffer.from(parsed.signature))) {
        throw authError(
            "InvalidSignatureException",
            "The request signature does not match the one computed with the secret key of " +
                `${accessKeyId}; check the secret and the signing steps.\n` +
                `Canonical request:\n'${canonical}'\nString to sign:\n'${toSign}'\nScope: ${scopeText(scope)}`,
        );
    }
    return { accountId: account.accountId, accessKeyId, region: scope.region };
}

function checkClockSkew(signedAt: number, check: SignatureCheck): void {
    const minutes = `${Math.round((check.clockSkewMs / 60_000) * 100) / 100} min.`;
    const now = formatAmzDate(check.now);
    if (signedAt < check.now - check.clockSkewMs) {
        throw authError(
            "InvalidSignatureException",
            `Signature expired: ${formatAmzDate(signedAt)} is now earlier than ` +
                `${formatAmzDate(check.now - check.clockSkewMs)} (${now} - ${minutes})`,
        );
    }
    if (signedAt > check.now + check.clockSkewMs) {
        throw authError(
            "InvalidSignatureException",
            `Signature not yet current: ${formatAmzDate(signedAt)} is still later than ` +
                `${formatAmzDate(check.now + check.clockSkewMs)} (${now} + ${minutes})`,
        );
    }
}

function authError(code: string, message: string): ServiceError {
    return new ServiceError(code, 403, message);
}
