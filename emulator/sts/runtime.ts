import type { Caller, ServiceContext } from "../service";
import type { SessionStore } from "./sessions";

/** What every STS operation handler works with: the emulator core's context and the issued sessions. */
export interface StsRuntime {
    readonly context: ServiceContext;
    readonly sessions: SessionStore;
}

/** One operation's behaviour; the input has already been validated against the model. */
export type StsHandler = (
    runtime: StsRuntime,
    input: Record<string, unknown>,
    caller: Caller,
) => Record<string, unknown>;
