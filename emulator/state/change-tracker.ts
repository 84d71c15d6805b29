import type { RuntimeSnapshot } from "../emulator-runtime";
import type { EmulatedService, ServiceName } from "../service";
import type { EmulatorSettings } from "../settings/settings";
import type { JournalRecord, ServiceChange } from "./journal-record";

/** What the tracker watches: the runtime's settings and services. */
export interface TrackedState {
    settings(): EmulatorSettings;
    service(name: ServiceName): EmulatedService;
    snapshot(): RuntimeSnapshot;
}

const SERVICES: readonly ServiceName[] = ["inspector2", "inspector", "sts"];

/**
 * Works out what changed since the state was last written, as one journal record: the settings when they are
 * other than written, each service's snapshot (or base) when its JSON differs from the one written, and the
 * collection entries services report themselves. The JSON compared is small by construction: what grows with
 * use (client tokens, credentials) is in the collections, reported entry by entry.
 */
export class ChangeTracker {
    private settings?: EmulatorSettings;
    private settingsJson = "";
    private readonly written = new Map<ServiceName, string>();

    constructor(private readonly state: TrackedState) {}

    /** Everything the state holds now is on disk: changes count from here. */
    baseline(): void {
        this.settings = this.state.settings();
        this.settingsJson = JSON.stringify(this.settings);
        for (const name of SERVICES) {
            const service = this.state.service(name);
            this.written.set(name, JSON.stringify(baseOf(service)));
            service.takeEntryChanges?.();
        }
    }

    /** The changes since the last baseline or take, or undefined when there are none. */
    take(): JournalRecord | undefined {
        const record: { settings?: EmulatorSettings; services?: Record<string, ServiceChange> } = {};
        const settings = this.state.settings();
        if (settings !== this.settings) {
            const json = JSON.stringify(settings);
            if (json !== this.settingsJson) record.settings = settings;
            this.settings = settings;
            this.settingsJson = json;
        }
        for (const name of SERVICES) {
            const service = this.state.service(name);
            const change: {
                snapshot?: unknown;
                base?: Record<string, unknown>;
                entries?: ServiceChange["entries"];
            } = {};
            const base = baseOf(service);
            const json = JSON.stringify(base);
            if (json !== this.written.get(name)) {
                if (service.snapshotBase) change.base = base as Record<string, unknown>;
                else change.snapshot = base;
                this.written.set(name, json);
            }
            const entries = Object.fromEntries(
                Object.entries(service.takeEntryChanges?.() ?? {}).filter(
                    ([, changed]) => Object.keys(changed).length > 0,
                ),
            );
            if (Object.keys(entries).length > 0) change.entries = entries;
            if (Object.keys(change).length > 0) (record.services ??= {})[name] = change;
        }
        return Object.keys(record).length > 0 ? record : undefined;
    }
}

function baseOf(service: EmulatedService): unknown {
    return service.snapshotBase ? service.snapshotBase() : service.snapshot();
}
