import assert from "node:assert/strict";
import { MAX_ASSESSMENT_TARGETS } from "../../../emulator/classic/limits";
import { ClassicService } from "../../../emulator/classic/service";
import { ServiceError } from "../../../emulator/service-error";
import { ADMIN, FakeContext } from "./fake-context";

interface DescribedRun {
    state: string;
    findingCounts: Record<string, number>;
    notifications: { error: boolean; message: string }[];
}

async function startRun(service: ClassicService, templateArn: string, name?: string): Promise<string> {
    const output = await service.handle(
        "StartAssessmentRun",
        { assessmentTemplateArn: templateArn, ...(name ? { assessmentRunName: name } : {}) },
        ADMIN,
    );
    return output.assessmentRunArn as string;
}

async function describeRun(service: ClassicService, runArn: string): Promise<DescribedRun> {
    const output = await service.handle("DescribeAssessmentRuns", { assessmentRunArns: [runArn] }, ADMIN);
    return (output.assessmentRuns as DescribedRun[])[0];
}

const LATER = 24 * 3600 * 1000;

describe("ClassicService", () => {
    let context: FakeContext;
    let service: ClassicService;
    beforeEach(() => {
        context = new FakeContext();
        service = new ClassicService(context);
    });

    it("serves the Classic operations by their model names", () => {
        assert.ok(service.operations.includes("StartAssessmentRun"));
        assert.ok(service.operations.includes("ListAssessmentRuns"));
        assert.equal(service.name, "inspector");
    });

    describe("seedDefaults", () => {
        it("creates a target and a one-hour template over the region's rules packages", async () => {
            const seeded = service.seedDefaults("111122223333", "us-east-1");
            assert.match(
                seeded.assessmentTargetArn,
                /^arn:aws:inspector:us-east-1:111122223333:target\/0-\w{8}$/,
            );
            assert.ok(seeded.assessmentTemplateArn.startsWith(`${seeded.assessmentTargetArn}/template/0-`));
            const output = await service.handle(
                "DescribeAssessmentTemplates",
                { assessmentTemplateArns: [seeded.assessmentTemplateArn] },
                ADMIN,
            );
            const [template] = output.assessmentTemplates as {
                durationInSeconds: number;
                rulesPackageArns: string[];
            }[];
            assert.equal(template.durationInSeconds, 3600);
            assert.equal(template.rulesPackageArns.length, 4);
            assert.deepEqual(context.mutations, [], "seeding is not a caller's mutation");
        });

        it("finds what it seeded before instead of adding copies", () => {
            const first = service.seedDefaults("111122223333", "us-east-1");
            assert.deepEqual(service.seedDefaults("111122223333", "us-east-1"), first);
        });

        it("gives the same ARNs after a reset, and others for another seed", () => {
            const first = service.seedDefaults("111122223333", "us-east-1");
            service.reset();
            assert.deepEqual(service.seedDefaults("111122223333", "us-east-1"), first);
            service.reset();
            context.withClassic({}, 7);
            assert.notDeepEqual(service.seedDefaults("111122223333", "us-east-1"), first);
        });
    });

    describe("settings", () => {
        it("force the outcome of runs started afterwards", async () => {
            const { assessmentTemplateArn } = service.seedDefaults("111122223333", "us-east-1");
            context.withClassic({ outcome: "FAILED" });
            const failing = await startRun(service, assessmentTemplateArn, "failing");
            context.time += LATER;
            const failed = await describeRun(service, failing);
            assert.equal(failed.state, "FAILED");
            assert.equal(failed.notifications[0].error, true);
            assert.match(failed.notifications[0].message, /failed/);

            context.withClassic({ outcome: "COMPLETED_WITH_ERRORS" });
            const partial = await startRun(service, assessmentTemplateArn, "partial");
            context.time += LATER;
            assert.equal((await describeRun(service, partial)).state, "COMPLETED_WITH_ERRORS");
            assert.equal(
                (await describeRun(service, failing)).state,
                "FAILED",
                "earlier runs keep their outcome",
            );
        });

        it("force the finding counts, severities left out counting zero", async () => {
            const { assessmentTemplateArn } = service.seedDefaults("111122223333", "us-east-1");
            context.withClassic({ outcome: "COMPLETED", findingCounts: { High: 4, Informational: 2 } });
            const run = await startRun(service, assessmentTemplateArn);
            assert.deepEqual((await describeRun(service, run)).findingCounts, {
                High: 0,
                Medium: 0,
                Low: 0,
                Informational: 0,
                Undefined: 0,
            });
            context.time += LATER;
            assert.deepEqual((await describeRun(service, run)).findingCounts, {
                High: 4,
                Medium: 0,
                Low: 0,
                Informational: 2,
                Undefined: 0,
            });
        });

        it("treat null as not forcing anything", async () => {
            const { assessmentTemplateArn } = service.seedDefaults("111122223333", "us-east-1");
            context.withClassic({ outcome: null, findingCounts: null });
            const run = await startRun(service, assessmentTemplateArn);
            context.time += LATER;
            const described = await describeRun(service, run);
            assert.ok(["COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED"].includes(described.state));
        });

        it("freeze the time scale of a run at its start", async () => {
            const { assessmentTemplateArn } = service.seedDefaults("111122223333", "us-east-1");
            context.withClassic({ timeScale: 1, outcome: "COMPLETED" });
            const run = await startRun(service, assessmentTemplateArn);
            context.withClassic({ timeScale: 1_000_000 });
            context.time += 60_000;
            assert.equal((await describeRun(service, run)).state, "COLLECTING_DATA");
        });
    });

    describe("snapshot and restore", () => {
        it("carry every entity and the id counter through JSON", async () => {
            const { assessmentTemplateArn } = service.seedDefaults("111122223333", "us-east-1");
            const run = await startRun(service, assessmentTemplateArn, "before restart");
            const saved = JSON.parse(JSON.stringify(service.snapshot()));

            const restarted = new ClassicService(context);
            restarted.restore(saved);
            assert.deepEqual(await describeRun(restarted, run), await describeRun(service, run));
            context.time += LATER;
            assert.equal((await describeRun(restarted, run)).state, "COMPLETED");
            const next = await startRun(restarted, assessmentTemplateArn, "after restart");
            assert.equal(next, await startRun(service, assessmentTemplateArn, "after restart"));
        });

        it("refuses what is not a Classic snapshot", () => {
            assert.throws(
                () => service.restore({ version: 2 }),
                /Inspector Classic state is not a snapshot this emulator wrote: expected \{ version: 1, counter, scopes\[\] \}/,
            );
        });

        it("reset forgets everything", async () => {
            const { assessmentTemplateArn } = service.seedDefaults("111122223333", "us-east-1");
            service.reset();
            await assert.rejects(
                startRun(service, assessmentTemplateArn),
                (error: unknown) => error instanceof ServiceError && error.code === "NoSuchEntityException",
            );
            assert.deepEqual(service.snapshot(), { version: 1, counter: 0, scopes: [] });
        });
    });

    it("refuses more than 50 assessment targets per account and region", async () => {
        service.seedDefaults("111122223333", "us-east-1");
        for (let index = 2; index <= MAX_ASSESSMENT_TARGETS; index++) {
            await service.handle(
                "CreateAssessmentTarget",
                { assessmentTargetName: `target-${index}` },
                ADMIN,
            );
        }
        await assert.rejects(
            service.handle("CreateAssessmentTarget", { assessmentTargetName: "one-too-many" }, ADMIN),
            (error: unknown) =>
                error instanceof ServiceError &&
                error.code === "LimitExceededException" &&
                error.members.errorCode === "ASSESSMENT_TARGET_LIMIT_EXCEEDED" &&
                error.members.canRetry === false &&
                error.message ===
                    'assessmentTargetName "one-too-many" cannot be created: account 111122223333 already has the maximum of 50 assessment targets in region us-east-1',
        );
        const elsewhere = { ...ADMIN, region: "eu-west-1" };
        await service.handle("CreateAssessmentTarget", { assessmentTargetName: "one-too-many" }, elsewhere);
    });

    it("counts executed mutations for the caller's account", async () => {
        const { assessmentTemplateArn } = service.seedDefaults("111122223333", "us-east-1");
        const run = await startRun(service, assessmentTemplateArn);
        await service.handle("DescribeAssessmentRuns", { assessmentRunArns: [run] }, ADMIN);
        await service.handle("StopAssessmentRun", { assessmentRunArn: run }, ADMIN);
        await service.handle("StopAssessmentRun", { assessmentRunArn: run }, ADMIN);
        context.time += LATER;
        await service.handle("DeleteAssessmentRun", { assessmentRunArn: run }, ADMIN);
        assert.deepEqual(context.mutations, [
            { operation: "StartAssessmentRun", accountId: "111122223333" },
            { operation: "StopAssessmentRun", accountId: "111122223333" },
            { operation: "DeleteAssessmentRun", accountId: "111122223333" },
        ]);
    });

    it("refuses an operation it does not emulate", async () => {
        await assert.rejects(
            service.handle("GetAssessmentReport", {}, ADMIN),
            /Inspector Classic operation GetAssessmentReport is not emulated/,
        );
    });
});
