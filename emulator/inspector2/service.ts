import type { Caller, EmulatedService, ServiceContext } from "../service";
import { ServiceError } from "../service-error";
import { INSPECTOR2_OPERATIONS } from "./operations";
import type { Inspector2Runtime } from "./runtime";
import { scanResourcesOf } from "./scans/scan-resource";
import { Inspector2State } from "./state";

/**
 * Inspector (v2): account enablement per resource type and region, the organisation around it, and the coverage and
 * findings of the resources in the settings.
 */
export class Inspector2Service implements EmulatedService {
    readonly name = "inspector2" as const;
    readonly operations: readonly string[] = [...INSPECTOR2_OPERATIONS.keys()];
    private readonly runtime: Inspector2Runtime;

    constructor(context: ServiceContext) {
        this.runtime = { context, state: new Inspector2State(() => context.now()) };
        this.startSightings();
    }

    async handle(
        operation: string,
        input: Record<string, unknown>,
        caller: Caller,
    ): Promise<Record<string, unknown>> {
        const handler = INSPECTOR2_OPERATIONS.get(operation);
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
        this.startSightings();
    }

    snapshot(): unknown {
        return this.runtime.state.snapshot();
    }

    snapshotBase(): Record<string, unknown> {
        return { ...this.runtime.state.snapshotBase() };
    }

    takeEntryChanges(): Record<string, Record<string, unknown>> {
        return { tokens: this.runtime.state.tokens.takeChanges() };
    }

    restore(snapshot: unknown): void {
        this.runtime.state.restore(snapshot);
        // Resources the snapshot has not seen appear now.
        this.runtime.state.sightings.see(this.resourceKeys(), this.runtime.context.now());
    }

    /** The resources in the settings now appear now, as at a start. */
    private startSightings(): void {
        this.runtime.state.sightings.begin(this.runtime.context.now(), this.resourceKeys());
    }

    private resourceKeys(): string[] {
        const settings = this.runtime.context.settings();
        return scanResourcesOf(settings.scanResources, settings.region).map((resource) => resource.key);
    }
}
