import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { InspectorClient } from "@aws-sdk/client-inspector";
import { Inspector2Client } from "@aws-sdk/client-inspector2";
import { STSClient } from "@aws-sdk/client-sts";
import { startEmulator, type PartialSettings, type RunningEmulator } from "../emulator";
import type { AwsClients } from "../provider/aws/clients";
import { LedgerProxy } from "./ledger-proxy";

/** How long an emulator restart keeps the address dark: the provider meets refused connections meanwhile. */
export const RESTART_DOWNTIME_MS = 300;

/**
 * One cell's surroundings: an emulator of its own (with a state file, so it can be restarted) and the ledger
 * proxy in front of it. The emulator object changes on restart; everything reads it through {@link emulator}.
 */
export class World {
    private current: RunningEmulator;
    private observers: AwsClients | undefined;
    restarts = 0;

    private constructor(
        emulator: RunningEmulator,
        readonly proxy: LedgerProxy,
        private readonly settings: PartialSettings,
        private readonly folder: string,
    ) {
        this.current = emulator;
    }

    static async start(settings: PartialSettings): Promise<World> {
        const folder = await fs.promises.mkdtemp(path.join(os.tmpdir(), "pulumi-inspector-reliability-"));
        const emulator = await startEmulator({ settings, stateFile: path.join(folder, "state.json") });
        const holder: { world?: World } = {};
        const proxy = await LedgerProxy.start(() => holder.world!.current);
        holder.world = new World(emulator, proxy, settings, folder);
        return holder.world;
    }

    get emulator(): RunningEmulator {
        return this.current;
    }

    /** The SDK's environment for the provider: keys and region of the emulator, every endpoint at the proxy. */
    get providerEnv(): Record<string, string> {
        return this.proxy.environment(this.current.env);
    }

    /**
     * Stops the emulator, leaves its port dark for {@link RESTART_DOWNTIME_MS}, and starts it again on the same
     * port from its state file, as a user's `inspector-emulator --state-file` restarted by a crash or a reboot.
     */
    async restart(options: { readonly keepState?: boolean } = {}): Promise<void> {
        const port = Number(new URL(this.current.url).port);
        await this.current.close();
        // Without its state (a control: what the matrix would report if the state file failed).
        if (options.keepState === false)
            await fs.promises.rm(path.join(this.folder, "state.json"), { force: true });
        await new Promise((resolve) => setTimeout(resolve, RESTART_DOWNTIME_MS));
        this.current = await startEmulator({
            port,
            settings: this.settings,
            stateFile: path.join(this.folder, "state.json"),
        });
        this.closeObservers();
        this.restarts++;
    }

    /**
     * SDK clients that go to the emulator directly (not through the proxy) as its administrator: what the
     * checks after a run read Inspector with. Faults are switched off before they are used.
     */
    observerClients(): AwsClients {
        if (!this.observers) {
            const env = this.current.env;
            const config = {
                endpoint: this.current.url,
                credentials: {
                    accessKeyId: env.AWS_ACCESS_KEY_ID,
                    secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
                },
                maxAttempts: 3,
            };
            const made = new Map<string, Inspector2Client | InspectorClient | STSClient>();
            const client = <T extends Inspector2Client | InspectorClient | STSClient>(
                key: string,
                create: () => T,
            ): T => {
                if (!made.has(key)) made.set(key, create());
                return made.get(key) as T;
            };
            this.observers = {
                inspector2: (region) =>
                    client(`inspector2 ${region}`, () => new Inspector2Client({ ...config, region })),
                classic: (region) =>
                    client(`inspector ${region}`, () => new InspectorClient({ ...config, region })),
                sts: (region) => client(`sts ${region}`, () => new STSClient({ ...config, region })),
                credentials: () => "the emulator's administrator (observer)",
            };
            this.closeObservers = () => {
                for (const made_ of made.values()) made_.destroy();
                this.observers = undefined;
                this.closeObservers = () => undefined;
            };
        }
        return this.observers;
    }

    async close(): Promise<void> {
        this.closeObservers();
        await this.proxy.close();
        await this.current.close();
        await fs.promises.rm(this.folder, { recursive: true, force: true });
    }

    private closeObservers: () => void = () => undefined;
}
