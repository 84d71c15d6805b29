import assert from "node:assert/strict";
import type { ScanFindingSettings, ScanResourceSettings } from "../../emulator/settings/settings";
import { evaluateGate } from "../../provider/findings-gate/evaluate";
import { coverageFilter, findingFilter } from "../../provider/findings-gate/operations";
import {
    ACCOUNT,
    afterScans,
    DIGEST,
    enableScanning,
    FUNCTION_ARN,
    GATE_OPERATIONS,
    GATE_RESOURCES,
    gateInputs,
    IMAGE_ARN,
    IMAGE_URI,
    INSTANCE_ID,
    inspectorCalls,
    OTHER_DIGEST,
    recordingContext,
    type SentRequest,
    useGateEmulator,
} from "./emulator-fixture";

const equals = (value: string) => ({ comparison: "EQUALS", value });

/** An image with `count` findings of one severity. */
function imageWith(count: number, severity: ScanFindingSettings["severity"]): ScanResourceSettings {
    return {
        resourceType: "AWS_ECR_CONTAINER_IMAGE",
        resourceId: IMAGE_ARN,
        findings: Array.from({ length: count }, (_, index) => ({
            vulnerabilityId: `CVE-2026-${String(index).padStart(5, "0")}`,
            severity,
            packageName: `pkg-${index}`,
            packageVersion: "1.0.0",
        })),
    };
}

async function evaluate(args: Record<string, unknown>) {
    const { context, requests, close } = recordingContext();
    try {
        const result = await evaluateGate(gateInputs(args), context, { wait: true });
        return { ...result, requests };
    } finally {
        close();
    }
}

function byOperation(requests: readonly SentRequest[], operation: string): Record<string, unknown>[] {
    return requests.filter((request) => request.operation === operation).map((request) => request.input);
}

describe("FindingsGate calls to Inspector", () => {
    describe("the filters", () => {
        it("ListCoverage: the subjects' field, and the resource type where the field alone lists others", () => {
            assert.deepEqual(
                coverageFilter({
                    field: "lambdaFunctionName",
                    values: ["a", "b"],
                    resourceType: "AWS_LAMBDA_FUNCTION",
                }),
                {
                    lambdaFunctionName: [equals("a"), equals("b")],
                    resourceType: [equals("AWS_LAMBDA_FUNCTION")],
                },
            );
        });

        const criteria = {
            severities: ["CRITICAL", "HIGH"] as const,
            onlyFixAvailable: false,
            onlyExploitAvailable: false,
        };
        const cases: {
            title: string;
            criteria: Parameters<typeof findingFilter>[1];
            filter: Record<string, unknown>;
        }[] = [
            {
                title: "ACTIVE findings of the judged severities",
                criteria: { ...criteria, severities: [...criteria.severities] },
                filter: {
                    ecrImageHash: [equals(DIGEST)],
                    findingStatus: [equals("ACTIVE")],
                    severity: [equals("CRITICAL"), equals("HIGH")],
                },
            },
            {
                title: "every severity needs no severity filter",
                criteria: {
                    ...criteria,
                    severities: ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNTRIAGED"],
                },
                filter: { ecrImageHash: [equals(DIGEST)], findingStatus: [equals("ACTIVE")] },
            },
            {
                title: "a fix (YES or PARTIAL) and an exploit when asked",
                criteria: { severities: ["CRITICAL"], onlyFixAvailable: true, onlyExploitAvailable: true },
                filter: {
                    ecrImageHash: [equals(DIGEST)],
                    findingStatus: [equals("ACTIVE")],
                    severity: [equals("CRITICAL")],
                    fixAvailable: [equals("YES"), equals("PARTIAL")],
                    exploitAvailable: [equals("YES")],
                },
            },
        ];
        for (const { title, criteria: given, filter } of cases) {
            it(`ListFindings: ${title}`, () =>
                assert.deepEqual(findingFilter({ field: "ecrImageHash", values: [DIGEST] }, given), filter));
        }
    });

    describe("how many per evaluation", () => {
        const fixture = useGateEmulator();

        it("one filter per kind of lookup, with every subject of that kind in it", async () => {
            await enableScanning();
            await afterScans();
            const otherImage = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/web@${OTHER_DIGEST}`;
            const { evaluation, requests } = await evaluate({
                images: [IMAGE_URI, otherImage],
                lambdaFunctions: [FUNCTION_ARN, "billing"],
                ec2Instances: [INSTANCE_ID],
                codeRepositories: ["payments"],
                failOnSeverity: "HIGH",
                // Without waiting: the image "web" and the function "billing" do not exist, and a listed
                // resource of an enabled type that is missing from the coverage is waited for.
                waitForScan: false,
            });
            assert.deepEqual(inspectorCalls(fixture.emulator, GATE_OPERATIONS).sort(), [
                "ListCoverage",
                "ListCoverage",
                "ListCoverage",
                "ListFindings",
                "ListFindings",
                "ListFindings",
            ]);
            const otherArn = IMAGE_ARN.replace("shop", "web").replace(DIGEST, OTHER_DIGEST);
            assert.deepEqual(
                byOperation(requests, "ListCoverage").map((input) => input.filterCriteria),
                [
                    { resourceId: [equals(IMAGE_ARN), equals(otherArn), equals(INSTANCE_ID)] },
                    {
                        lambdaFunctionName: [equals("billing"), equals("checkout")],
                        resourceType: [equals("AWS_LAMBDA_FUNCTION")],
                    },
                    {
                        codeRepositoryProjectName: [equals("payments")],
                        resourceType: [equals("CODE_REPOSITORY")],
                    },
                ],
            );
            const status = {
                findingStatus: [equals("ACTIVE")],
                severity: [equals("CRITICAL"), equals("HIGH")],
            };
            assert.deepEqual(byOperation(requests, "ListFindings"), [
                {
                    filterCriteria: {
                        resourceId: [equals(IMAGE_ARN), equals(otherArn), equals(INSTANCE_ID)],
                        ...status,
                    },
                    sortCriteria: { field: "SEVERITY", sortOrder: "DESC" },
                    maxResults: 100,
                },
                {
                    filterCriteria: {
                        lambdaFunctionName: [equals("billing"), equals("checkout")],
                        ...status,
                    },
                    sortCriteria: { field: "SEVERITY", sortOrder: "DESC" },
                    maxResults: 100,
                },
                {
                    filterCriteria: { codeRepositoryProjectName: [equals("payments")], ...status },
                    sortCriteria: { field: "SEVERITY", sortOrder: "DESC" },
                    maxResults: 100,
                },
            ]);
            assert.deepEqual(evaluation.findingCounts, { critical: 1, high: 3 });
            assert.deepEqual(
                evaluation.resources.map((resource) => resource.status),
                ["SCANNED", "NOT_COVERED", "SCANNED", "NOT_COVERED", "UNSUPPORTED", "SCANNED"],
            );
        });

        it("a finding reached through two filters counts once", async () => {
            await enableScanning();
            await afterScans();
            const { evaluation } = await evaluate({
                images: [{ repositoryName: "shop", imageDigest: DIGEST }],
                accountIds: [ACCOUNT],
                failOnSeverity: "HIGH",
            });
            assert.deepEqual(inspectorCalls(fixture.emulator, ["ListFindings"]), [
                "ListFindings",
                "ListFindings",
            ]);
            assert.deepEqual(evaluation.findingCounts, { critical: 1, high: 3 });
        });
    });

    describe("every page, or Inspector's aggregation where it saves calls", () => {
        const fixture = useGateEmulator([imageWith(60, "HIGH"), ...GATE_RESOURCES.slice(1)]);

        it("reads every page of an image's findings (Inspector answers 25 a page)", async () => {
            await enableScanning(["ECR"]);
            await afterScans();
            const { evaluation, requests } = await evaluate({ images: [IMAGE_URI], failOnSeverity: "HIGH" });
            assert.deepEqual(inspectorCalls(fixture.emulator, GATE_OPERATIONS), [
                "ListCoverage",
                "ListFindings",
                "ListFindings",
                "ListFindings",
            ]);
            const pages = byOperation(requests, "ListFindings");
            assert.equal(pages[0].nextToken, undefined);
            assert.equal(typeof pages[1].nextToken, "string");
            assert.deepEqual(evaluation.findingCounts, { critical: 0, high: 60 });
            assert.equal(evaluation.worstFindings.length, 10);
        });

        it("counts a whole account with ListFindingAggregations after one page, when it answers the question", async () => {
            await enableScanning(["ECR", "LAMBDA"]);
            await afterScans();
            const { evaluation, requests } = await evaluate({
                accountIds: [ACCOUNT],
                failOnSeverity: "HIGH",
            });
            assert.deepEqual(inspectorCalls(fixture.emulator, GATE_OPERATIONS), [
                "ListFindings",
                "ListFindingAggregations",
            ]);
            assert.deepEqual(byOperation(requests, "ListFindingAggregations"), [
                {
                    aggregationType: "ACCOUNT",
                    accountIds: [equals(ACCOUNT)],
                    aggregationRequest: { accountAggregation: {} },
                    maxResults: 100,
                },
            ]);
            // 60 HIGH on the image and 1 HIGH on the function (three pages of 25); the worst ten from the first.
            assert.deepEqual(evaluation.findingCounts, { critical: 0, high: 61 });
            assert.equal(evaluation.worstFindings.length, 10);
            assert.equal(evaluation.passed, false);
        });

        it("pages through a whole account when the aggregation cannot answer (a fix filter)", async () => {
            await enableScanning(["ECR", "LAMBDA"]);
            await afterScans();
            const { evaluation } = await evaluate({
                accountIds: [ACCOUNT],
                failOnSeverity: "HIGH",
                onlyFixAvailable: true,
            });
            assert.deepEqual(inspectorCalls(fixture.emulator, GATE_OPERATIONS), ["ListFindings"]);
            assert.deepEqual(evaluation.findingCounts, { critical: 0, high: 1 });
        });

        it("pages through a whole account when the aggregation cannot answer (LOW)", async () => {
            await enableScanning(["ECR", "LAMBDA"]);
            await afterScans();
            const { evaluation } = await evaluate({ accountIds: [ACCOUNT], failOnSeverity: "LOW" });
            assert.deepEqual(inspectorCalls(fixture.emulator, GATE_OPERATIONS), [
                "ListFindings",
                "ListFindings",
                "ListFindings",
            ]);
            assert.deepEqual(evaluation.findingCounts, { critical: 0, high: 61, medium: 0, low: 0 });
        });
    });
});
