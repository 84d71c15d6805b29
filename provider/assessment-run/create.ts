import type { LifecycleContext } from "./context";
import type { RunInputs } from "./inputs";
import { type SettledRun, settleRun } from "./settle";
import { startOrAdoptRun } from "./start";

/** Starts (or adopts) the run, then waits and judges it as the inputs ask. */
export async function createRun(inputs: RunInputs, context: LifecycleContext): Promise<SettledRun> {
    const { run, adopted } = await startOrAdoptRun(inputs, context);
    context.log(
        adopted
            ? `${inputs.assessmentRunName}: adopted the run an earlier update started (${run.arn}), ${run.state}`
            : `${inputs.assessmentRunName}: started ${run.arn}`,
    );
    return settleRun(inputs, run, context);
}
