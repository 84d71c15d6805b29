// A deployment gate: `pulumi up` fails when the assessment finds issues at or above the configured severity.
// AWS retired Inspector Classic on 2026-05-20: run it against the emulator or a Classic-compatible endpoint.
import * as pulumi from "@pulumi/pulumi";
import { AssessmentRun, type FailOnSeverity } from "pulumi-inspector";

const config = new pulumi.Config();
const release = config.get("release");

const gate = new AssessmentRun("release-gate", {
    assessmentTemplateArn: config.require("templateArn"),
    waitForCompletion: true,
    // Checked by the resource at preview, with a message naming the value and the accepted ones.
    failOnFindings: config.get<FailOnSeverity>("failOnFindings") ?? "High",
    waitTimeoutSeconds: config.getNumber("waitTimeoutSeconds"),
    // Each release gets a run of its own; an unchanged release keeps its verdict.
    triggers: release === undefined ? undefined : [release],
});

export const runArn = gate.assessmentRunArn;
export const runName = gate.assessmentRunName;
export const runState = gate.state;
export const findingCounts = gate.findingCounts;
