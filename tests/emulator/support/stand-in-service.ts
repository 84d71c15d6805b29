import type { Caller, EmulatedService, ServiceName } from "../../../emulator/service";
import type { ServiceFactory } from "../../../emulator/service-set";

/** A call a stand-in service received. */
export interface ReceivedCall {
    readonly operation: string;
    readonly input: Record<string, unknown>;
    readonly caller: Caller;
}

/**
 * A service that records what reaches it and answers with fixed outputs: it lets the core's tests see exactly
 * what the HTTP layer decoded, and serve operations the real services leave out.
 */
export class StandInService implements EmulatedService {
    readonly received: ReceivedCall[] = [];
    state: string[] = [];

    constructor(
        readonly name: ServiceName,
        readonly operations: readonly string[],
        private readonly outputs: Readonly<
            Record<string, (input: Record<string, unknown>) => Record<string, unknown>>
        > = {},
    ) {}

    async handle(
        operation: string,
        input: Record<string, unknown>,
        caller: Caller,
    ): Promise<Record<string, unknown>> {
        this.received.push({ operation, input, caller });
        this.state.push(operation);
        return this.outputs[operation]?.(input) ?? {};
    }

    reset(): void {
        this.state = [];
        this.received.length = 0;
    }

    snapshot(): unknown {
        return { state: this.state };
    }

    restore(snapshot: unknown): void {
        this.state = [...(snapshot as { state: string[] }).state];
    }
}

/** A factory for `startEmulatorWith` that serves the two stand-ins and seeds a fixed template ARN. */
export function standInFactory(inspector2: StandInService, inspector: StandInService): ServiceFactory {
    return () => ({
        inspector2,
        inspector,
        seedDefaults: (accountId, region) =>
            `arn:aws:inspector:${region}:${accountId}:target/0-stand/template/0-in`,
    });
}
