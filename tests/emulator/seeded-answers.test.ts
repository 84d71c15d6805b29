import assert from "node:assert/strict";
import {
    CreateAssessmentTargetCommand,
    CreateAssessmentTemplateCommand,
    DescribeAssessmentRunsCommand,
    InspectorClient,
    ListRulesPackagesCommand,
    StartAssessmentRunCommand,
} from "@aws-sdk/client-inspector";
import {
    EnableCommand,
    Inspector2Client,
    paginateListFindings,
    type Finding,
} from "@aws-sdk/client-inspector2";
import { DEFAULT_SETTINGS, startEmulator, type RunningEmulator } from "../../emulator";

const REGION = "us-east-1";
const ADMINISTRATOR = DEFAULT_SETTINGS.accounts.find((account) => account.role === "administrator");
const DAY_MS = 24 * 3600 * 1000;

/**
 * A fresh emulator whose clock starts at `startsAt` and moves only when told to, with SDK clients signing as the
 * administrator. Runs and scans pass in emulated time, so nothing here sleeps.
 */
async function freshEmulator(startsAt: number) {
    let clock = startsAt;
    const emulator: RunningEmulator = await startEmulator({ now: () => clock });
    assert.ok(ADMINISTRATOR?.accessKeyId && ADMINISTRATOR.secretAccessKey);
    const config = {
        endpoint: emulator.url,
        region: REGION,
        credentials: {
            accessKeyId: ADMINISTRATOR.accessKeyId,
            secretAccessKey: ADMINISTRATOR.secretAccessKey,
        },
        // Signatures carry the real time: keep the emulated clock within the allowed skew of it.
        systemClockOffset: startsAt - Date.now(),
        maxAttempts: 1,
    };
    const classic = new InspectorClient(config);
    const inspector2 = new Inspector2Client(config);
    return {
        emulator,
        classic,
        inspector2,
        advance(ms: number) {
            clock += ms;
            classic.config.systemClockOffset += ms;
            inspector2.config.systemClockOffset += ms;
        },
        async close() {
            classic.destroy();
            inspector2.destroy();
            await emulator.close();
        },
    };
}
type Fresh = Awaited<ReturnType<typeof freshEmulator>>;

/** Starts a run of the template and lets it finish (a one-hour run is a second at the default time scale). */
async function finishedRun(fresh: Fresh, templateArn: string, name: string) {
    const { assessmentRunArn } = await fresh.classic.send(
        new StartAssessmentRunCommand({ assessmentTemplateArn: templateArn, assessmentRunName: name }),
    );
    fresh.advance(60_000);
    const { assessmentRuns } = await fresh.classic.send(
        new DescribeAssessmentRunsCommand({ assessmentRunArns: [assessmentRunArn ?? ""] }),
    );
    const run = assessmentRuns?.[0];
    assert.ok(run);
    return { arn: run.arn ?? "", state: run.state, findingCounts: run.findingCounts };
}

async function createTemplate(fresh: Fresh, name: string): Promise<string> {
    const { assessmentTargetArn } = await fresh.classic.send(
        new CreateAssessmentTargetCommand({ assessmentTargetName: `${name}-target` }),
    );
    const { rulesPackageArns } = await fresh.classic.send(new ListRulesPackagesCommand({}));
    const { assessmentTemplateArn } = await fresh.classic.send(
        new CreateAssessmentTemplateCommand({
            assessmentTargetArn,
            assessmentTemplateName: name,
            durationInSeconds: 3600,
            rulesPackageArns: rulesPackageArns?.slice(0, 2),
        }),
    );
    assert.ok(assessmentTemplateArn);
    return assessmentTemplateArn;
}

/** The value without its times (when the scan happened, the image was pushed, the exploit was last seen). */
function withoutTimes(value: unknown): unknown {
    if (value instanceof Date) return "<time>";
    if (Array.isArray(value)) return value.map(withoutTimes);
    if (value && typeof value === "object")
        return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, withoutTimes(member)]));
    return value;
}

/** Every finding the administrator sees, without its times. */
async function findings(fresh: Fresh): Promise<unknown[]> {
    const all: Finding[] = [];
    for await (const page of paginateListFindings({ client: fresh.inspector2 }, {}))
        all.push(...(page.findings ?? []));
    return all.map(withoutTimes) as unknown[];
}

describe("the emulator's seeded answers", () => {
    const opened: Fresh[] = [];
    const open = async (startsAt: number) => {
        const fresh = await freshEmulator(startsAt);
        opened.push(fresh);
        return fresh;
    };
    afterEach(async () => {
        for (const fresh of opened.splice(0)) await fresh.close();
    });

    it("give a Classic run of the seeded template the documented findings, whatever ran before and whatever its name", async () => {
        const first = await open(Date.now());
        const second = await open(Date.now());
        // The first emulator served another stack before: other runs and templates, so other ARN numbers.
        await finishedRun(first, first.emulator.templateArn, "another-stack-run");
        await createTemplate(first, "spare");
        first.advance(3_600_000);
        const a = await finishedRun(first, first.emulator.templateArn, "release-gate-dev-1a2b3c4d");
        const b = await finishedRun(second, second.emulator.templateArn, "release-gate-prod-5e6f7a8b");
        assert.notEqual(a.arn, b.arn);
        assert.equal(a.state, "COMPLETED");
        assert.equal(b.state, "COMPLETED");
        // The counts docs/assessment-run.md documents for the default seed.
        const documented = { High: 2, Medium: 4, Low: 6, Informational: 12, Undefined: 0 };
        assert.deepEqual(a.findingCounts, documented);
        assert.deepEqual(b.findingCounts, documented);
    });

    it("give a Classic run of a template the same findings in two emulators, although its ARN differs", async () => {
        const first = await open(Date.now());
        const second = await open(Date.now());
        await createTemplate(first, "created-first");
        const inFirst = await finishedRun(first, await createTemplate(first, "web"), "one");
        const inSecond = await finishedRun(second, await createTemplate(second, "web"), "two");
        assert.notEqual(inFirst.arn.split("/template/")[0], inSecond.arn.split("/template/")[0]);
        assert.deepEqual(inFirst.findingCounts, inSecond.findingCounts);
        assert.equal(inFirst.state, inSecond.state);
    });

    it("give the seeded image and function the same Inspector (v2) findings in two emulators started a day apart", async () => {
        const now = Date.now();
        const answers: unknown[][] = [];
        for (const startsAt of [now - DAY_MS / 2, now + DAY_MS / 2]) {
            const fresh = await open(startsAt);
            await fresh.inspector2.send(new EnableCommand({ resourceTypes: ["ECR", "LAMBDA", "EC2"] }));
            fresh.advance(60_000);
            answers.push(await findings(fresh));
        }
        assert.equal(answers[0].length, 5, "the seeded image's four findings and the function's one");
        assert.deepEqual(answers[0], answers[1]);
    });
});
