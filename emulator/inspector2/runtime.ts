import type { Caller, ServiceContext } from "../service";
import type { Inspector2State } from "./state";

/** What every operation handler works with: the emulator core's context and the service's state. */
export interface Inspector2Runtime {
    readonly context: ServiceContext;
    readonly state: Inspector2State;
}

/** One operation's behaviour; the input has already been validated against the model. */
export type Inspector2Handler = (
    runtime: Inspector2Runtime,
    input: Record<string, unknown>,
    caller: Caller,
) => Record<string, unknown>;
