import type { ServerLimits } from "./http/server-limits";
import type { ServiceName } from "./service";
import type { EmulatorSettings, PartialSettings } from "./settings/settings";

/** How {@link startEmulator} starts an emulator; every member is optional. */
export interface EmulatorOptions {
    /**
     * Port to listen on (127.0.0.1). 0 or omitted: a free port.
     *
     * @default 0
     */
    readonly port?: number;
    /**
     * Settings that differ from the defaults (deep-merged over them: objects member by member, lists replaced).
     *
     * @default {@link DEFAULT_SETTINGS}
     */
    readonly settings?: PartialSettings;
    /**
     * Optional JSON state file: state survives a restart. Each change is appended to a journal beside it
     * (`<stateFile>.journal`) before the answer leaves; the journal is folded into the file now and then, and at
     * close (temp file + fsync + rename).
     *
     * @default no state file: state lives in memory and goes with the emulator
     */
    readonly stateFile?: string;
    /**
     * Replaces the clock (ms since epoch), so tests move through delays and scans without sleeping.
     *
     * @default Date.now
     */
    readonly now?: () => number;
    /**
     * The admin API's token (16 to 256 characters of A-Z a-z 0-9 . _ ~ -).
     *
     * @default 32 random bytes, base64url, new at every start
     */
    readonly adminToken?: string;
    /**
     * Body size and timeouts of the HTTP server; each left out takes its value from {@link DEFAULT_LIMITS}.
     *
     * @default {@link DEFAULT_LIMITS}
     */
    readonly limits?: Partial<ServerLimits>;
}

/** An emulator {@link startEmulator} started: where it listens, what to set for clients, and how to drive it. */
export interface RunningEmulator {
    /** `http://127.0.0.1:<port>` */
    readonly url: string;
    /**
     * Environment for SDK clients/CLIs: AWS_ENDPOINT_URL_INSPECTOR2, AWS_ENDPOINT_URL_INSPECTOR,
     * AWS_ENDPOINT_URL_STS, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (the delegated administrator's), AWS_REGION,
     * and INSPECTOR_EMULATOR_TOKEN (the admin token).
     */
    readonly env: Readonly<Record<string, string>>;
    /** The token the admin API over HTTP requires in the `X-Emulator-Token` header. */
    readonly adminToken: string;
    /** The seeded Inspector Classic assessment template (in the default region, administrator account). */
    readonly templateArn: string;
    /** The admin API in process: needs no token. */
    readonly admin: EmulatorAdmin;
    /** Stops listening, closes open connections and folds the state file's journal into it; resolves once done. */
    close(): Promise<void>;
}

/** The admin API's functions, in process (over HTTP: `/_emulator/…` with the admin token). */
export interface EmulatorAdmin {
    /** Forgets all service state (temporary credentials from STS included) and the call log. */
    reset(): void;
    /** Deep-merges over the current settings; arrays replace. Throws on invalid settings. */
    updateSettings(settings: PartialSettings): void;
    /** The settings, secret keys included (over HTTP they are left out unless asked for). */
    settings(): EmulatorSettings;
    /** The call log, oldest first. */
    calls(): readonly CallRecord[];
    /** Executed (not replayed) mutations, oldest first. */
    mutations(): readonly MutationRecord[];
}

/** One request to an emulated service, whatever its outcome. */
export interface CallRecord {
    /** The service the request addressed. */
    readonly service: ServiceName;
    /** The model operation, or what the request addressed when it named none. */
    readonly operation: string;
    /** The signer's account, once the signature is verified. */
    readonly accountId?: string;
    /** The signature's region, once it is verified. */
    readonly region?: string;
    /** The HTTP status answered; 0 when an injected fault dropped the connection. */
    readonly status: number;
    /** The error's code when the answer was an error. */
    readonly errorCode?: string;
    /** ISO 8601, from the emulator's clock. */
    readonly time: string;
}

/** One executed mutation (an Enable, a StartAssessmentRun…): an idempotent replay of an earlier call is not one. */
export interface MutationRecord {
    /** The service that executed it. */
    readonly service: ServiceName;
    /** The model operation. */
    readonly operation: string;
    /** The account it was executed for (the signer's). */
    readonly accountId: string;
    /** ISO 8601, from the emulator's clock. */
    readonly time: string;
}
