import { canonicalJson } from "../core/canonical";
import type { DiffOutcome } from "../dynamic/adapter";
import { DEFAULT_STOP_ACTION } from "./inputs";

/** Inputs that define which run this is: a change means a new run. */
const REPLACING = ["assessmentTemplateArn", "assessmentRunName", "region", "triggers"] as const;

/**
 * Inputs that only steer what this resource does around the run: a change is an update that touches nothing.
 * New credentials (`profile`, `assumeRole`) are one of them: the template's ARN fixes the run's account, so
 * they only change how the provider reaches it; the update describes the same run with them.
 */
const SETTINGS = {
    profile: undefined,
    assumeRole: undefined,
    waitForCompletion: false,
    waitTimeoutSeconds: undefined,
    failOnFindings: undefined,
    stopActionOnDelete: DEFAULT_STOP_ACTION,
    deleteOnDestroy: false,
} as const;

/**
 * Compares the recorded state with the checked new inputs. Both sides are normalised by check (the name and
 * region already resolved, defaults filled in), so equal means nothing effective changed; an unknown new value
 * counts as a change. The resource URN is not compared: the run name derived from it is. A replacement deletes
 * the old run first: a run still collecting data keeps the agents busy, and Inspector would refuse to start the
 * new run on them (AgentsAlreadyRunningAssessmentException). Deleting a finished run keeps it unless
 * deleteOnDestroy is set, so the order costs nothing otherwise.
 */
export function diffAssessmentRun(
    olds: Readonly<Record<string, unknown>>,
    news: Readonly<Record<string, unknown>>,
): DiffOutcome {
    const replaces = REPLACING.filter((key) => !same(olds[key], news[key]));
    const updated = (Object.keys(SETTINGS) as (keyof typeof SETTINGS)[]).filter(
        (key) => !same(olds[key] ?? SETTINGS[key], news[key] ?? SETTINGS[key]),
    );
    return {
        changes: replaces.length > 0 || updated.length > 0,
        replaces,
        deleteBeforeReplace: replaces.length > 0,
    };
}

function same(old: unknown, value: unknown): boolean {
    return canonicalJson(old ?? null) === canonicalJson(value ?? null);
}
