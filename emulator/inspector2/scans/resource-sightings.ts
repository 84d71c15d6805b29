/** JSON form, for the state file. */
export interface ResourceSightingsSnapshot {
    /** Clock time (ms) the emulator started or was last reset. */
    readonly epoch: number;
    /** Resource key → clock time (ms) the emulator first saw the resource in its settings. */
    readonly seen: Readonly<Record<string, number>>;
}

/**
 * When the emulator first saw each covered resource, which is when a resource without `pushedAt` appeared:
 * resources in the settings when the emulator starts (or is reset) appeared then, resources added later through
 * the admin API at the next call that looks at them. Kept in the state file, so a restart does not scan again.
 */
export class ResourceSightings {
    private seen = new Map<string, number>();
    private startedAt = 0;

    /** When the emulator started or was last reset; organisation policies hold their types ENABLED since then. */
    get epoch(): number {
        return this.startedAt;
    }

    /** Records `now` for each key not seen before. */
    see(keys: Iterable<string>, now: number): void {
        for (const key of keys) if (!this.seen.has(key)) this.seen.set(key, now);
    }

    /** When the resource was first seen; `fallback` for one never seen. */
    firstSeen(key: string, fallback: number): number {
        return this.seen.get(key) ?? fallback;
    }

    /** Forgets every sighting: the emulator starts (again) at `now`, seeing the resources `keys`. */
    begin(now: number, keys: Iterable<string>): void {
        this.startedAt = now;
        this.seen = new Map();
        this.see(keys, now);
    }

    snapshot(): ResourceSightingsSnapshot {
        return { epoch: this.startedAt, seen: Object.fromEntries(this.seen) };
    }

    restore(snapshot: ResourceSightingsSnapshot): void {
        this.startedAt = snapshot.epoch;
        this.seen = new Map(Object.entries(snapshot.seen));
    }
}
