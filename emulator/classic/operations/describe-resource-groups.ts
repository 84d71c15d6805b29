import { describeBatch } from "../batch";
import { resourceGroupToWire } from "../entity-wire";
import type { ClassicHandler } from "../request";

export interface DescribeResourceGroupsInput {
    readonly resourceGroupArns: readonly string[];
}

export const describeResourceGroups: ClassicHandler<DescribeResourceGroupsInput> = ({ scope }, input) => {
    const { found, failedItems } = describeBatch(input.resourceGroupArns, "resourcegroup", (arn) => {
        const group = scope.resourceGroups.get(arn);
        return group && resourceGroupToWire(group);
    });
    return { resourceGroups: found, failedItems };
};
