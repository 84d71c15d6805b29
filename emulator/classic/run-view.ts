import { noFindings } from "./findings";
import type { FindingCounts, RunRecord, RunState, StateChange } from "./records";
import { isTerminal, reachedChanges } from "./run-lifecycle";
import { epochSeconds } from "./wire";

export interface RunNotification {
    readonly date: number;
    readonly event: "ASSESSMENT_RUN_COMPLETED";
    readonly message: string;
    readonly error: boolean;
}

/** A run as it stands at one moment, derived from its timeline. */
export interface RunView {
    readonly state: RunState;
    readonly stateChangedAt: number;
    readonly startedAt: number;
    readonly completedAt?: number;
    readonly dataCollected: boolean;
    readonly stateChanges: readonly StateChange[];
    readonly findingCounts: FindingCounts;
    readonly notifications: readonly RunNotification[];
}

const EVALUATED: ReadonlySet<RunState> = new Set<RunState>(["COMPLETED", "COMPLETED_WITH_ERRORS"]);

/** A finished run with errors reports why, as an error notification at the moment it ended. */
function notificationsFor(run: RunRecord, last: StateChange): RunNotification[] {
    if (last.state === "FAILED") {
        return [
            {
                date: last.at,
                event: "ASSESSMENT_RUN_COMPLETED",
                message: `Assessment run ${run.name} failed: the agents of the assessment target did not start data collection`,
                error: true,
            },
        ];
    }
    if (last.state === "COMPLETED_WITH_ERRORS") {
        return [
            {
                date: last.at,
                event: "ASSESSMENT_RUN_COMPLETED",
                message: `Assessment run ${run.name} completed with errors: some rules could not be evaluated`,
                error: true,
            },
        ];
    }
    return [];
}

export function viewRun(run: RunRecord, now: number): RunView {
    const reached = reachedChanges(run.timeline, now);
    const last = reached[reached.length - 1];
    return {
        state: last.state,
        stateChangedAt: last.at,
        // AWS reports the StartAssessmentRun call as the start, like createdAt.
        startedAt: run.createdAt,
        completedAt: isTerminal(last.state) ? last.at : undefined,
        dataCollected: reached.some((change) => change.state === "DATA_COLLECTED"),
        stateChanges: reached,
        findingCounts: EVALUATED.has(last.state) ? run.findingCounts : noFindings(),
        notifications: notificationsFor(run, last),
    };
}

export function isInProgress(run: RunRecord, now: number): boolean {
    return !isTerminal(viewRun(run, now).state);
}

/** The AssessmentRun shape of DescribeAssessmentRuns. */
export function runToWire(run: RunRecord, now: number): Record<string, unknown> {
    const view = viewRun(run, now);
    return {
        arn: run.arn,
        name: run.name,
        assessmentTemplateArn: run.templateArn,
        state: view.state,
        durationInSeconds: run.durationInSeconds,
        rulesPackageArns: [...run.rulesPackageArns],
        userAttributesForFindings: run.userAttributesForFindings.map((attribute) => ({ ...attribute })),
        createdAt: epochSeconds(run.createdAt),
        startedAt: epochSeconds(view.startedAt),
        ...(view.completedAt === undefined ? {} : { completedAt: epochSeconds(view.completedAt) }),
        stateChangedAt: epochSeconds(view.stateChangedAt),
        dataCollected: view.dataCollected,
        stateChanges: view.stateChanges.map((change) => ({
            stateChangedAt: epochSeconds(change.at),
            state: change.state,
        })),
        notifications: view.notifications.map((notification) => ({
            ...notification,
            date: epochSeconds(notification.date),
        })),
        findingCounts: { ...view.findingCounts },
    };
}
