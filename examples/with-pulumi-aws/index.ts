// The Classic target and template are plain @pulumi/aws resources; AssessmentRun runs the template on every release.
// AWS retired Inspector Classic on 2026-05-20: this needs a Classic-compatible service (see the README).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AssessmentRun, type FailOnSeverity } from "pulumi-inspector";

const config = new pulumi.Config();

// The EC2 instances to assess: those carrying this tag (they need the Inspector agent).
const instances = new aws.inspector.ResourceGroup("instances", {
    tags: { [config.get("tagKey") ?? "inspect"]: config.get("tagValue") ?? "true" },
});

const target = new aws.inspector.AssessmentTarget("instances", {
    resourceGroupArn: instances.arn,
});

// Every rules package Inspector Classic offers in the region.
const rulesPackages = aws.inspector.getRulesPackagesOutput();

const template = new aws.inspector.AssessmentTemplate("instances", {
    targetArn: target.arn,
    duration: config.getNumber("durationSeconds") ?? 3600,
    rulesPackageArns: rulesPackages.arns,
});

const run = new AssessmentRun("instances", {
    assessmentTemplateArn: template.arn,
    failOnFindings: config.get<FailOnSeverity>("failOnFindings"),
    waitForCompletion: config.getBoolean("waitForCompletion") ?? false,
    // A new release (for example a new AMI ID) starts a new run.
    triggers: [config.get("release") ?? "initial"],
});

export const templateArn = template.arn;
export const runArn = run.assessmentRunArn;
export const runState = run.state;
export const findingCounts = run.findingCounts;
