import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PulumiStack } from "../../tests/e2e/support/pulumi-stack";
import { RealClock } from "../clock";
import type { BenchRow } from "../row";
import { summarise } from "../stats";
import { formatMs, formatTiming } from "../table";
import { BenchWorld, REGION } from "../world";

/** The program with many resources has this many. */
export const MANY_RESOURCES = 40;

/** A JavaScript program (no TypeScript compile in the timings) with `count` enablements from its config. */
const PROGRAM: Readonly<Record<string, string>> = {
    "Pulumi.yaml": "name: bench-preview\nruntime: nodejs\ndescription: pulumi preview cost per resource\n",
    "package.json": JSON.stringify({
        name: "bench-preview",
        main: "index.js",
        dependencies: { "@pulumi/pulumi": "*", "pulumi-inspector": "*" },
    }),
    "index.js": [
        'const pulumi = require("@pulumi/pulumi");',
        'const { InspectorEnablement } = require("pulumi-inspector");',
        'const count = new pulumi.Config().getNumber("count") ?? 0;',
        "for (let index = 0; index < count; index++) {",
        '    new InspectorEnablement(`scanning-${index}`, { resourceTypes: ["EC2", "ECR"] });',
        "}",
        "",
    ].join("\n"),
};

/**
 * `pulumi preview` with the real CLI and a file backend against the emulator, of one program with 0, 1 and
 * 40 enablements (its config says how many), in turns: the first resource costs t(1) − t(0), each further one
 * (t(40) − t(1)) / 39. Medians and minimums over the runs.
 */
export const previewRow: BenchRow = async (options, progress) => {
    const source = mkdtempSync(join(tmpdir(), "pulumi-inspector-bench-program-"));
    for (const [name, text] of Object.entries(PROGRAM)) writeFileSync(join(source, name), text);
    const world = await BenchWorld.start({});
    let stack: PulumiStack | undefined;
    const counts = [0, 1, MANY_RESOURCES] as const;
    const times = new Map<number, number[]>(counts.map((count) => [count, []]));
    try {
        stack = await PulumiStack.create({
            program: source,
            awsEnv: world.emulator.env,
            config: { "aws:region": REGION },
        });
        const clock = new RealClock();
        for (let run = 0; run < options.runs; run++) {
            for (const count of counts) {
                await stack.setConfig({ count });
                const started = clock.now();
                const result = await stack.preview();
                const elapsed = clock.now() - started;
                if (result.code !== 0)
                    throw new Error(
                        `pulumi preview of ${count} resources failed:\n${result.stderr}\n${result.stdout}`,
                    );
                times.get(count)!.push(elapsed);
                progress(`preview run ${run + 1}, ${count} resources: ${formatMs(elapsed)}`);
            }
        }
    } finally {
        await stack?.remove();
        await world.close();
        rmSync(source, { recursive: true, force: true });
    }
    const empty = summarise(times.get(0)!);
    const one = summarise(times.get(1)!);
    const many = summarise(times.get(MANY_RESOURCES)!);
    const first = { median: one.median - empty.median, min: one.min - empty.min };
    const each = {
        median: (many.median - one.median) / (MANY_RESOURCES - 1),
        min: (many.min - one.min) / (MANY_RESOURCES - 1),
    };
    return [
        {
            figure: "pulumi preview: first resource",
            measured: `min ${formatMs(first.min)}, median ${formatMs(first.median)} (1 resource: ${formatTiming(one)})`,
            baseline: `empty program ${formatTiming(empty)}`,
            ratio: "",
            target: "≤ 0.7 s",
            met: first.median <= 700,
        },
        {
            figure: "pulumi preview: per resource beyond the first",
            measured: `min ${formatMs(each.min)}, median ${formatMs(each.median)} (${MANY_RESOURCES} resources: ${formatTiming(many)})`,
            baseline: `1 resource ${formatTiming(one)}`,
            ratio: "",
            target: "≤ 30 ms",
            met: each.median <= 30,
        },
    ];
};
