import type { Caller, EmulatedService, ServiceContext } from "../service";
import { addResourceGroup, addTarget, addTemplate } from "./entities";
import { CLASSIC_OPERATIONS } from "./operations";
import type { ClassicRequest } from "./request";
import { rulesPackagesFor } from "./rules-packages";
import { ClassicStore } from "./store";

/** The names of the entities seedDefaults creates; seeding again finds them instead of adding copies. */
export const DEFAULT_TARGET_NAME = "emulator-default-target";
export const DEFAULT_TEMPLATE_NAME = "emulator-default-template";
export const DEFAULT_TEMPLATE_DURATION_SECONDS = 3600;

export interface SeededDefaults {
    readonly assessmentTargetArn: string;
    readonly assessmentTemplateArn: string;
}

/** Inspector Classic (`InspectorService`, awsJson1_1): targets, templates and assessment runs. */
export class ClassicService implements EmulatedService {
    readonly name = "inspector" as const;
    readonly operations: readonly string[] = [...CLASSIC_OPERATIONS.keys()];
    private readonly store = new ClassicStore();

    constructor(private readonly context: ServiceContext) {}

    async handle(
        operation: string,
        input: Record<string, unknown>,
        caller: Caller,
    ): Promise<Record<string, unknown>> {
        const handler = CLASSIC_OPERATIONS.get(operation);
        if (!handler) throw new Error(`Inspector Classic operation ${operation} is not emulated`);
        const request = this.request(caller, () => this.context.countMutation(operation, caller.accountId));
        return handler(request, input as never);
    }

    /**
     * Creates the default resource group, assessment target and one-hour assessment template over all of the
     * region's rules packages for an account, unless they exist already. Not counted as mutations: nobody called.
     */
    seedDefaults(accountId: string, region: string): SeededDefaults {
        const request = this.request({ accountId, region, accessKeyId: "" }, () => undefined);
        const { scope } = request;
        const existingTarget = [...scope.targets.values()].find(
            (target) => target.name === DEFAULT_TARGET_NAME,
        );
        const existingTemplate =
            existingTarget &&
            [...scope.templates.values()].find(
                (template) =>
                    template.targetArn === existingTarget.arn && template.name === DEFAULT_TEMPLATE_NAME,
            );
        if (existingTarget && existingTemplate) {
            return { assessmentTargetArn: existingTarget.arn, assessmentTemplateArn: existingTemplate.arn };
        }
        const target =
            existingTarget ??
            addTarget(
                request,
                DEFAULT_TARGET_NAME,
                addResourceGroup(request, [{ key: "Name", value: "emulator" }]).arn,
            );
        const template = addTemplate(request, {
            assessmentTargetArn: target.arn,
            assessmentTemplateName: DEFAULT_TEMPLATE_NAME,
            durationInSeconds: DEFAULT_TEMPLATE_DURATION_SECONDS,
            rulesPackageArns: rulesPackagesFor(region).map((rulesPackage) => rulesPackage.arn),
        });
        return { assessmentTargetArn: target.arn, assessmentTemplateArn: template.arn };
    }

    reset(): void {
        this.store.reset();
    }

    snapshot(): unknown {
        return this.store.snapshot();
    }

    restore(snapshot: unknown): void {
        this.store.restore(snapshot);
    }

    private request(caller: Caller, countMutation: () => void): ClassicRequest {
        const store = this.store;
        return {
            caller,
            scope: store.scope(caller.accountId, caller.region),
            now: this.context.now(),
            settings: this.context.settings(),
            nextSeq: () => store.nextSeq(),
            countMutation,
        };
    }
}
