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

/** The secret behind an access key ID: an account's long-term key pair or temporary credentials. */
export interface SigningKey {
    readonly accountId: string;
    readonly secretAccessKey: string;
    /** For temporary credentials: the session token requests must carry and when (ms) the credentials expire. */
    readonly session?: { readonly token: string; readonly expiresAt: number };
}

/** Why a request's authentication fails; each protocol has its own error code for each. */
export type AuthFailure = "missing" | "incomplete" | "unrecognized" | "signature" | "expired";

export type AuthErrorCodes = Readonly<Record<AuthFailure, string>>;

/** The codes of the JSON services (Inspector v2 and Classic). */
export const JSON_AUTH_ERROR_CODES: AuthErrorCodes = {
    missing: "MissingAuthenticationTokenException",
    incomplete: "IncompleteSignatureException",
    unrecognized: "UnrecognizedClientException",
    signature: "InvalidSignatureException",
    expired: "ExpiredTokenException",
};

export interface SignatureCheck {
    /** The service the request is addressed to; the credential scope must name it. */
    readonly service: ServiceName;
    /** The key behind an access key ID, or undefined when the emulator knows none. */
    readonly keyFor: (accessKeyId: string) => SigningKey | undefined;
    /** The emulator's clock, milliseconds since the epoch. */
    readonly now: number;
    readonly clockSkewMs: number;
    /** The addressed protocol's error codes; the JSON services' by default. */
    readonly errorCodes?: AuthErrorCodes;
}

/** Payload hashes that stand for "not hashed" instead of a digest. */
const UNSIGNED_PAYLOADS = new Set(["UNSIGNED-PAYLOAD", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"]);

/**
 * Verifies the request's SigV4 signature the way AWS does and returns who signed it. Failures throw the 403
 * errors AWS answers with, so SDKs raise the same exceptions against the emulator as against AWS. Temporary
 * credentials must come with their session token (`X-Amz-Security-Token`) and be unexpired; long-term keys must
 * come without one.
 */
export function verifySignature(request: ArrivedRequest, check: SignatureCheck): Caller {
    const codes = check.errorCodes ?? JSON_AUTH_ERROR_CODES;
    const authError = (failure: AuthFailure, message: string) =>
        new ServiceError(codes[failure], 403, message);
    const authorization = request.headers["authorization"];
    if (authorization === undefined || authorization.trim() === "") {
        throw authError("missing", "Missing Authentication Token");
    }
    const parsed = parseAuthorization(authorization);
    if (typeof parsed === "string") throw authError("incomplete", parsed);
    const { accessKeyId, scope, signedHeaders } = parsed;

    const amzDate = request.headers["x-amz-date"];
    if (amzDate === undefined) {
        throw authError("incomplete", "The request must carry an X-Amz-Date header.");
    }
    const signedAt = parseAmzDate(amzDate);
    if (signedAt === undefined) {
        throw authError(
            "incomplete",
            `The X-Amz-Date '${amzDate}' is not a date of the form YYYYMMDD'T'HHMMSS'Z'.`,
        );
    }
    if (!signedHeaders.includes("host")) {
        throw authError("incomplete", "The Host header must be one of the SignedHeaders.");
    }
    const unsent = signedHeaders.filter((name) => request.headers[name] === undefined);
    if (unsent.length > 0) {
        throw authError(
            "incomplete",
            `The SignedHeaders name headers the request does not carry: ${unsent.join(", ")}.`,
        );
    }

    const key = check.keyFor(accessKeyId);
    const token = request.headers["x-amz-security-token"];
    if (!key || (key.session ? token !== key.session.token : token !== undefined)) {
        throw authError("unrecognized", "The security token included in the request is invalid.");
    }
    if (key.session && check.now >= key.session.expiresAt) {
        throw authError("expired", "The security token included in the request is expired");
    }
    if (scope.service !== check.service) {
        throw authError(
            "signature",
            `Credential should be scoped to correct service: '${check.service}', not '${scope.service}'.`,
        );
    }
    if (!REGION_PATTERN.test(scope.region)) {
        throw authError("signature", `Credential should be scoped to a valid region, not '${scope.region}'.`);
    }
    if (scope.date !== amzDate.slice(0, 8)) {
        throw authError(
            "signature",
            `The Credential date ${scope.date} differs from the X-Amz-Date day ${amzDate.slice(0, 8)}.`,
        );
    }
    const skew = clockSkewProblem(signedAt, check);
    if (skew) throw authError("signature", skew);

    const bodyHash = sha256Hex(request.body);
    const declaredHash = request.headers["x-amz-content-sha256"];
    if (declaredHash !== undefined && !UNSIGNED_PAYLOADS.has(declaredHash) && declaredHash !== bodyHash) {
        throw authError(
            "signature",
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
    const expected = computeSignature(key.secretAccessKey, scope, toSign);
    if (!timingSafeEqual(Buffer.from(expected), Buffer.from(parsed.signature))) {
        throw authError(
            "signature",
            "The request signature does not match the one computed with the secret key of " +
                `${accessKeyId}; check the secret and the signing steps.\n` +
                `Canonical request:\n'${canonical}'\nString to sign:\n'${toSign}'\nScope: ${scopeText(scope)}`,
        );
    }
    return { accountId: key.accountId, accessKeyId, region: scope.region };
}

/** The key pair of the account whose long-term access key this is. */
export function accountKey(
    accounts: readonly AccountSettings[],
    accessKeyId: string,
): SigningKey | undefined {
    const account = accounts.find((candidate) => candidate.accessKeyId === accessKeyId);
    if (!account?.secretAccessKey) return undefined;
    return { accountId: account.accountId, secretAccessKey: account.secretAccessKey };
}

/** Why the signature's date is too far from the clock, or undefined when it is close enough. */
function clockSkewProblem(signedAt: number, check: SignatureCheck): string | undefined {
    const minutes = `${Math.round((check.clockSkewMs / 60_000) * 100) / 100} min.`;
    const now = formatAmzDate(check.now);
    if (signedAt < check.now - check.clockSkewMs) {
        return (
            `Signature expired: ${formatAmzDate(signedAt)} is now earlier than ` +
            `${formatAmzDate(check.now - check.clockSkewMs)} (${now} - ${minutes})`
        );
    }
    if (signedAt > check.now + check.clockSkewMs) {
        return (
            `Signature not yet current: ${formatAmzDate(signedAt)} is still later than ` +
            `${formatAmzDate(check.now + check.clockSkewMs)} (${now} + ${minutes})`
        );
    }
    return undefined;
}
