import * as v8 from "node:v8";
import * as vm from "node:vm";
import type * as pulumi from "@pulumi/pulumi";

/**
 * The provider process's garbage, collected once a call that carried much data has been answered.
 *
 * The dynamic-provider host turns every call's properties from protobuf Structs into objects and the results
 * back: at 10,000 accounts that is hundreds of megabytes of short-lived objects per call, which V8 (whose heap
 * may grow to a quarter of the machine's memory) lets pile up over several calls: 0.5 to 1 GiB resident after a
 * few refreshes, when less than 50 MB stays alive. A full collection before such a call (the previous call's
 * request is released by then) and one after it keeps the process near what one call needs. Small calls (every
 * preview of a few accounts) are left to V8, so they cost nothing more.
 */

/** Values (objects, arrays, strings, numbers…) in a call's properties or result from which it counts as large. */
export const LARGE_CALL_VALUES = 5_000;

/** Whether `value` holds at least `limit` values; it stops counting there, so a check costs at most that. */
export function holdsAtLeast(value: unknown, limit: number = LARGE_CALL_VALUES): boolean {
    let count = 0;
    const pending: unknown[] = [value];
    while (pending.length > 0) {
        const next = pending.pop();
        if (++count >= limit) return true;
        if (next !== null && typeof next === "object") {
            for (const member of Object.values(next)) pending.push(member);
        }
    }
    return false;
}

/** What collects the garbage, and how many times it has run (tests count it). */
export interface Collector {
    readonly collect: () => void;
    readonly runs: number;
}

let collectGarbage: (() => void) | null | undefined;

/** V8's full collection, made available once (`--expose-gc` at run time); null where V8 refuses it. */
function fullCollection(): (() => void) | null {
    if (collectGarbage === undefined) {
        try {
            v8.setFlagsFromString("--expose-gc");
            collectGarbage = vm.runInNewContext("gc") as () => void;
        } catch {
            collectGarbage = null;
        }
    }
    return collectGarbage;
}

/** The process's collector: V8's full collection, counted. */
export const processCollector: Collector = {
    runs: 0,
    collect() {
        const gc = fullCollection();
        if (!gc) return;
        gc();
        (this as { runs: number }).runs++;
    },
};

type Method = (...args: never[]) => Promise<unknown>;

/**
 * The provider with a full collection before each call whose arguments are large, and one after each call whose
 * arguments or result are large: on the next turn of the event loop, once the host has turned the result into
 * its answer.
 */
export function collectingAfterLargeCalls(
    provider: pulumi.dynamic.ResourceProvider,
    collector: Collector = processCollector,
): pulumi.dynamic.ResourceProvider {
    const wrapped: Record<string, unknown> = {};
    for (const [name, method] of Object.entries(provider)) {
        if (typeof method !== "function") continue;
        wrapped[name] = async (...args: never[]) => {
            let large = holdsAtLeast(args);
            if (large) collector.collect();
            try {
                const result = await (method as Method).apply(provider, args);
                large ||= holdsAtLeast(result);
                return result;
            } finally {
                if (large) setImmediate(() => collector.collect());
            }
        };
    }
    return wrapped as unknown as pulumi.dynamic.ResourceProvider;
}
