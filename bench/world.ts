import type { Inspector2Client } from "@aws-sdk/client-inspector2";
import { DEFAULT_SETTINGS, startEmulator, type PartialSettings, type RunningEmulator } from "../emulator";
import { resetClients } from "../provider/aws/clients";
import { WAIT_POLICY_VARIABLE, type LifecycleContext } from "../provider/core/context";
import { hostContext } from "../provider/dynamic/adapter";
import { ENV_KEYS } from "../tests/support/sdk-emulator";
import type { BenchClock } from "./clock";

export const REGION = "us-east-1";
export const ADMINISTRATOR = DEFAULT_SETTINGS.accounts.find(
    (account) => account.role === "administrator",
)!.accountId;

/** `count` member account IDs, 12 digits, sorted, none of them the emulator's default accounts. */
export function memberIds(count: number): string[] {
    return Array.from({ length: count }, (_, index) => String(200_000_000_000 + index));
}

/** The emulator's accounts: its defaults plus `members` more members of the delegated administrator. */
export function accountSettings(members: readonly string[]): PartialSettings["accounts"] {
    return [
        ...DEFAULT_SETTINGS.accounts,
        ...members.map((accountId) => ({ accountId, role: "member" as const })),
    ];
}

/** One SDK command as the provider sent it (before the SDK's own retries). */
export interface SentCommand {
    readonly operation: string;
    /** Accounts the command named (`accountIds`), 0 when it named none. */
    readonly accounts: number;
    readonly clientToken?: string;
    /** For BatchGetAccountStatus: accounts answered with any of {@link BenchWorld.settledTypes} not ENABLED. */
    readonly unsettled?: number;
}

/**
 * An emulator in this process, with the SDK's environment pointed at it (as the provider host would have it),
 * and a record of the commands the provider's shared Inspector clients send.
 */
export class BenchWorld {
    readonly sent: SentCommand[] = [];
    /** How many commands had been sent at each pause of the provider (see {@link context}). */
    readonly pausesAfter: number[] = [];
    /** The status keys (`ec2`, `ecr`…) a status read must find ENABLED for an account to count as settled. */
    settledTypes: readonly string[] = ["ec2", "ecr"];
    private readonly saved = new Map<string, string | undefined>();
    private readonly instrumented = new WeakSet<Inspector2Client>();

    private constructor(readonly emulator: RunningEmulator) {
        for (const key of ENV_KEYS) {
            this.saved.set(key, process.env[key]);
            process.env[key] = emulator.env[key];
        }
        // The provider's own schedule is what is measured: no test override of the wait policy.
        this.saved.set(WAIT_POLICY_VARIABLE, process.env[WAIT_POLICY_VARIABLE]);
        delete process.env[WAIT_POLICY_VARIABLE];
        // The provider's clients are shared per process: new ones for this emulator, with a fresh rate limiter.
        resetClients();
    }

    static async start(
        settings: PartialSettings,
        options: { now?: () => number; stateFile?: string } = {},
    ): Promise<BenchWorld> {
        const emulator = await startEmulator({
            settings,
            ...(options.now ? { now: options.now } : {}),
            ...(options.stateFile ? { stateFile: options.stateFile } : {}),
        });
        return new BenchWorld(emulator);
    }

    /**
     * The context the provider host makes (its clients, policy and stack settings), on the given clock; every
     * Inspector (v2) command its clients send is recorded in {@link sent}.
     */
    context(clock: BenchClock, log: (message: string) => void = () => undefined): LifecycleContext {
        const host = hostContext(process.env);
        const inspector2 = (region: string): Inspector2Client => {
            const client = host.clients.inspector2(region);
            if (!this.instrumented.has(client)) {
                this.instrumented.add(client);
                client.middlewareStack.add(
                    (next, context) => async (args) => {
                        const input = args.input as { accountIds?: unknown[]; clientToken?: string };
                        const operation = String(context.commandName ?? "").replace(/Command$/, "");
                        const command: { -readonly [K in keyof SentCommand]: SentCommand[K] } = {
                            operation,
                            accounts: Array.isArray(input.accountIds) ? input.accountIds.length : 0,
                            ...(input.clientToken ? { clientToken: input.clientToken } : {}),
                        };
                        this.sent.push(command);
                        const result = await next(args);
                        if (operation === "BatchGetAccountStatus")
                            command.unsettled = this.unsettledIn(result.output);
                        return result;
                    },
                    { step: "initialize", name: "benchCommandRecorder" },
                );
            }
            return client;
        };
        return {
            ...host,
            now: clock.now,
            sleep: (ms) => {
                this.pausesAfter.push(this.sent.length);
                return clock.sleep(ms);
            },
            log,
            warn: log,
            clients: { ...host.clients, inspector2 },
        };
    }

    /** New provider clients (as a new provider process would have), still instrumented. */
    resetClients(): void {
        resetClients();
    }

    /** Forgets the commands and pauses recorded so far. */
    clearRecord(): void {
        this.sent.length = 0;
        this.pausesAfter.length = 0;
    }

    private unsettledIn(output: unknown): number {
        const answer = output as {
            accounts?: { resourceState?: Record<string, { status?: string } | undefined> }[];
            failedAccounts?: unknown[];
        };
        const unsettled = (answer.accounts ?? []).filter((account) =>
            this.settledTypes.some((type) => account.resourceState?.[type]?.status !== "ENABLED"),
        );
        return unsettled.length + (answer.failedAccounts?.length ?? 0);
    }

    /** Calls the emulator answered, by operation (SDK retries included: every request it received). */
    callCounts(): Map<string, number> {
        const counts = new Map<string, number>();
        for (const call of this.emulator.admin.calls())
            counts.set(call.operation, (counts.get(call.operation) ?? 0) + 1);
        return counts;
    }

    async close(): Promise<void> {
        resetClients();
        await this.emulator.close();
        for (const [key, value] of this.saved) {
            if (value === undefined) delete process.env[key];
            else process.env[key] = value;
        }
    }
}
