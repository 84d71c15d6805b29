import assert from "node:assert/strict";
import {
    ListAssessmentRunsCommand,
    paginateListAssessmentRuns,
    StopAssessmentRunCommand,
    type AssessmentRunFilter,
} from "@aws-sdk/client-inspector";
import { ClassicHarness, expectClassicError, STANDALONE_ACCOUNT } from "../classic-harness";
import { createTemplate, startRun, UNTIL_FINISHED_MS, US_EAST_1_CIS, US_EAST_1_CVE } from "../sdk-fixtures";

describe("Classic ListAssessmentRuns", () => {
    let harness: ClassicHarness;
    /** Runs by name; see the `before` hook for what each one is. */
    const runs: Record<string, string> = {};
    let quickTemplate = "";
    let startedAt = 0;
    let finishedAt = 0;

    // "nightly-1" (seeded one-hour template) finished; "quick-1" (180 s, CIS) canceled; "nightly-2" in progress.
    before(async () => {
        harness = await ClassicHarness.start();
        const client = harness.client();
        quickTemplate = await createTemplate(client, {
            targetName: "quick",
            durationInSeconds: 180,
            rulesPackageArns: [US_EAST_1_CIS],
        });
        startedAt = harness.now();
        runs["nightly-1"] = await startRun(client, harness.templateArn, "nightly-1");
        runs["quick-1"] = await startRun(client, quickTemplate, "quick-1");
        await client.send(
            new StopAssessmentRunCommand({
                assessmentRunArn: runs["quick-1"],
                stopAction: "SKIP_EVALUATION",
            }),
        );
        harness.advance(UNTIL_FINISHED_MS);
        finishedAt = harness.now();
        runs["nightly-2"] = await startRun(client, harness.templateArn, "nightly-2");
    });
    after(() => harness.close());

    async function list(filter?: AssessmentRunFilter, assessmentTemplateArns?: string[]): Promise<string[]> {
        const { assessmentRunArns } = await harness
            .client()
            .send(new ListAssessmentRunsCommand({ filter, assessmentTemplateArns, maxResults: 100 }));
        const names = Object.entries(runs);
        return (assessmentRunArns ?? []).map((arn) => names.find(([, runArn]) => runArn === arn)?.[0] ?? arn);
    }

    it("lists all the caller's runs, oldest first", async () => {
        assert.deepEqual(await list(), ["nightly-1", "quick-1", "nightly-2"]);
    });

    it("lists the runs of the given templates only", async () => {
        assert.deepEqual(await list(undefined, [quickTemplate]), ["quick-1"]);
        assert.deepEqual(await list(undefined, [harness.templateArn, quickTemplate]), [
            "nightly-1",
            "quick-1",
            "nightly-2",
        ]);
    });

    const filters: readonly [title: string, filter: () => AssessmentRunFilter, names: string[]][] = [
        ["namePattern", () => ({ namePattern: "nightly-*" }), ["nightly-1", "nightly-2"]],
        ["states", () => ({ states: ["CANCELED", "CREATED"] }), ["quick-1", "nightly-2"]],
        ["durationRange", () => ({ durationRange: { maxSeconds: 600 } }), ["quick-1"]],
        ["rulesPackageArns", () => ({ rulesPackageArns: [US_EAST_1_CVE] }), ["nightly-1", "nightly-2"]],
        [
            "any of several rulesPackageArns",
            () => ({ rulesPackageArns: [US_EAST_1_CVE, US_EAST_1_CIS] }),
            ["nightly-1", "quick-1", "nightly-2"],
        ],
        [
            "startTimeRange",
            () => ({ startTimeRange: { beginDate: new Date(finishedAt), endDate: new Date(finishedAt) } }),
            ["nightly-2"],
        ],
        [
            "completionTimeRange",
            () => ({
                completionTimeRange: { beginDate: new Date(startedAt), endDate: new Date(finishedAt) },
            }),
            ["nightly-1", "quick-1"],
        ],
        [
            "stateChangeTimeRange",
            () => ({ stateChangeTimeRange: { beginDate: new Date(finishedAt) } }),
            ["nightly-2"],
        ],
        [
            "several attributes at once",
            () => ({ namePattern: "*-1", states: ["COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED"] }),
            ["nightly-1"],
        ],
    ];
    for (const [title, filter, names] of filters) {
        it(`filters by ${title}`, async () => {
            assert.deepEqual(await list(filter()), names);
        });
    }

    it("pages through the runs with nextToken", async () => {
        const client = harness.client();
        const first = await client.send(new ListAssessmentRunsCommand({ maxResults: 2 }));
        assert.deepEqual(first.assessmentRunArns, [runs["nightly-1"], runs["quick-1"]]);
        assert.ok(first.nextToken);
        const second = await client.send(
            new ListAssessmentRunsCommand({ maxResults: 2, nextToken: first.nextToken }),
        );
        assert.deepEqual(second.assessmentRunArns, [runs["nightly-2"]]);
        assert.equal(second.nextToken, undefined);

        const paged: string[] = [];
        for await (const page of paginateListAssessmentRuns({ client, pageSize: 1 }, {})) {
            paged.push(...(page.assessmentRunArns ?? []));
        }
        assert.deepEqual(paged, [runs["nightly-1"], runs["quick-1"], runs["nightly-2"]]);
    });

    it("refuses a token it did not hand out", async () => {
        const error = await expectClassicError(
            harness.client().send(new ListAssessmentRunsCommand({ nextToken: "forged" })),
            "InvalidInputException",
            { errorCode: "INVALID_PAGINATION_TOKEN", canRetry: false },
        );
        assert.equal(
            error.message,
            'nextToken "forged" is not valid: pass the nextToken of the previous page unchanged',
        );
    });

    it("refuses a filter whose range ends before it begins", async () => {
        const error = await expectClassicError(
            harness.client().send(
                new ListAssessmentRunsCommand({
                    filter: { durationRange: { minSeconds: 3600, maxSeconds: 600 } },
                }),
            ),
            "InvalidInputException",
            { errorCode: "INVALID_ASSESSMENT_RUN_DURATION_RANGE" },
        );
        assert.equal(
            error.message,
            "filter.durationRange.minSeconds 3600 is greater than filter.durationRange.maxSeconds 600: the minimum must not exceed the maximum",
        );
    });

    it("answers NoSuchEntityException for a template the caller does not have", async () => {
        const standalone = harness.client({ accountId: STANDALONE_ACCOUNT });
        const error = await expectClassicError(
            standalone.send(new ListAssessmentRunsCommand({ assessmentTemplateArns: [harness.templateArn] })),
            "NoSuchEntityException",
            { errorCode: "ASSESSMENT_TEMPLATE_DOES_NOT_EXIST", canRetry: false },
        );
        assert.equal(
            error.message,
            `assessmentTemplateArns[0] "${harness.templateArn}" names no assessment template of account ${STANDALONE_ACCOUNT} in region us-east-1`,
        );
    });

    it("shows no runs of other accounts or regions", async () => {
        const standalone = harness.client({ accountId: STANDALONE_ACCOUNT });
        assert.deepEqual((await standalone.send(new ListAssessmentRunsCommand({}))).assessmentRunArns, []);
        const elsewhere = harness.client({ region: "eu-west-1" });
        assert.deepEqual((await elsewhere.send(new ListAssessmentRunsCommand({}))).assessmentRunArns, []);
    });
});
