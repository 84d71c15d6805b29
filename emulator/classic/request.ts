import type { Caller } from "../service";
import type { EmulatorSettings } from "../settings/settings";
import type { Scope } from "./scope";

/** What one Classic operation works with: the caller's own scope, one clock reading and the settings. */
export interface ClassicRequest {
    readonly caller: Caller;
    readonly scope: Scope;
    /** The clock, read once per request so that one answer is consistent. */
    readonly now: number;
    readonly settings: EmulatorSettings;
    /** The next creation number (see ClassicStore.nextSeq). */
    nextSeq(): number;
    /** Records that this request changed state. */
    countMutation(): void;
}

/** One operation's behaviour; the input has already been validated against the model. */
export type ClassicHandler<Input> = (request: ClassicRequest, input: Input) => Record<string, unknown>;
