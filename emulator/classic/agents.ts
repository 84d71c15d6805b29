import { seededBytes } from "./hash";

/** How many agents (EC2 instances) an assessment target has, at most. */
export const MAX_AGENTS_PER_TARGET = 3;

/**
 * The agents of an assessment target. The emulator has no EC2 instances, so each target gets one to three
 * stable instance ids drawn from the seed and its ARN: enough to name them in AgentsAlreadyRunningAssessment.
 */
export function targetAgentIds(seed: number, targetArn: string): string[] {
    const bytes = seededBytes("agents", seed, targetArn);
    const count = 1 + (bytes[0] % MAX_AGENTS_PER_TARGET);
    return Array.from({ length: count }, (_, index) => {
        const hex = seededBytes("agent", seed, targetArn, index).toString("hex");
        return `i-${hex.slice(0, 17)}`;
    });
}
