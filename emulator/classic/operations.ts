import { createAssessmentTarget } from "./operations/create-assessment-target";
import { createAssessmentTemplate } from "./operations/create-assessment-template";
import { createResourceGroup } from "./operations/create-resource-group";
import { deleteAssessmentRun } from "./operations/delete-assessment-run";
import { describeAssessmentRuns } from "./operations/describe-assessment-runs";
import { describeAssessmentTargets } from "./operations/describe-assessment-targets";
import { describeAssessmentTemplates } from "./operations/describe-assessment-templates";
import { describeResourceGroups } from "./operations/describe-resource-groups";
import { describeRulesPackages } from "./operations/describe-rules-packages";
import { listAssessmentRuns } from "./operations/list-assessment-runs";
import { listAssessmentTargets } from "./operations/list-assessment-targets";
import { listAssessmentTemplates } from "./operations/list-assessment-templates";
import { listRulesPackages } from "./operations/list-rules-packages";
import { startAssessmentRun } from "./operations/start-assessment-run";
import { stopAssessmentRun } from "./operations/stop-assessment-run";
import type { ClassicHandler } from "./request";

/**
 * The Inspector Classic operations the emulator serves, by model name, each with its handler (one file each in
 * `operations/`). ClassicService.handle looks the operation up here. Each handler declares its own input shape;
 * the core has validated the input against the model, hence the cast in ClassicService.handle.
 */
export const CLASSIC_OPERATIONS: ReadonlyMap<string, ClassicHandler<never>> = new Map<
    string,
    ClassicHandler<never>
>([
    ["CreateAssessmentTarget", createAssessmentTarget],
    ["CreateAssessmentTemplate", createAssessmentTemplate],
    ["CreateResourceGroup", createResourceGroup],
    ["DeleteAssessmentRun", deleteAssessmentRun],
    ["DescribeAssessmentRuns", describeAssessmentRuns],
    ["DescribeAssessmentTargets", describeAssessmentTargets],
    ["DescribeAssessmentTemplates", describeAssessmentTemplates],
    ["DescribeResourceGroups", describeResourceGroups],
    ["DescribeRulesPackages", describeRulesPackages],
    ["ListAssessmentRuns", listAssessmentRuns],
    ["ListAssessmentTargets", listAssessmentTargets],
    ["ListAssessmentTemplates", listAssessmentTemplates],
    ["ListRulesPackages", listRulesPackages],
    ["StartAssessmentRun", startAssessmentRun],
    ["StopAssessmentRun", stopAssessmentRun],
]);
