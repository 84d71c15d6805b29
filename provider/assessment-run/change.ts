import { canonicalJson } from "../core/canonical";
import { containsUnknown } from "../dynamic/check";
import { isUrn, parseUrn } from "../dynamic/urn";
import { diffAssessmentRun } from "./diff";
import type { AssessmentRunOutputs } from "./outputs";

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

function same(old: unknown, value: unknown): boolean {
    return canonicalJson(old ?? null) === canonicalJson(value ?? null);
}

function shown(value: unknown): string {
    if (containsUnknown(value)) return "(known at up)";
    return value === undefined || value === null ? "none" : String(value);
}
