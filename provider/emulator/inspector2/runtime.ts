import type { ServiceContext } from "../service";
import type { Inspector2State } from "./state";

/** What every operation handler works with: the emulator core's context and the service's state. */
export interface Inspector2Runtime {
    readonly context: ServiceContext;
    readonly state: Inspector2State;
}
