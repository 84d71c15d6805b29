import { EnableCommand } from "@aws-sdk/client-inspector2";
import type { ScanResourceSettings } from "../../emulator";
import { lifecycle as runLifecycle } from "../../provider/assessment-run/lifecycle";
import { ASSESSMENT_RUN_TYPE_TOKEN } from "../../provider/assessment-run/resource";
import type { LifecycleContext } from "../../provider/core/context";
import type { ResourceLifecycle } from "../../provider/dynamic/adapter";
import { lifecycle as gateLifecycle } from "../../provider/findings-gate/lifecycle";
import { FINDINGS_GATE_TYPE_TOKEN } from "../../provider/findings-gate/resource";
import { RealClock, SkippingClock, type BenchClock } from "../clock";
import { reactionRatio, WAIT_REACTION } from "../figures";
import type { BenchRow } from "../row";
import { summarise } from "../stats";
import { formatMs, formatRatio, formatTiming } from "../table";
import { ADMINISTRATOR, BenchWorld, REGION } from "../world";
import { SKIPPED_FROM_MS } from "./reaction";

/** How long the run collects data, and how long the image waits for its first scan. */
export const WAIT_LENGTHS_MS = [20_000, 120_000] as const;

/** The emulator's seeded template collects for an hour (emulated), then evaluates for about a minute and a half. */
const TEMPLATE_SECONDS = 3_600;

const DIGEST = `sha256:${"b".repeat(64)}`;
const IMAGE_URI = `${ADMINISTRATOR}.dkr.ecr.${REGION}.amazonaws.com/bench@${DIGEST}`;

function image(pushedAt: string): ScanResourceSettings {
    return {
        resourceType: "AWS_ECR_CONTAINER_IMAGE",
        resourceId: `arn:aws:ecr:${REGION}:${ADMINISTRATOR}:repository/bench/${DIGEST}`,
        pushedAt,
        findings: [
            {
                vulnerabilityId: "CVE-2023-4039",
                severity: "LOW",
                packageName: "libgcc-s1",
                packageVersion: "12.2",
            },
        ],
    };
}

async function checkAndCreate(
    lifecycle: ResourceLifecycle<unknown, unknown>,
    args: Record<string, unknown>,
    context: LifecycleContext,
): Promise<Record<string, unknown>> {
    const checked = await lifecycle.check(args, context);
    if (checked.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
    return (await lifecycle.create(checked.inputs, context)).outs as Record<string, unknown>;
}

interface WaitRun {
    /** When the awaited thing finished (emulator clock), and when the create began and returned. */
    readonly finished: number;
    readonly started: number;
    readonly returned: number;
}

/**
 * One AssessmentRun create whose run collects for `lengthMs`; its completion time from the outputs. Each run is
 * another resource (`name`): the same one would adopt the run it started before instead of starting one.
 */
async function assessmentRun(world: BenchWorld, clock: BenchClock, name: string): Promise<WaitRun> {
    const started = clock.now();
    const outs = await checkAndCreate(
        runLifecycle as ResourceLifecycle<unknown, unknown>,
        {
            assessmentTemplateArn: world.emulator.templateArn,
            waitForCompletion: true,
            failOnFindings: "High",
            resourceUrn: `urn:pulumi:bench::bench::${ASSESSMENT_RUN_TYPE_TOKEN}::${name}`,
        },
        world.context(clock),
    );
    const returned = clock.now();
    if (typeof outs.completedAt !== "string")
        throw new Error(`the run did not complete: ${String(outs.state)}`);
    return { finished: Date.parse(outs.completedAt), started, returned };
}

/** One FindingsGate create over an image pushed now whose first scan takes `lengthMs`. */
async function gateScan(world: BenchWorld, clock: BenchClock, lengthMs: number): Promise<WaitRun> {
    const pushedAt = clock.now();
    world.emulator.admin.updateSettings({ scanResources: [image(new Date(pushedAt).toISOString())] });
    const started = clock.now();
    await checkAndCreate(
        gateLifecycle as ResourceLifecycle<unknown, unknown>,
        {
            images: [IMAGE_URI],
            failOnSeverity: "CRITICAL",
            resourceUrn: `urn:pulumi:bench::bench::${FINDINGS_GATE_TYPE_TOKEN}::gate`,
        },
        world.context(clock),
    );
    return { finished: pushedAt + lengthMs, started, returned: clock.now() };
}

/**
 * AssessmentRun wait and FindingsGate scan wait: how long after the run completed (or the image's first scan
 * ended) the create returned, over the allowed max(2 s, 15 % of the wait).
 */
export const waitsRow: BenchRow = async (options, progress) => {
    const rows = [];
    for (const kind of ["AssessmentRun wait", "FindingsGate scan wait"] as const) {
        for (const lengthMs of WAIT_LENGTHS_MS) {
            const skipping = lengthMs >= SKIPPED_FROM_MS && !options.realClock;
            const clock: BenchClock = skipping ? new SkippingClock() : new RealClock();
            const world = await BenchWorld.start(
                {
                    delays: { enablingMs: 0, disablingMs: 0, scanMs: lengthMs },
                    classic: { timeScale: TEMPLATE_SECONDS / (lengthMs / 1000), findingCounts: { Low: 1 } },
                },
                { now: clock.now },
            );
            const reactions: number[] = [];
            const waits: number[] = [];
            const ratios: number[] = [];
            try {
                if (kind === "FindingsGate scan wait") {
                    await world
                        .context(clock)
                        .clients.inspector2(REGION)
                        .send(new EnableCommand({ accountIds: [ADMINISTRATOR], resourceTypes: ["ECR"] }));
                }
                for (let run = 0; run < options.runs; run++) {
                    const result =
                        kind === "AssessmentRun wait"
                            ? await assessmentRun(world, clock, `run-${run}`)
                            : await gateScan(world, clock, lengthMs);
                    const reaction = result.returned - result.finished;
                    const waited = result.finished - result.started;
                    reactions.push(reaction);
                    waits.push(waited);
                    ratios.push(reactionRatio(reaction, waited, WAIT_REACTION));
                    progress(
                        `${kind} ${formatMs(lengthMs)} run ${run + 1}: ${formatMs(reaction)} after ${formatMs(waited)}`,
                    );
                }
            } finally {
                await world.close();
            }
            const worst = Math.max(...ratios);
            rows.push({
                figure: `${kind}, ${formatMs(lengthMs)}${skipping ? " (pauses skipped)" : ""}`,
                measured: formatTiming(summarise(reactions)),
                baseline: `waited ${formatTiming(summarise(waits))}`,
                ratio: `${formatRatio(summarise(ratios).median)} median, ${formatRatio(worst)} worst`,
                target: "≤ × 1 of max(2 s, 15 % waited)",
                met: worst <= 1,
            });
        }
    }
    return rows;
};
