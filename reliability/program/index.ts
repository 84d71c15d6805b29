// The program of the reliability matrix's `pulumi killed` cells: one resource of this package, its type and its
// arguments from stack config, so that each step (create, update, refresh, delete) is a config change and a
// `pulumi up`. `present: false` takes the resource out of the program, so `pulumi up` deletes it.
import * as pulumi from "@pulumi/pulumi";
import {
    AssessmentRun,
    FindingsGate,
    InspectorEnablement,
    type AssessmentRunArgs,
    type FindingsGateArgs,
    type InspectorEnablementArgs,
} from "pulumi-inspector";

const config = new pulumi.Config();
const resource = config.require("resource");
const args = config.requireObject<Record<string, unknown>>("args");

if (config.getBoolean("present") ?? true) {
    switch (resource) {
        case "InspectorEnablement":
            new InspectorEnablement("subject", args as unknown as InspectorEnablementArgs);
            break;
        case "AssessmentRun":
            new AssessmentRun("subject", args as unknown as AssessmentRunArgs);
            break;
        case "FindingsGate":
            new FindingsGate("subject", args as unknown as FindingsGateArgs);
            break;
        default:
            throw new Error(`unknown resource ${resource}`);
    }
}
