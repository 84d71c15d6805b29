import type { Caller, EmulatedService, ServiceContext } from "../service";
import { ServiceError } from "../service-error";
import type { SigningKey } from "../signature/verify-signature";
import { STS_OPERATIONS } from "./operations";
import type { StsRuntime } from "./runtime";
import { SessionStore } from "./sessions";

/**
 * AWS Security Token Service (awsQuery): who the caller is, and temporary credentials for the declared roles.
 * The credentials it issues sign requests to every emulated service (`signingKey`).
 */
export class StsService implements EmulatedService {
    readonly name = "sts" as const;
    readonly operations: readonly string[] = [...STS_OPERATIONS.keys()];
    private readonly runtime: StsRuntime;

    constructor(context: ServiceContext) {
        this.runtime = { context, sessions: new SessionStore() };
    }

    async handle(
        operation: string,
        input: Record<string, unknown>,
        caller: Caller,
    ): Promise<Record<string, unknown>> {
        const handler = STS_OPERATIONS.get(operation);
        if (!handler) {
            throw new ServiceError(
                "InternalFailure",
                500,
                `Operation ${operation} is not emulated; the sts emulator serves ${this.operations.join(", ")}.`,
            );
        }
        return handler(this.runtime, input, caller);
    }

    /** The key behind temporary credentials this service issued, or undefined for any other access key. */
    signingKey(accessKeyId: string): SigningKey | undefined {
        return this.runtime.sessions.signingKey(accessKeyId);
    }

    /** Grows with every issued session, so the state file is rewritten after AssumeRole. */
    get changeCount(): number {
        return this.runtime.sessions.issuedCount;
    }

    reset(): void {
        this.runtime.sessions.reset();
    }

    snapshot(): unknown {
        return this.runtime.sessions.snapshot();
    }

    restore(snapshot: unknown): void {
        this.runtime.sessions.restore(snapshot);
    }

    snapshotBase(): Record<string, unknown> {
        return { ...this.runtime.sessions.snapshotBase() };
    }

    takeEntryChanges(): Record<string, Record<string, unknown>> {
        return { sessions: this.runtime.sessions.takeChanges() };
    }
}
