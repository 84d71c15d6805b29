import type { FaultSettings } from "../emulator";
import type { Arrival, Hook } from "./ledger-proxy";
import type { KeyCall } from "./resources";
import type { World } from "./world";

/**
 * The fault scenarios of the matrix. Each arms its faults for one run (the emulator's seeded faults, or hooks of
 * the ledger proxy) and is disarmed before the results are checked. `first` is the run the scenario strikes;
 * when it does not converge, the matrix runs once more with the scenario's lasting conditions armed again
 * (throttling goes on; a restart or a kill does not happen twice).
 */

export type ScenarioId =
    | "throttling 30%"
    | "5xx bursts"
    | "added latency"
    | "dropped connections"
    | "answers lost"
    | "emulator restart"
    | "provider killed"
    | "pulumi killed";

/** Where a scenario's runs are made. */
export type Runner = "in-process" | "host" | "cli";

export interface ArmContext {
    readonly world: World;
    /** The call the operation cannot do without; undefined when it calls nothing. */
    readonly key: KeyCall | undefined;
    /** Seeded, one sequence per cell. */
    readonly random: () => number;
    /** The struck run (true) or the one more run after it (false). */
    readonly first: boolean;
    /** Kills the provider process (host runner only). */
    readonly killProvider?: () => void;
}

export interface Scenario {
    readonly id: ScenarioId;
    /** What the scenario does, for the README and the table's legend. */
    readonly description: string;
    readonly runner: Runner;
    /** Arms the scenario's faults for one run; returns the hooks' completion, if any. */
    arm(context: ArmContext): Promise<void>[];
    /**
     * For an operation that calls nothing (a gate's delete): what strikes instead, right after the struck run has
     * started (in the same tick, so a kill lands before the provider has answered).
     */
    strikeWithoutKey?(context: ArmContext): void | Promise<void>;
}

const MUTATIONS = new Set([
    "Enable",
    "Disable",
    "StartAssessmentRun",
    "StopAssessmentRun",
    "DeleteAssessmentRun",
]);

export function matchesKey(key: KeyCall): (call: Arrival) => boolean {
    return (call) => call.service === key.service && call.operation === key.operation;
}

function setFaults(world: World, faults: FaultSettings[]): void {
    world.emulator.admin.updateSettings({ faults });
}

function keyFault(
    key: KeyCall | undefined,
    fault: Omit<FaultSettings, "operation" | "service">,
): FaultSettings[] {
    return key ? [{ service: key.service, operation: key.operation, ...fault }] : [];
}

function hook(world: World, hook: Hook): Promise<void> {
    return world.proxy.addHook(hook);
}

export const SCENARIOS: readonly Scenario[] = [
    {
        id: "throttling 30%",
        description:
            "the first key call and 30 % of Inspector and STS calls answered ThrottlingException (seeded)",
        runner: "in-process",
        arm({ world, key }) {
            setFaults(world, [
                ...keyFault(key, { kind: "throttle", count: 1, value: 0 }),
                { operation: "*", kind: "throttle", probability: 0.3, value: 0 },
                { service: "sts", operation: "*", kind: "throttle", probability: 0.3, value: 0 },
            ]);
            return [];
        },
    },
    {
        id: "5xx bursts",
        description: "3 calls answered 500/503 in a row at the start, 4 more when the key call arrives",
        runner: "in-process",
        arm({ world, key }) {
            setFaults(world, [
                { operation: "*", kind: "internal", count: 2 },
                { operation: "*", kind: "unavailable", count: 1 },
            ]);
            if (!key) return [];
            return [
                hook(world, {
                    match: matchesKey(key),
                    before: () =>
                        setFaults(world, [
                            { operation: "*", kind: "internal", count: 2 },
                            { operation: "*", kind: "unavailable", count: 2 },
                        ]),
                }),
            ];
        },
    },
    {
        id: "added latency",
        description: "100 ms added to every call, 2 s to the first key call",
        runner: "in-process",
        arm({ world, key }) {
            setFaults(world, [
                ...keyFault(key, { kind: "latency", value: 2_000, count: 1 }),
                { operation: "*", kind: "latency", value: 100 },
            ]);
            return [];
        },
    },
    {
        id: "dropped connections",
        description:
            "the first key call and 15 % of all calls dropped without an answer, before Inspector acts (seeded)",
        runner: "in-process",
        arm({ world, key }) {
            setFaults(world, [
                ...keyFault(key, { kind: "drop", count: 1 }),
                { operation: "*", kind: "drop", probability: 0.15 },
            ]);
            return [];
        },
    },
    {
        id: "answers lost",
        description:
            "calls executed, then their answer lost on the way back: the first key call and half the mutations (seeded)",
        runner: "in-process",
        arm({ world, key, random }) {
            const hooks = [
                hook(world, {
                    match: (call) => MUTATIONS.has(call.operation),
                    times: Infinity,
                    after: () => (random() < 0.5 ? "lose" : "relay"),
                }),
            ];
            if (key) hooks.push(hook(world, { match: matchesKey(key), after: () => "lose" }));
            return hooks;
        },
    },
    {
        id: "emulator restart",
        description:
            "the emulator stopped after executing the key call (its answer lost), restarted from its state file; " +
            "a gate's delete, which calls nothing: restarted as it starts",
        runner: "in-process",
        arm({ world, key, first }) {
            if (!key || !first) return [];
            return [
                hook(world, {
                    match: matchesKey(key),
                    after: async () => {
                        await world.restart();
                        return "lose" as const;
                    },
                }),
            ];
        },
        strikeWithoutKey: ({ world }) => world.restart(),
    },
    {
        id: "provider killed",
        description:
            "the real dynamic-provider host SIGKILLed while its key call is on the way (the call still executes); " +
            "a gate's delete: as its Delete is sent",
        runner: "host",
        arm({ world, key, first, killProvider }) {
            if (!key || !first) return [];
            return [hook(world, { match: matchesKey(key), before: () => killProvider!() })];
        },
        strikeWithoutKey: ({ killProvider }) => killProvider!(),
    },
    {
        id: "pulumi killed",
        description:
            "`pulumi up` SIGKILLed with all its processes at the key call (a gate's delete: when the CLI shows it " +
            "deleting); then `pulumi cancel`, `pulumi refresh --clear-pending-creates` where a create is pending, " +
            "and the same `pulumi up` again",
        runner: "cli",
        arm: () => [],
    },
];
