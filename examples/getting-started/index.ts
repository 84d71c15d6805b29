import * as pulumi from "@pulumi/pulumi";
import { FindingsGate, InspectorEnablement } from "pulumi-inspector";

const config = new pulumi.Config();
const image = config.get("image"); // e.g. image.repoDigest of a docker-build Image
const lambdaFunction = config.get("lambdaFunction"); // e.g. fn.arn of an aws.lambda.Function

// Inspector (v2) scanning of this account's container images and Lambda functions, waited for until it is on.
const scanning = new InspectorEnablement("scanning", { resourceTypes: ["ECR", "LAMBDA"] });

// The release gate: waits until Inspector has scanned what is released, then fails `pulumi up` on any CRITICAL
// finding, or on more than two HIGH ones.
const gate = new FindingsGate(
    "release-gate",
    {
        images: image ? [image] : undefined,
        lambdaFunctions: lambdaFunction ? [lambdaFunction] : undefined,
        failOnSeverity: "CRITICAL",
        thresholds: { high: 2 },
    },
    { dependsOn: [scanning] },
);

export const enabledAccounts = scanning.enabledAccountCount;
export const verdict = gate.verdict;
export const findingCounts = gate.findingCounts;
