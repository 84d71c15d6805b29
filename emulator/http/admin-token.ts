import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** The header every admin request carries the token in. */
export const ADMIN_TOKEN_HEADER = "X-Emulator-Token";
/** The environment variable the CLI prints the token as, and reads a chosen token from. */
export const ADMIN_TOKEN_VARIABLE = "INSPECTOR_EMULATOR_TOKEN";

/** Long enough not to be guessed, in letters a header, a URL and a shell take as they are. */
const TOKEN_PATTERN = /^[A-Za-z0-9._~-]{16,256}$/;

/** A fresh token: 32 random bytes, base64url (43 characters). */
export function generateAdminToken(): string {
    return randomBytes(32).toString("base64url");
}

/** Why `token` cannot be an admin token, or undefined when it can. */
export function adminTokenProblem(token: string): string | undefined {
    return TOKEN_PATTERN.test(token)
        ? undefined
        : "the admin token must be 16 to 256 characters from A-Z, a-z, 0-9, '.', '_', '~' and '-'";
}

/** Whether the presented header value is the token, compared in constant time. */
export function tokenMatches(presented: string | undefined, token: string): boolean {
    if (presented === undefined) return false;
    // Digests have one length whatever was presented, which timingSafeEqual needs.
    return timingSafeEqual(digest(presented), digest(token));
}

function digest(text: string): Buffer {
    return createHash("sha256").update(text, "utf8").digest();
}
