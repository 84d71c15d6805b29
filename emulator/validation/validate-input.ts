import { loadModel } from "../model/load-model";
import { UNIQUE_ITEM_LISTS } from "../model/model-supplements";
import type { ServiceName } from "../service";
import { validateShape } from "./validate-shape";
import { validationError } from "./validation-error";

/** Checks an operation's input against the service model; throws the service's validation error. */
export function validateInput(service: ServiceName, operation: string, input: Record<string, unknown>): void {
    const model = loadModel(service);
    const inputShape = model.operations[operation]?.input?.shape;
    if (!inputShape) return;
    const violations = validateShape(model, inputShape, input, {
        uniqueItemLists: UNIQUE_ITEM_LISTS[service],
    });
    if (violations.length > 0) throw validationError(service, model, operation, violations);
}
