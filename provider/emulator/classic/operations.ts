import { createAssessmentTarget } from "./handlers/create-assessment-target";
import { createAssessmentTemplate } from "./handlers/create-assessment-template";
import { createResourceGroup } from "./handlers/create-resource-group";
import { deleteAssessmentRun } from "./handlers/delete-assessment-run";
import { describeAssessmentRuns } from "./handlers/describe-assessment-runs";
import { describeAssessmentTargets } from "./handlers/describe-assessment-targets";
import { describeAssessmentTemplates } from "./handlers/describe-assessment-templates";
import { describeResourceGroups } from "./handlers/describe-resource-groups";
import { describeRulesPackages } from "./handlers/describe-rules-packages";
import { listAssessmentRuns } from "./handlers/list-assessment-runs";
import { listAssessmentTargets } from "./handlers/list-assessment-targets";
import { listAssessmentTemplates } from "./handlers/list-assessment-templates";
import { listRulesPackages } from "./handlers/list-rules-packages";
import { startAssessmentRun } from "./handlers/start-assessment-run";
import { stopAssessmentRun } from "./handlers/stop-assessment-run";
import type { ClassicHandler } from "./request";

/**
 * The Inspector Classic operations the emulator serves, by model name. Each handler declares its own input
 * shape; the core has validated the input against the model, hence the cast in ClassicService.handle.
 */
export const CLASSIC_OPERATIONS: Readonly<Record<string, ClassicHandler<never>>> = {
    CreateAssessmentTarget: createAssessmentTarget,
    CreateAssessmentTemplate: createAssessmentTemplate,
    CreateResourceGroup: createResourceGroup,
    DeleteAssessmentRun: deleteAssessmentRun,
    DescribeAssessmentRuns: describeAssessmentRuns,
    DescribeAssessmentTargets: describeAssessmentTargets,
    DescribeAssessmentTemplates: describeAssessmentTemplates,
    DescribeResourceGroups: describeResourceGroups,
    DescribeRulesPackages: describeRulesPackages,
    ListAssessmentRuns: listAssessmentRuns,
    ListAssessmentTargets: listAssessmentTargets,
    ListAssessmentTemplates: listAssessmentTemplates,
    ListRulesPackages: listRulesPackages,
    StartAssessmentRun: startAssessmentRun,
    StopAssessmentRun: stopAssessmentRun,
};
