import { InspectorClient } from "@aws-sdk/client-inspector";
import { Inspector2Client } from "@aws-sdk/client-inspector2";
import { STSClient } from "@aws-sdk/client-sts";
import type { RunningEmulator } from "../../../emulator";
import { DEFAULT_SETTINGS } from "../../../emulator";

export interface Credentials {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    /** Set for temporary credentials (from STS AssumeRole). */
    readonly sessionToken?: string;
}

function credentialsOf(accountId: string): Credentials {
    const account = DEFAULT_SETTINGS.accounts.find((candidate) => candidate.accountId === accountId);
    if (!account?.accessKeyId || !account.secretAccessKey)
        throw new Error(`account ${accountId} has no keys`);
    return { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey };
}

/** The default delegated administrator's key pair. */
export const ADMINISTRATOR = credentialsOf("111122223333");
/** The default standalone account's key pair. */
export const STANDALONE = credentialsOf("999988887777");

export interface ClientOptions {
    readonly credentials?: Credentials;
    readonly region?: string;
    /** Attempts per call; 1 (no retries) unless a test wants the SDK's retry behaviour. */
    readonly maxAttempts?: number;
}

/** A real Inspector (v2) SDK client pointed at the emulator. */
export function inspector2Client(emulator: RunningEmulator, options: ClientOptions = {}): Inspector2Client {
    return new Inspector2Client({
        endpoint: emulator.url,
        region: options.region ?? "us-east-1",
        credentials: options.credentials ?? ADMINISTRATOR,
        maxAttempts: options.maxAttempts ?? 1,
    });
}

/** A real Inspector Classic SDK client pointed at the emulator. */
export function classicClient(emulator: RunningEmulator, options: ClientOptions = {}): InspectorClient {
    return new InspectorClient({
        endpoint: emulator.url,
        region: options.region ?? "us-east-1",
        credentials: options.credentials ?? ADMINISTRATOR,
        maxAttempts: options.maxAttempts ?? 1,
    });
}

/** A real STS SDK client pointed at the emulator. */
export function stsClient(emulator: RunningEmulator, options: ClientOptions = {}): STSClient {
    return new STSClient({
        endpoint: emulator.url,
        region: options.region ?? "us-east-1",
        credentials: options.credentials ?? ADMINISTRATOR,
        maxAttempts: options.maxAttempts ?? 1,
    });
}
