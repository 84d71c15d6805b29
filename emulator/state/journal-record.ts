import type { RuntimeSnapshot } from "../emulator-runtime";
import type { EmulatorSettings } from "../settings/settings";

/** What one journal line changes: the settings, and per service its snapshot, its base or collection entries. */
export interface JournalRecord {
    readonly settings?: EmulatorSettings;
    readonly services?: Readonly<Record<string, ServiceChange>>;
}

export interface ServiceChange {
    /** The whole new snapshot, for a service that does not journal entries. */
    readonly snapshot?: unknown;
    /** The new snapshot without its collections: it replaces the members it has, the collections stay. */
    readonly base?: Record<string, unknown>;
    /** Per collection (a member of the snapshot, a JSON object by key): entries set, or removed when null. */
    readonly entries?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

type Json = Record<string, unknown>;

/**
 * Applies journal records, oldest first, over a snapshot freshly parsed from the state file, which it changes in
 * place (so that replaying many records over a large collection stays linear).
 */
export function applyRecords(snapshot: RuntimeSnapshot, records: readonly JournalRecord[]): RuntimeSnapshot {
    let settings = snapshot.settings;
    const services = snapshot.services as unknown as Json;
    for (const record of records) {
        if (record.settings) settings = record.settings;
        for (const [name, change] of Object.entries(record.services ?? {})) {
            if ("snapshot" in change) services[name] = change.snapshot;
            if (change.base) services[name] = Object.assign(objectAt(services, name), change.base);
            for (const [member, entries] of Object.entries(change.entries ?? {})) {
                const collection = objectAt(objectAt(services, name), member);
                for (const [key, value] of Object.entries(entries)) {
                    if (value === null) delete collection[key];
                    else collection[key] = value;
                }
            }
        }
    }
    return { settings, services: snapshot.services };
}

/** The JSON object at `parent[key]`, put there first when there is none. */
function objectAt(parent: Json, key: string): Json {
    const value = parent[key];
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Json;
    const created: Json = {};
    parent[key] = created;
    return created;
}
