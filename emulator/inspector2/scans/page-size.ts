import { loadModel } from "../../model/load-model";

/**
 * How many items a page of the operation holds: `maxResults`, by default the model's largest, and never more than
 * the model allows the answer's list (ListFindings answers at most 25 findings a page, as its `FindingList` says).
 */
export function pageSize(operation: string, listMember: string, maxResults: number | undefined): number {
    const model = loadModel("inspector2");
    const { input, output } = model.operations[operation];
    const inputMembers = (input && model.shapes[input.shape]?.members) || {};
    const outputMembers = (output && model.shapes[output.shape]?.members) || {};
    const largest = model.shapes[inputMembers.maxResults?.shape ?? ""]?.max ?? 100;
    const listMax = model.shapes[outputMembers[listMember]?.shape ?? ""]?.max ?? Number.POSITIVE_INFINITY;
    return Math.min(maxResults ?? largest, listMax);
}
