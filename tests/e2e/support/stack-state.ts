/** The type tokens of this package's resources in a stack's state. */
export const ENABLEMENT_TYPE = "pulumi-nodejs:dynamic/inspector:InspectorEnablement";
export const ASSESSMENT_RUN_TYPE = "pulumi-nodejs:dynamic/inspector:AssessmentRun";
export const FINDINGS_GATE_TYPE = "pulumi-nodejs:dynamic/inspector:FindingsGate";

/** One resource of `pulumi stack export` (the members these tests read). */
export interface StateResource {
    readonly urn: string;
    readonly type: string;
    readonly id?: string;
    readonly inputs?: Record<string, unknown>;
    readonly outputs?: Record<string, unknown>;
}

/** An operation the engine started and never saw finish (the CLI was killed meanwhile). */
export interface PendingOperation {
    readonly resource: StateResource;
    /** `creating`, `updating`, `deleting`, `reading`… */
    readonly type: string;
}

/** The document `pulumi stack export` prints. */
export interface StackDeployment {
    readonly version: number;
    readonly deployment: {
        readonly resources?: readonly StateResource[];
        readonly pending_operations?: readonly PendingOperation[];
    };
}

/** The stack's resources of one type, in state order. */
export function resourcesOfType(state: StackDeployment, type: string): StateResource[] {
    return (state.deployment.resources ?? []).filter((resource) => resource.type === type);
}

/** The only resource of a type; fails when there is none or more than one. */
export function onlyResourceOfType(state: StackDeployment, type: string): StateResource {
    const found = resourcesOfType(state, type);
    if (found.length !== 1) {
        throw new Error(`expected one ${type} in the stack's state, found ${found.length}`);
    }
    return found[0];
}

export function pendingOperations(state: StackDeployment): readonly PendingOperation[] {
    return state.deployment.pending_operations ?? [];
}
