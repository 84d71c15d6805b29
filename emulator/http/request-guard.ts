import type { IncomingHttpHeaders } from "node:http";
import { ADMIN_TOKEN_HEADER, tokenMatches } from "./admin-token";

/** Why a request is turned away before anything reads its body: the status and a sentence for the caller. */
export interface Refusal {
    readonly status: number;
    readonly message: string;
}

/**
 * `host` or `host:port` with a loopback host (localhost, 127.0.0.1, [::1]: the names a client on this machine
 * uses; a browser tricked by DNS rebinding names the attacker's host), lower-cased; undefined for anything else.
 */
function loopbackHost(value: string): string | undefined {
    const match = /^(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?$/i.exec(value);
    if (!match || (match[2] !== undefined && Number(match[2]) > 65535)) return undefined;
    return match[1].toLowerCase();
}

/**
 * The checks every request passes, service or admin: the emulator only answers clients on this machine that
 * address it by a loopback name (so a DNS-rebinding page, whose requests name the attacker's host, is refused)
 * and no web page of another origin (a browser names the page in `Origin`; SDKs and the CLI send none).
 */
export function loopbackRefusal(headers: IncomingHttpHeaders, port: number): Refusal | undefined {
    const host = headers.host;
    if (host === undefined || loopbackHost(host) === undefined) {
        return {
            status: 403,
            message: `The emulator answers only requests whose Host is a loopback name or address (localhost, 127.0.0.1, [::1]), not ${JSON.stringify(host ?? "")}.`,
        };
    }
    const origin = headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, port)) {
        return {
            status: 403,
            message: `The emulator refuses requests from web pages of other origins (Origin ${JSON.stringify(origin)}); only its own origin, http://127.0.0.1:${port}, may send one.`,
        };
    }
    return undefined;
}

/** The emulator's own origin under any of its loopback names: http, a loopback host, its port. */
function isOwnOrigin(origin: string, port: number): boolean {
    const match = /^http:\/\/([^/]+)$/i.exec(origin);
    if (!match) return false;
    const portOf = /:(\d+)$/.exec(match[1]);
    return loopbackHost(match[1]) !== undefined && Number(portOf?.[1] ?? 80) === port;
}

/** Query parameters of a presigned AWS request. */
const SIGNATURE_QUERY = /(?:^|&)x-amz-(?:algorithm|credential|signature|security-token|date)=/i;

/**
 * The checks of an admin request, in order, before it is routed or its body read: it carries no AWS signature
 * (whoever holds an account's example key may not drive the emulator), it carries the token, and a POST says its
 * body is JSON (a browser can send a "simple" text/plain or form POST without asking; it cannot send JSON, nor
 * the token header, without a preflight the emulator never grants).
 */
export function adminRefusal(
    method: string,
    headers: IncomingHttpHeaders,
    rawQuery: string,
    token: string,
): Refusal | undefined {
    const signed =
        headers.authorization !== undefined ||
        Object.keys(headers).some((name) => name.startsWith("x-amz-")) ||
        SIGNATURE_QUERY.test(rawQuery);
    if (signed) {
        return {
            status: 403,
            message: `The admin API does not take AWS-signed requests (an Authorization header, X-Amz-* headers or a presigned query); send the emulator's admin token in ${ADMIN_TOKEN_HEADER} instead.`,
        };
    }
    const presented = headers[ADMIN_TOKEN_HEADER.toLowerCase()];
    if (!tokenMatches(typeof presented === "string" ? presented : undefined, token)) {
        return {
            status: 401,
            message: `The admin API needs the emulator's admin token in the ${ADMIN_TOKEN_HEADER} header (the CLI prints it as INSPECTOR_EMULATOR_TOKEN; in code, emulator.adminToken).`,
        };
    }
    const contentType = headers["content-type"];
    const hasBody = headers["transfer-encoding"] !== undefined || Number(headers["content-length"] ?? 0) > 0;
    if ((method === "POST" || hasBody || contentType !== undefined) && !isJson(contentType)) {
        return {
            status: 415,
            message: `The admin API takes JSON only: send Content-Type: application/json, not ${JSON.stringify(contentType ?? "")}.`,
        };
    }
    return undefined;
}

function isJson(contentType: string | undefined): boolean {
    return contentType !== undefined && /^application\/json\s*(?:;|$)/i.test(contentType.trim());
}
