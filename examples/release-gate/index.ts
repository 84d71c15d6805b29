// A release gate over Amazon Inspector (v2) findings: `pulumi up` waits until Inspector has scanned the image and
// the function being released, and fails when they have findings at or above the configured severity.
import * as pulumi from "@pulumi/pulumi";
import { FindingsGate, InspectorEnablement, type FindingSeverity, type IgnoreEntry } from "pulumi-inspector";

const config = new pulumi.Config();
// What is released. In a program that builds them, pass `image.repoDigest` of a docker-build image and `fn.arn`
// of an @pulumi/aws function instead: the gate then waits for this update's image and function.
const image = config.get("image");
const lambdaFunction = config.get("lambdaFunction");

// The gate reads what Inspector found, so ECR and Lambda scanning must be on in the account. Scanning is the
// account's, not this release's: destroying this stack leaves it on (retainOnDelete). Where the organisation's
// delegated Inspector administrator turns scanning on for every account, set enableScanning to false.
const scanning =
    (config.getBoolean("enableScanning") ?? true)
        ? new InspectorEnablement("scanning", { resourceTypes: ["ECR", "LAMBDA"] }, { retainOnDelete: true })
        : undefined;

const gate = new FindingsGate(
    "release-gate",
    {
        images: image === undefined ? undefined : [image],
        lambdaFunctions: lambdaFunction === undefined ? undefined : [lambdaFunction],
        // Checked by the resource at preview, with a message naming the value and the accepted ones.
        failOnSeverity: config.get<FindingSeverity>("failOnSeverity") ?? "CRITICAL",
        ignore: config.getObject<IgnoreEntry[]>("ignore"),
        waitTimeoutSeconds: config.getNumber("waitTimeoutSeconds"),
    },
    // Scanning first, so the gate waits for Inspector's scans instead of finding nothing scanned.
    { dependsOn: scanning ? [scanning] : [] },
);

export const passed = gate.passed;
export const verdict = gate.verdict;
export const findingCounts = gate.findingCounts;
export const worstFindings = gate.worstFindings.apply((findings) =>
    findings.map((finding) => `${finding.severity} ${finding.vulnerabilityId} on ${finding.resourceId}`),
);
export const scanStatus = gate.resources.apply((resources) =>
    resources.map((resource) => ({ resourceId: resource.resourceId, status: resource.status })),
);
