import { Inspector2Client } from "@aws-sdk/client-inspector2";
import { startEmulator, type RunningEmulator } from "../../../emulator";
import type { AccountSettings, PartialSettings } from "../../../emulator/settings/settings";

export const ADMINISTRATOR = "111122223333";
export const MEMBER = "444455556666";
export const OTHER_MEMBER = "777788889999";
export const THIRD_MEMBER = "123456789012";
export const STANDALONE = "999988887777";
export const UNKNOWN = "000011112222";

/** Made-up keys in the shape of AWS's documented examples, so a member can sign in tests. */
const MEMBER_KEYS = {
    accessKeyId: "AKIAIOSFODNN7MEMBER1",
    secretAccessKey: "memberSecretKeyForEmulatorTestsEXAMPLEKEY",
};
const STANDALONE_KEYS = {
    accessKeyId: "AKIAI44QH8DHBEXAMPLE",
    secretAccessKey: "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
};
const ADMINISTRATOR_KEYS = {
    accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};

/** The default organisation, with keys for one member so tests can sign as it. */
export function testAccounts(...extra: AccountSettings[]): AccountSettings[] {
    return [
        { accountId: ADMINISTRATOR, role: "administrator", ...ADMINISTRATOR_KEYS },
        { accountId: MEMBER, role: "member", ...MEMBER_KEYS },
        { accountId: OTHER_MEMBER, role: "member" },
        { accountId: THIRD_MEMBER, role: "member" },
        { accountId: STANDALONE, role: "standalone", ...STANDALONE_KEYS },
        ...extra,
    ];
}

/** `count` member accounts with consecutive IDs from 500000000000, for calls with many accounts. */
export function manyMembers(count: number, first = 0): AccountSettings[] {
    return Array.from({ length: count }, (_, index) => ({
        accountId: String(500_000_000_000 + first + index),
        role: "member" as const,
    }));
}

/** A clock the test moves by hand, so status sequences are checked without sleeping. */
export class ManualClock {
    private current = Date.now();
    readonly now = (): number => this.current;
    advance(ms: number): void {
        this.current += ms;
    }
}

export interface Harness {
    readonly emulator: RunningEmulator;
    readonly clock: ManualClock;
    /** A client signing as `accountId` (one with keys in `testAccounts`), in `region`. */
    client(accountId?: string, region?: string): Inspector2Client;
    close(): Promise<void>;
}

const KEYS: Record<string, { accessKeyId: string; secretAccessKey: string }> = {
    [ADMINISTRATOR]: ADMINISTRATOR_KEYS,
    [MEMBER]: MEMBER_KEYS,
    [STANDALONE]: STANDALONE_KEYS,
};

/** Starts an emulator on a free port with the test accounts, 50 ms transitions and a manual clock. */
export async function startHarness(settings: PartialSettings = {}, stateFile?: string): Promise<Harness> {
    const clock = new ManualClock();
    const emulator = await startEmulator({
        port: 0,
        now: clock.now,
        stateFile,
        settings: { accounts: testAccounts(), delays: { enablingMs: 50, disablingMs: 50 }, ...settings },
    });
    const clients: Inspector2Client[] = [];
    return {
        emulator,
        clock,
        client(accountId = ADMINISTRATOR, region = "us-east-1") {
            const client = new Inspector2Client({
                endpoint: emulator.url,
                region,
                // A copy: the SDK marks the credentials object it is given, which must not leak into the settings.
                credentials: { ...KEYS[accountId] },
                maxAttempts: 1,
            });
            clients.push(client);
            return client;
        },
        async close() {
            for (const client of clients) client.destroy();
            await emulator.close();
        },
    };
}

/** The executed (not replayed) inspector2 mutations of one operation. */
export function mutationsOf(harness: Harness, operation: string): number {
    return harness.emulator.admin
        .mutations()
        .filter((mutation) => mutation.service === "inspector2" && mutation.operation === operation).length;
}

type StatusValue = "ENABLING" | "ENABLED" | "DISABLING" | "DISABLED" | "SUSPENDING" | "SUSPENDED";
type StatusKey = "ec2" | "ecr" | "lambda" | "lambdaCode" | "codeRepository";

/** A ResourceStatus with every type DISABLED except the ones given. */
export function resourceStatus(
    changed: Partial<Record<StatusKey, StatusValue>> = {},
): Record<StatusKey, StatusValue> {
    return {
        ec2: "DISABLED",
        ecr: "DISABLED",
        lambda: "DISABLED",
        lambdaCode: "DISABLED",
        codeRepository: "DISABLED",
        ...changed,
    };
}

/** A ResourceStatus with every type in one status. */
export function uniformResourceStatus(status: StatusValue): Record<StatusKey, StatusValue> {
    return { ec2: status, ecr: status, lambda: status, lambdaCode: status, codeRepository: status };
}
