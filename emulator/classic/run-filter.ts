import { matchesNamePattern } from "./name-pattern";
import {
    durationRange,
    inRange,
    secondsOf,
    timeRange,
    type DurationRangeInput,
    type Range,
    type TimestampRangeInput,
} from "./ranges";
import type { RunRecord, RunState } from "./records";
import { viewRun } from "./run-view";

/** ListAssessmentRuns' AssessmentRunFilter, as the model defines it. */
export interface RunFilterInput {
    readonly namePattern?: string;
    readonly states?: readonly RunState[];
    readonly durationRange?: DurationRangeInput;
    readonly rulesPackageArns?: readonly string[];
    readonly startTimeRange?: TimestampRangeInput;
    readonly completionTimeRange?: TimestampRangeInput;
    readonly stateChangeTimeRange?: TimestampRangeInput;
}

/** A validated filter; every given attribute must match, and any one value of a list attribute suffices. */
export type RunPredicate = (run: RunRecord, now: number) => boolean;

export function runPredicate(filter: RunFilterInput | undefined): RunPredicate {
    if (!filter) return () => true;
    const duration = durationRange(
        filter.durationRange,
        "filter.durationRange",
        "INVALID_ASSESSMENT_RUN_DURATION_RANGE",
    );
    const started = timeRange(
        filter.startTimeRange,
        "filter.startTimeRange",
        "INVALID_ASSESSMENT_RUN_START_TIME_RANGE",
    );
    const completed = timeRange(
        filter.completionTimeRange,
        "filter.completionTimeRange",
        "INVALID_ASSESSMENT_RUN_COMPLETION_TIME_RANGE",
    );
    const changed = timeRange(
        filter.stateChangeTimeRange,
        "filter.stateChangeTimeRange",
        "INVALID_ASSESSMENT_RUN_STATE_CHANGE_TIME_RANGE",
    );
    const states = filter.states?.length ? new Set(filter.states) : undefined;
    const packages = filter.rulesPackageArns?.length ? filter.rulesPackageArns : undefined;
    const { namePattern } = filter;
    const timeMatches = (range: Range | undefined, ms: number | undefined) => inRange(range, secondsOf(ms));

    return (run, now) => {
        if (namePattern !== undefined && !matchesNamePattern(namePattern, run.name)) return false;
        if (!inRange(duration, run.durationInSeconds)) return false;
        if (packages && !packages.some((arn) => run.rulesPackageArns.includes(arn))) return false;
        const view = viewRun(run, now);
        if (states && !states.has(view.state)) return false;
        return (
            timeMatches(started, view.startedAt) &&
            timeMatches(completed, view.completedAt) &&
            timeMatches(changed, view.stateChangedAt)
        );
    };
}
