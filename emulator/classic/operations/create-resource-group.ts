import { addResourceGroup } from "../entities";
import type { KeyValue } from "../records";
import type { ClassicHandler } from "../request";

export interface CreateResourceGroupInput {
    readonly resourceGroupTags: readonly KeyValue[];
}

export const createResourceGroup: ClassicHandler<CreateResourceGroupInput> = (request, input) => {
    const group = addResourceGroup(request, input.resourceGroupTags);
    request.countMutation();
    return { resourceGroupArn: group.arn };
};
