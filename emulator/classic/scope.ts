import type { ResourceGroupRecord, RunRecord, TargetRecord, TemplateRecord } from "./records";

/**
 * Everything one account owns in one region. Inspector Classic entities never cross accounts or regions, so
 * each caller only ever sees its own scope and any other ARN simply does not exist for it.
 */
export class Scope {
    readonly resourceGroups = new Map<string, ResourceGroupRecord>();
    readonly targets = new Map<string, TargetRecord>();
    readonly templates = new Map<string, TemplateRecord>();
    readonly runs = new Map<string, RunRecord>();

    constructor(
        readonly accountId: string,
        readonly region: string,
    ) {}

    runsOfTemplate(templateArn: string): RunRecord[] {
        return [...this.runs.values()].filter((run) => run.templateArn === templateArn);
    }

    isEmpty(): boolean {
        return this.resourceGroups.size + this.targets.size + this.templates.size + this.runs.size === 0;
    }
}
