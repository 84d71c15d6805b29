import { enablementProvider } from "../../provider/enablement/resource";
import {
    serializeDynamicProvider,
    startDynamicProviderHost,
    withProvider,
    type Properties,
} from "../../tests/support/dynamic-provider-host";
import { ENABLEMENT_URN, enablementArgs } from "../enablement";
import { processMemory } from "../proc-status";
import type { BenchRow } from "../row";
import { compactBytes, stateSize } from "../state-size";
import { formatBytes, formatRatio } from "../table";
import { accountSettings, BenchWorld, memberIds, REGION } from "../world";

export const MEMORY_ACCOUNTS = 10_000;
const MIB = 1024 * 1024;
/** Memory and state do not depend on the schedule: polls shrunk to keep the row short. */
const WAIT_POLICY = JSON.stringify({ initialPollMs: 500, maxPollMs: 2_000 });

/**
 * Provider peak memory and state per account at N = 10,000, through the real dynamic-provider host over gRPC,
 * as the engine drives it: create, three refresh + check + diff cycles, and an update that adds LAMBDA. The
 * host's VmHWM (peak resident set) is read from /proc after every step; state bytes are the compact JSON of the
 * inputs and outputs the host returned, whatever their shape.
 */
export const memoryRow: BenchRow = async (_options, progress) => {
    const members = memberIds(MEMORY_ACCOUNTS);
    const world = await BenchWorld.start({
        accounts: accountSettings(members),
        delays: { enablingMs: 1_000, disablingMs: 1_000 },
    });
    const host = await startDynamicProviderHost({
        env: { ...world.emulator.env, PULUMI_INSPECTOR_WAIT_POLICY: WAIT_POLICY },
    });
    const steps: { step: string; peak: number; resident: number }[] = [];
    const measure = (step: string) => {
        const memory = processMemory(host.pid);
        steps.push({ step, peak: memory.peakBytes, resident: memory.residentBytes });
        progress(
            `memory ${step}: peak ${formatBytes(memory.peakBytes)}, resident ${formatBytes(memory.residentBytes)}`,
        );
    };
    try {
        await host.configure({ "aws:region": REGION });
        const provider = await serializeDynamicProvider(enablementProvider);
        measure("idle");
        const urn = ENABLEMENT_URN;
        const args = enablementArgs(members) as unknown as Properties;
        const checked = await host.check(urn, {}, withProvider(provider, args));
        const created = await host.create(urn, checked.inputs);
        measure("create");
        const id = created.id;
        let inputs = checked.inputs;
        let outs = created.outs;
        const createdSize = stateSize(inputs, outs, MEMORY_ACCOUNTS);
        for (let cycle = 1; cycle <= 3; cycle++) {
            const read = await host.read(id, urn, outs, inputs);
            outs = read.props;
            inputs = read.inputs ?? inputs;
            const rechecked = await host.check(urn, inputs, withProvider(provider, args));
            await host.diff(id, urn, outs, rechecked.inputs);
            measure(`refresh + diff ${cycle}`);
        }
        const updatedArgs = enablementArgs(members, ["EC2", "ECR", "LAMBDA"]) as unknown as Properties;
        const updateInputs = (await host.check(urn, inputs, withProvider(provider, updatedArgs))).inputs;
        const updated = await host.update(id, urn, outs, updateInputs);
        measure("update");
        const updatedSize = stateSize(updateInputs, updated.outs, MEMORY_ACCOUNTS);
        const idle = steps[0];
        const peak = Math.max(...steps.map((step) => step.peak));
        const idsOnly = compactBytes({ accountIds: members }) / MEMORY_ACCOUNTS;
        return [
            {
                figure: "provider peak memory, N = 10,000",
                measured:
                    `VmHWM ${formatBytes(peak)}; ` +
                    steps
                        .slice(1)
                        .map((step) => `${step.step} ${formatBytes(step.peak)}`)
                        .join(", "),
                baseline: `idle host ${formatBytes(idle.peak)}`,
                ratio: formatRatio(peak / (250 * MIB)) + " of 250 MiB",
                target: "≤ 250 MiB",
                met: peak <= 250 * MIB,
            },
            {
                figure: "state per account, N = 10,000 (EC2 + ECR)",
                measured:
                    `${createdSize.bytesPerAccount.toFixed(1)} B (${formatBytes(createdSize.totalBytes)}) after create; ` +
                    `${updatedSize.bytesPerAccount.toFixed(1)} B after update (3 types)`,
                baseline: `the accountIds list alone ${idsOnly.toFixed(1)} B`,
                ratio: formatRatio(createdSize.bytesPerAccount / 100) + " of 100 B",
                target: "≤ 100 bytes",
                met: createdSize.bytesPerAccount <= 100,
            },
        ];
    } finally {
        await host.close();
        await world.close();
    }
};
