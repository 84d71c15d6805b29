import type { EmulatorSettings } from "./settings/settings";

/** The wire name of each emulated service, which is also its SigV4 signing name. */
/** An emulated service, by its endpoint prefix. */
export type ServiceName = "inspector2" | "inspector" | "sts";

/** Who signed a request, as established by the signature check. */
export interface Caller {
    readonly accountId: string;
    readonly accessKeyId: string;
    /** The region from the signature's credential scope. */
    readonly region: string;
}

/** What the emulator core gives each service: time, the current settings and the mutation counter. */
export interface ServiceContext {
    /** Milliseconds since the epoch; tests may replace the clock. */
    now(): number;
    /** The live settings: admin API changes are visible on the next call. */
    settings(): EmulatorSettings;
    /** Counts one executed (not replayed) mutation, for idempotency checks through the admin API. */
    countMutation(operation: string, accountId: string): void;
}

/**
 * One emulated AWS service. The core has already verified the signature, applied faults and validated the input
 * against the model before `handle` is called; the handler implements the behaviour and throws `ServiceError`
 * for modelled errors.
 */
export interface EmulatedService {
    readonly name: ServiceName;
    /** The operations this service serves (model operation names). */
    readonly operations: readonly string[];
    handle(
        operation: string,
        input: Record<string, unknown>,
        caller: Caller,
    ): Promise<Record<string, unknown>>;
    /** Forgets all state, as after a restart without a state file. */
    reset(): void;
    /** A JSON-serialisable copy of the state, for the state file. */
    snapshot(): unknown;
    /** Restores a snapshot taken by `snapshot`. */
    restore(snapshot: unknown): void;
    /**
     * For the state file's journal, when the snapshot is a JSON object holding collections that grow with use
     * (one entry per client token, per set of credentials): the snapshot without them. A service without it is
     * journaled whole whenever its snapshot changes.
     */
    snapshotBase?(): Record<string, unknown>;
    /**
     * With `snapshotBase`: for each collection it leaves out (a member of the snapshot, a JSON object by key), the
     * entries made or changed since the last call (their value) and those removed (null).
     */
    takeEntryChanges?(): Record<string, Record<string, unknown>>;
}
