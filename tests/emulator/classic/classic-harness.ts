import assert from "node:assert/strict";
import { InspectorClient } from "@aws-sdk/client-inspector";
import {
    DEFAULT_SETTINGS,
    startEmulator,
    type PartialSettings,
    type RunningEmulator,
} from "../../../emulator";

export const ADMIN_ACCOUNT = "111122223333";
export const STANDALONE_ACCOUNT = "999988887777";

export interface ClientChoice {
    readonly accountId?: string;
    readonly region?: string;
}

/**
 * An emulator with a hand-driven clock and real Inspector Classic SDK clients signing as its accounts. The clock
 * starts at the real time and only moves when a test advances it (by far less than the 15 minutes of allowed
 * signature skew), so runs move through their states exactly when a test says so.
 */
export class ClassicHarness {
    private clock = Date.now();
    private readonly clients = new Map<string, InspectorClient>();
    private emulator?: RunningEmulator;

    static async start(settings?: PartialSettings): Promise<ClassicHarness> {
        const harness = new ClassicHarness();
        harness.emulator = await startEmulator({ settings, now: () => harness.clock });
        return harness;
    }

    get running(): RunningEmulator {
        assert.ok(this.emulator, "the emulator is not started");
        return this.emulator;
    }

    /** The seeded one-hour template of the administrator account in us-east-1. */
    get templateArn(): string {
        return this.running.templateArn;
    }

    now(): number {
        return this.clock;
    }

    advance(ms: number): void {
        this.clock += ms;
    }

    /** A client signing as the account (the administrator by default) in the region (us-east-1 by default). */
    client(choice: ClientChoice = {}): InspectorClient {
        const accountId = choice.accountId ?? ADMIN_ACCOUNT;
        const region = choice.region ?? "us-east-1";
        const key = `${accountId}/${region}`;
        let client = this.clients.get(key);
        if (!client) {
            const account = DEFAULT_SETTINGS.accounts.find((candidate) => candidate.accountId === accountId);
            assert.ok(account?.accessKeyId && account.secretAccessKey, `account ${accountId} has no keys`);
            client = new InspectorClient({
                endpoint: this.running.url,
                region,
                credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
                maxAttempts: 1,
            });
            this.clients.set(key, client);
        }
        return client;
    }

    /**
     * Forgets all state (the seeded template comes back with the same ARN) and sets the Classic settings back to
     * the defaults, forcing nothing, with `classic` laid over them.
     */
    reset(classic: PartialSettings["classic"] = {}): void {
        // Nothing exists after a reset that could see time go back, and the clock stays close to the signatures'.
        this.clock = Date.now();
        this.running.admin.reset();
        this.running.admin.updateSettings({
            classic: { ...DEFAULT_SETTINGS.classic, outcome: null, findingCounts: null, ...classic },
        });
    }

    async close(): Promise<void> {
        for (const client of this.clients.values()) client.destroy();
        this.clients.clear();
        await this.emulator?.close();
    }
}

/** What an SDK exception of the Classic API carries. */
export interface ClassicError extends Error {
    readonly $metadata: { readonly httpStatusCode?: number };
    readonly [member: string]: unknown;
}

/** `call` must fail with the SDK exception `name` (HTTP 400) carrying `members`; returns the exception. */
export async function expectClassicError(
    call: Promise<unknown>,
    name: string,
    members: Readonly<Record<string, unknown>>,
): Promise<ClassicError> {
    try {
        await call;
    } catch (caught) {
        const error = caught as ClassicError;
        assert.equal(error.name, name, `expected ${name}, got ${error.name}: ${error.message}`);
        assert.equal(error.$metadata?.httpStatusCode, 400);
        for (const [member, value] of Object.entries(members)) assert.deepEqual(error[member], value, member);
        return error;
    }
    assert.fail(`expected ${name}, but the call succeeded`);
}
