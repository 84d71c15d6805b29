import type { ResourceGroupRecord, RunRecord, TargetRecord, TemplateRecord } from "./records";
import { Scope } from "./scope";

export interface ScopeSnapshot {
    readonly accountId: string;
    readonly region: string;
    readonly resourceGroups: readonly ResourceGroupRecord[];
    readonly targets: readonly TargetRecord[];
    readonly templates: readonly TemplateRecord[];
    readonly runs: readonly RunRecord[];
}

/** The Classic service's part of the emulator's state file. */
export interface ClassicSnapshot {
    readonly version: 1;
    readonly counter: number;
    readonly scopes: readonly ScopeSnapshot[];
}

function fill<T extends { readonly arn: string }>(map: Map<string, T>, records: readonly T[]): void {
    for (const record of records) map.set(record.arn, structuredClone(record));
}

function isSnapshot(value: unknown): value is ClassicSnapshot {
    if (typeof value !== "object" || value === null) return false;
    const candidate = value as Partial<ClassicSnapshot>;
    return (
        candidate.version === 1 &&
        typeof candidate.counter === "number" &&
        Array.isArray(candidate.scopes) &&
        candidate.scopes.every(
            (scope) =>
                typeof scope.accountId === "string" &&
                typeof scope.region === "string" &&
                [scope.resourceGroups, scope.targets, scope.templates, scope.runs].every(Array.isArray),
        )
    );
}

/** All Classic entities by account and region, and the creation counter their ids and order come from. */
export class ClassicStore {
    private counter = 0;
    private readonly scopes = new Map<string, Scope>();

    scope(accountId: string, region: string): Scope {
        const key = `${accountId}/${region}`;
        let scope = this.scopes.get(key);
        if (!scope) {
            scope = new Scope(accountId, region);
            this.scopes.set(key, scope);
        }
        return scope;
    }

    /** The next creation number: orders entities for listing and, with the seed, names them. */
    nextSeq(): number {
        this.counter += 1;
        return this.counter;
    }

    reset(): void {
        this.counter = 0;
        this.scopes.clear();
    }

    snapshot(): ClassicSnapshot {
        const scopes = [...this.scopes.values()]
            .filter((scope) => !scope.isEmpty())
            .map((scope) => ({
                accountId: scope.accountId,
                region: scope.region,
                resourceGroups: [...scope.resourceGroups.values()],
                targets: [...scope.targets.values()],
                templates: [...scope.templates.values()],
                runs: [...scope.runs.values()],
            }));
        return structuredClone({ version: 1, counter: this.counter, scopes });
    }

    restore(snapshot: unknown): void {
        if (!isSnapshot(snapshot)) {
            throw new Error(
                "Inspector Classic state is not a snapshot this emulator wrote: expected { version: 1, counter, scopes[] }",
            );
        }
        this.reset();
        this.counter = snapshot.counter;
        for (const saved of snapshot.scopes) {
            const scope = this.scope(saved.accountId, saved.region);
            fill(scope.resourceGroups, saved.resourceGroups);
            fill(scope.targets, saved.targets);
            fill(scope.templates, saved.templates);
            fill(scope.runs, saved.runs);
        }
    }
}
