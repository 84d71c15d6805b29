// Types only: Inspector Classic's SDK is an optional peer dependency, loaded by classicSdk() when a call is made.
import type { AssessmentRun } from "@aws-sdk/client-inspector";
import { callAws } from "../aws/call";
import { classicSdk } from "../aws/classic-sdk";
import type { ClassicClient } from "../aws/clients";
import { errorName } from "../aws/errors";
import type { LifecycleContext } from "../core/context";
import type { StopAction } from "./args";
import { busyRunArns, type ErrorContext, explainInspectorError, isRunNameTaken } from "./errors";
import type { AssessmentRunInputs } from "./inputs";

/** Which run (or template) a call is about, for its error message; the region is where the call goes. */
export type RunTarget = Omit<ErrorContext, "operation" | "attempts">;

/** DescribeAssessmentRuns takes at most this many ARNs per call. */
const DESCRIBE_BATCH = 10;

/** One Inspector Classic call through `callAws`, its final error explained for this run. */
function inspectorCall<T>(
    context: LifecycleContext,
    target: RunTarget,
    operation: string,
    send: (client: ClassicClient) => Promise<T>,
): Promise<T> {
    const client = context.clients.classic(target.region);
    return callAws(context, { service: "inspector", operation, region: target.region }, () => send(client), {
        explain: (error, attempts) => explainInspectorError(error, { ...target, operation, attempts }),
    });
}

/** The run with this ARN, or undefined when Inspector no longer has it. */
export async function describeRun(
    context: LifecycleContext,
    target: RunTarget,
    arn: string,
): Promise<AssessmentRun | undefined> {
    const [run] = await inspectorCall(context, target, "DescribeAssessmentRuns", (c) =>
        describeRuns(c, [arn]),
    );
    return run;
}

/**
 * The runs with these ARNs that exist, in no particular order. Inspector reports a missing run in `failedItems`
 * (ITEM_DOES_NOT_EXIST) rather than as an error; any other failed item is an error.
 */
async function describeRuns(client: ClassicClient, arns: readonly string[]): Promise<AssessmentRun[]> {
    const { DescribeAssessmentRunsCommand } = classicSdk();
    const runs: AssessmentRun[] = [];
    for (let start = 0; start < arns.length; start += DESCRIBE_BATCH) {
        const batch = arns.slice(start, start + DESCRIBE_BATCH);
        const answer = await client.send(new DescribeAssessmentRunsCommand({ assessmentRunArns: batch }));
        for (const [arn, failure] of Object.entries(answer.failedItems ?? {})) {
            if (failure.failureCode === "ITEM_DOES_NOT_EXIST") continue;
            throw Object.assign(
                new Error(`DescribeAssessmentRuns could not describe ${arn}: ${failure.failureCode}`),
                {
                    name:
                        failure.failureCode === "ACCESS_DENIED" ? "AccessDeniedException" : "DescribeFailed",
                    errorCode: failure.failureCode,
                },
            );
        }
        runs.push(...(answer.assessmentRuns ?? []));
    }
    return runs;
}

/**
 * The newest run of the template with exactly this name, if any: how a retried create finds the run it already
 * started. The name pattern narrows the listing on Inspector's side; the exact comparison afterwards matters
 * because `*` in a pattern is a wildcard.
 */
async function findRunByName(
    client: ClassicClient,
    templateArn: string,
    name: string,
): Promise<AssessmentRun | undefined> {
    const { ListAssessmentRunsCommand } = classicSdk();
    const arns: string[] = [];
    let nextToken: string | undefined;
    do {
        const page = await client.send(
            new ListAssessmentRunsCommand({
                assessmentTemplateArns: [templateArn],
                filter: { namePattern: name },
                maxResults: 100,
                nextToken,
            }),
        );
        arns.push(...(page.assessmentRunArns ?? []));
        nextToken = page.nextToken;
    } while (nextToken);
    const runs = (await describeRuns(client, arns)).filter(
        (run) => run.name === name && run.assessmentTemplateArn === templateArn,
    );
    return [...runs].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
}

export interface StartedRun {
    readonly run: AssessmentRun;
    /** True when the run already existed (an earlier, interrupted create started it) and was taken over. */
    readonly adopted: boolean;
}

/**
 * Starts the run, unless a run of this template with this name exists already, which is then adopted.
 * StartAssessmentRun has no client token, so the name is the idempotency key: each try looks it up before
 * starting (a try `callAws` repeats after a passing failure may follow a start that did get through), and looks
 * again when Inspector refuses because a concurrent start took the name or the agents.
 */
export async function startOrAdoptRun(
    inputs: AssessmentRunInputs,
    context: LifecycleContext,
): Promise<StartedRun> {
    const { StartAssessmentRunCommand } = classicSdk();
    const client = context.clients.classic(inputs.region);
    const name = inputs.assessmentRunName;
    const templateArn = inputs.assessmentTemplateArn;
    const target: RunTarget = { region: inputs.region, templateArn, runName: name };
    // The step of the try that failed, so that its error names the operation that really failed.
    let operation = "ListAssessmentRuns";
    const started = await callAws(
        context,
        { service: "inspector", operation: "StartAssessmentRun", region: inputs.region },
        async (): Promise<{ run?: AssessmentRun; arn: string; adopted: boolean }> => {
            operation = "ListAssessmentRuns";
            const existing = await findRunByName(client, templateArn, name);
            if (existing) return { run: existing, arn: existing.arn ?? "", adopted: true };
            let arn: string;
            try {
                operation = "StartAssessmentRun";
                const answer = await client.send(
                    new StartAssessmentRunCommand({
                        assessmentTemplateArn: templateArn,
                        assessmentRunName: name,
                    }),
                );
                arn = answer.assessmentRunArn ?? "";
            } catch (error) {
                const raced = await adoptAfterRefusal(
                    client,
                    error,
                    templateArn,
                    name,
                    (step) => (operation = step),
                );
                if (raced) return { run: raced, arn: raced.arn ?? "", adopted: true };
                operation = "StartAssessmentRun";
                throw error;
            }
            operation = "DescribeAssessmentRuns";
            const [run] = await describeRuns(client, [arn]);
            return { run, arn, adopted: false };
        },
        { explain: (error, attempts) => explainInspectorError(error, { ...target, operation, attempts }) },
    );
    if (!started.run) {
        throw new Error(
            `Inspector started run ${started.arn} ("${name}") but does not describe it; run pulumi up again`,
        );
    }
    return { run: started.run, adopted: started.adopted };
}

/**
 * Our run, when StartAssessmentRun was refused because a concurrent start of the same run won: it took the name,
 * or it holds the agents.
 */
async function adoptAfterRefusal(
    client: ClassicClient,
    error: unknown,
    templateArn: string,
    name: string,
    step: (operation: string) => void,
): Promise<AssessmentRun | undefined> {
    if (isRunNameTaken(error)) {
        step("ListAssessmentRuns");
        const raced = await findRunByName(client, templateArn, name);
        if (raced) return raced;
    }
    if (errorName(error) === "AgentsAlreadyRunningAssessmentException") {
        step("DescribeAssessmentRuns");
        const busy = await describeRuns(client, busyRunArns(error));
        return busy.find((run) => run.name === name && run.assessmentTemplateArn === templateArn);
    }
    return undefined;
}

/** Stops a run in progress; false when it no longer exists. A run that finished meanwhile needs no stop. */
export function stopRun(
    context: LifecycleContext,
    target: RunTarget,
    arn: string,
    action: StopAction,
): Promise<boolean> {
    const { StopAssessmentRunCommand } = classicSdk();
    return inspectorCall(context, target, "StopAssessmentRun", async (client) => {
        try {
            await client.send(new StopAssessmentRunCommand({ assessmentRunArn: arn, stopAction: action }));
            return true;
        } catch (error) {
            if (errorName(error) === "NoSuchEntityException") return false;
            if (errorName(error) === "InvalidInputException") return true;
            throw error;
        }
    });
}

/** Deletes a run and its findings; a run deleted by someone else in the meantime is as good as deleted. */
export function deleteRunRecord(context: LifecycleContext, target: RunTarget, arn: string): Promise<void> {
    const { DeleteAssessmentRunCommand } = classicSdk();
    return inspectorCall(context, target, "DeleteAssessmentRun", async (client) => {
        try {
            await client.send(new DeleteAssessmentRunCommand({ assessmentRunArn: arn }));
        } catch (error) {
            if (errorName(error) !== "NoSuchEntityException") throw error;
        }
    });
}
