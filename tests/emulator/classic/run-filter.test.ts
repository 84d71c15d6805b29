import assert from "node:assert/strict";
import { runPredicate, type RunFilterInput } from "../../../emulator/classic/run-filter";
import { templatePredicate } from "../../../emulator/classic/template-filter";
import type { TemplateRecord } from "../../../emulator/classic/records";
import { ServiceError } from "../../../emulator/service-error";
import { CIS, CVE, runRecord, TEMPLATE_ARN } from "./run-fixture";

const T0 = Date.UTC(2024, 0, 1);
const seconds = (ms: number) => ms / 1000;
// At T0 + 1000 s: "short" (180 s, started T0) has completed; "long" (3600 s, started T0 + 500 s) collects data.
const NOW = T0 + 1_000_000;
const short = runRecord({ seq: 1, name: "nightly-short", createdAt: T0, durationInSeconds: 180 });
const long = runRecord({
    seq: 2,
    name: "weekly-long",
    createdAt: T0 + 500_000,
    durationInSeconds: 3600,
    rulesPackageArns: [CVE, CIS],
});
const SHORT_END = short.timeline[short.timeline.length - 1].at;

function matching(filter: RunFilterInput): string[] {
    const matches = runPredicate(filter);
    return [short, long].filter((run) => matches(run, NOW)).map((run) => run.name);
}

describe("Classic ListAssessmentRuns filter", () => {
    const cases: readonly [title: string, filter: RunFilterInput, names: string[]][] = [
        ["no attribute", {}, ["nightly-short", "weekly-long"]],
        ["namePattern", { namePattern: "nightly*" }, ["nightly-short"]],
        ["states", { states: ["COLLECTING_DATA"] }, ["weekly-long"]],
        [
            "any of several states",
            { states: ["COMPLETED", "COLLECTING_DATA"] },
            ["nightly-short", "weekly-long"],
        ],
        ["an empty states list", { states: [] }, ["nightly-short", "weekly-long"]],
        ["durationRange", { durationRange: { minSeconds: 180, maxSeconds: 180 } }, ["nightly-short"]],
        ["an open durationRange", { durationRange: { minSeconds: 600 } }, ["weekly-long"]],
        ["rulesPackageArns", { rulesPackageArns: [CIS] }, ["weekly-long"]],
        [
            "any of several rulesPackageArns",
            { rulesPackageArns: [CIS, CVE] },
            ["nightly-short", "weekly-long"],
        ],
        [
            "startTimeRange, inclusive",
            { startTimeRange: { beginDate: seconds(T0), endDate: seconds(T0) } },
            ["nightly-short"],
        ],
        ["startTimeRange after both", { startTimeRange: { beginDate: seconds(T0) + 501 } }, []],
        [
            "completionTimeRange, which an unfinished run never matches",
            { completionTimeRange: { beginDate: seconds(T0), endDate: seconds(NOW) } },
            ["nightly-short"],
        ],
        [
            "stateChangeTimeRange",
            { stateChangeTimeRange: { beginDate: seconds(SHORT_END), endDate: seconds(SHORT_END) } },
            ["nightly-short"],
        ],
        ["all attributes at once", { namePattern: "*long", states: ["COMPLETED"] }, []],
        [
            "timestamps as ISO text",
            { startTimeRange: { beginDate: new Date(T0 + 500_000).toISOString() } },
            ["weekly-long"],
        ],
    ];
    for (const [title, filter, names] of cases) {
        it(`matches by ${title}`, () => {
            assert.deepEqual(matching(filter), names);
        });
    }

    it("compares times at whole seconds, as the SDK rounds the range", () => {
        const late = runRecord({ seq: 3, name: "late", createdAt: T0 + 1400 });
        const matches = runPredicate({
            startTimeRange: { beginDate: seconds(T0) + 1, endDate: seconds(T0) + 1 },
        });
        assert.equal(matches(late, NOW), true);
    });

    const invalid: readonly [filter: RunFilterInput, errorCode: string, message: string][] = [
        [
            { durationRange: { minSeconds: 3600, maxSeconds: 180 } },
            "INVALID_ASSESSMENT_RUN_DURATION_RANGE",
            "filter.durationRange.minSeconds 3600 is greater than filter.durationRange.maxSeconds 180: the minimum must not exceed the maximum",
        ],
        [
            { startTimeRange: { beginDate: 1704067300, endDate: 1704067200 } },
            "INVALID_ASSESSMENT_RUN_START_TIME_RANGE",
            "filter.startTimeRange.beginDate 2024-01-01T00:01:40.000Z is after filter.startTimeRange.endDate 2024-01-01T00:00:00.000Z: the range must not end before it begins",
        ],
        [
            { completionTimeRange: { beginDate: 1704067300, endDate: 1704067200 } },
            "INVALID_ASSESSMENT_RUN_COMPLETION_TIME_RANGE",
            "filter.completionTimeRange.beginDate 2024-01-01T00:01:40.000Z is after filter.completionTimeRange.endDate 2024-01-01T00:00:00.000Z: the range must not end before it begins",
        ],
        [
            { stateChangeTimeRange: { beginDate: 1704067300, endDate: 1704067200 } },
            "INVALID_ASSESSMENT_RUN_STATE_CHANGE_TIME_RANGE",
            "filter.stateChangeTimeRange.beginDate 2024-01-01T00:01:40.000Z is after filter.stateChangeTimeRange.endDate 2024-01-01T00:00:00.000Z: the range must not end before it begins",
        ],
        [
            { startTimeRange: { beginDate: "yesterday" } },
            "INVALID_ASSESSMENT_RUN_START_TIME_RANGE",
            'filter.startTimeRange.beginDate "yesterday" is not a timestamp: send epoch seconds',
        ],
    ];
    for (const [filter, errorCode, message] of invalid) {
        it(`refuses ${JSON.stringify(filter)} with ${errorCode}`, () => {
            assert.throws(
                () => runPredicate(filter),
                (error: unknown) =>
                    error instanceof ServiceError &&
                    error.code === "InvalidInputException" &&
                    error.members.errorCode === errorCode &&
                    error.message === message,
            );
        });
    }
});

describe("Classic ListAssessmentTemplates filter", () => {
    const template = (
        name: string,
        durationInSeconds: number,
        rulesPackageArns: string[],
    ): TemplateRecord => ({
        seq: 1,
        arn: TEMPLATE_ARN,
        name,
        targetArn: TEMPLATE_ARN.split("/template/")[0],
        durationInSeconds,
        rulesPackageArns,
        userAttributesForFindings: [],
        createdAt: T0,
    });
    const hourly = template("hourly-cve", 3600, [CVE]);
    const quick = template("quick-cis", 180, [CIS]);
    const names = (filter: Parameters<typeof templatePredicate>[0]) =>
        [hourly, quick].filter(templatePredicate(filter)).map((t) => t.name);

    it("matches by name pattern, duration range and rules packages", () => {
        assert.deepEqual(names(undefined), ["hourly-cve", "quick-cis"]);
        assert.deepEqual(names({ namePattern: "*-cis" }), ["quick-cis"]);
        assert.deepEqual(names({ durationRange: { minSeconds: 1000 } }), ["hourly-cve"]);
        assert.deepEqual(names({ rulesPackageArns: [CVE] }), ["hourly-cve"]);
        assert.deepEqual(names({ namePattern: "hourly*", rulesPackageArns: [CIS] }), []);
    });

    it("refuses a duration range that ends before it begins", () => {
        assert.throws(
            () => templatePredicate({ durationRange: { minSeconds: 600, maxSeconds: 300 } }),
            (error: unknown) =>
                error instanceof ServiceError &&
                error.members.errorCode === "INVALID_ASSESSMENT_TEMPLATE_DURATION_RANGE" &&
                error.message ===
                    "filter.durationRange.minSeconds 600 is greater than filter.durationRange.maxSeconds 300: the minimum must not exceed the maximum",
        );
    });
});
