import {
    type AssessmentRun,
    DescribeAssessmentRunsCommand,
    type InspectorClient,
    ListAssessmentRunsCommand,
} from "@aws-sdk/client-inspector";

/** DescribeAssessmentRuns takes at most this many ARNs per call. */
const DESCRIBE_BATCH = 10;

/**
 * The run with this ARN, or undefined when Inspector no longer has it. Inspector reports a missing run in
 * `failedItems` (ITEM_DOES_NOT_EXIST) rather than as an error; any other failed item is an error.
 */
export async function describeRun(client: InspectorClient, arn: string): Promise<AssessmentRun | undefined> {
    const [run] = await describeRuns(client, [arn]);
    return run;
}

/** The runs with these ARNs that exist, in no particular order. */
export async function describeRuns(
    client: InspectorClient,
    arns: readonly string[],
): Promise<AssessmentRun[]> {
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
export async function findRunByName(
    client: InspectorClient,
    templateArn: string,
    name: string,
): Promise<AssessmentRun | undefined> {
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
    return newest(runs);
}

function newest(runs: readonly AssessmentRun[]): AssessmentRun | undefined {
    return [...runs].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
}
