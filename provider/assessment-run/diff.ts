import { canonicalJson } from "../core/canonical";
import type { DiffOutcome } from "../dynamic/adapter";
import { containsUnknown } from "../dynamic/check";
import { isUrn, parseUrn } from "../dynamic/urn";
import { DEFAULT_STOP_ACTION } from "./inputs";
import type { AssessmentRunOutputs } from "./outputs";

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

/** Settings whose change is told with the old and the new value. */
const SHOWN_SETTINGS = [
    "waitForCompletion",
    "waitTimeoutSeconds",
    "failOnFindings",
    "stopActionOnDelete",
    "deleteOnDestroy",
] as const;

/**
 * What `pulumi up` would do with the run, compared with what it last recorded, in one line for the reviewer of a
 * preview: `release-gate: up would start a new run of <template> (the triggers changed), replacing run "…"
 * (COMPLETED)`, `up would keep run "…" and apply failOnFindings High → Medium`, or for a run not started yet
 * `up would start a run of <template> named "…"`. Pure: it reads the recorded state only.
 */
export function describeRunChange(
    olds: Readonly<Partial<AssessmentRunOutputs>>,
    news: Readonly<Record<string, unknown>>,
): string {
    const label = isUrn(news.resourceUrn) ? `${parseUrn(news.resourceUrn).name}: ` : "";
    const template = known(news.assessmentTemplateArn)
        ? String(news.assessmentTemplateArn)
        : "a template not known until up runs";
    const name = known(news.assessmentRunName) ? `"${String(news.assessmentRunName)}"` : "(named at up)";
    if (Object.keys(olds).length === 0) {
        const waiting = news.waitForCompletion === true ? ", wait for it to finish" : "";
        const gate = known(news.failOnFindings)
            ? ` and fail on findings at or above ${String(news.failOnFindings)}`
            : "";
        return `${label}up would start a run of ${template} named ${name}${waiting}${gate}`;
    }
    const recorded = `run "${olds.assessmentRunName ?? olds.assessmentRunArn ?? "?"}"`;
    const { replaces } = diffAssessmentRun(olds, news);
    if (replaces.length > 0) {
        const reasons: string[] = [];
        if (replaces.includes("assessmentTemplateArn")) reasons.push("the template changed");
        if (replaces.includes("triggers")) reasons.push("the triggers changed");
        if (replaces.includes("region")) reasons.push(`region ${shown(olds.region)} → ${shown(news.region)}`);
        if (reasons.length === 0) reasons.push(`the run name changed to ${name}`);
        const state = olds.state ? ` (${olds.state})` : "";
        return `${label}up would start a new run of ${template} (${reasons.join("; ")}), replacing ${recorded}${state}`;
    }
    const settings = SHOWN_SETTINGS.filter((key) => !same(olds[key], news[key])).map(
        (key) => `${key} ${shown(olds[key])} → ${shown(news[key])}`,
    );
    if (!same(olds.profile, news.profile) || !same(olds.assumeRole, news.assumeRole)) {
        settings.push("other credentials");
    }
    const applied = settings.length > 0 ? ` and apply ${settings.join("; ")}` : "";
    return `${label}up would keep ${recorded}${applied}, without starting a run`;
}

function known(value: unknown): boolean {
    return value !== undefined && value !== null && !containsUnknown(value);
}

function shown(value: unknown): string {
    if (containsUnknown(value)) return "(known at up)";
    return value === undefined || value === null ? "none" : String(value);
}
