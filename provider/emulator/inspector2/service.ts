import type { Caller, EmulatedService, ServiceContext } from "../service";
import { ServiceError } from "../service-error";
import { batchGetAccountStatus } from "./operations/batch-get-account-status";
import { disable } from "./operations/disable";
import { enable } from "./operations/enable";
import { getDelegatedAdminAccount } from "./operations/get-delegated-admin-account";
import { getMember } from "./operations/get-member";
import { listDelegatedAdminAccounts } from "./operations/list-delegated-admin-accounts";
import { listMembers } from "./operations/list-members";
import type { Inspector2Runtime } from "./runtime";
import { Inspector2State } from "./state";

type OperationHandler = (
    runtime: Inspector2Runtime,
    input: Record<string, unknown>,
    caller: Caller,
) => Record<string, unknown>;

const HANDLERS: ReadonlyMap<string, OperationHandler> = new Map([
    ["Enable", enable],
    ["Disable", disable],
    ["BatchGetAccountStatus", batchGetAccountStatus],
    ["GetDelegatedAdminAccount", getDelegatedAdminAccount],
    ["ListDelegatedAdminAccounts", listDelegatedAdminAccounts],
    ["ListMembers", listMembers],
    ["GetMember", getMember],
]);

/** Inspector (v2): account enablement per resource type and region, and the organisation around it. */
export class Inspector2Service implements EmulatedService {
    readonly name = "inspector2" as const;
    readonly operations: readonly string[] = [...HANDLERS.keys()];
    private readonly runtime: Inspector2Runtime;

    constructor(context: ServiceContext) {
        this.runtime = { context, state: new Inspector2State() };
    }

    async handle(
        operation: string,
        input: Record<string, unknown>,
        caller: Caller,
    ): Promise<Record<string, unknown>> {
        const handler = HANDLERS.get(operation);
        if (!handler) {
            throw new ServiceError(
                "InternalServerException",
                500,
                `Operation ${operation} is not emulated; the inspector2 emulator serves ${this.operations.join(", ")}.`,
            );
        }
        return handler(this.runtime, input, caller);
    }

    reset(): void {
        this.runtime.state.reset();
    }

    snapshot(): unknown {
        return this.runtime.state.snapshot();
    }

    restore(snapshot: unknown): void {
        this.runtime.state.restore(snapshot);
    }
}
