import type { DelaySettings, ResourceType } from "../settings/settings";
import type { TargetStatus } from "./status";

/**
 * How long a resource type stays ENABLING (or DISABLING) in a region. Overrides that name both the resource type
 * and the region beat those naming one of them, which beat catch-all ones; among equally specific overrides the
 * later one wins, so a test can append an override to take precedence. Only overrides that set the wanted delay
 * take part.
 */
export function transitionDelayMs(
    delays: DelaySettings,
    target: TargetStatus,
    resourceType: ResourceType,
    region: string,
): number {
    const field = target === "ENABLED" ? "enablingMs" : "disablingMs";
    let chosen = delays[field];
    let chosenSpecificity = -1;
    for (const override of delays.overrides ?? []) {
        const value = override[field];
        if (value === undefined) continue;
        if (override.resourceType !== undefined && override.resourceType !== resourceType) continue;
        if (override.region !== undefined && override.region !== region) continue;
        const specificity = (override.resourceType ? 1 : 0) + (override.region ? 1 : 0);
        if (specificity >= chosenSpecificity) {
            chosen = value;
            chosenSpecificity = specificity;
        }
    }
    return chosen;
}
