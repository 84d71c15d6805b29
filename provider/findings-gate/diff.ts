import { canonicalJson } from "../core/canonical";
import { plural } from "../core/plural";
import type { DiffOutcome } from "../dynamic/adapter";
import { containsUnknown } from "../dynamic/check";
import { parseUrn } from "../dynamic/urn";
import { INPUT_KEYS, SUBJECT_LISTS } from "./inputs";
import type { FindingsGateOutputs } from "./outputs";
import { describeGated, formatCounts } from "./verdict";

/**
 * Compares the recorded state with the checked new inputs. Pure: diff runs during preview (the read-only
 * evaluation the preview shows is the lifecycle's `preview`, not this). Nothing exists in AWS, so nothing is
 * ever replaced: every change is an update that evaluates again. A recorded failing verdict (or none, after an
 * interrupted create) is a change too, so the next `pulumi up` evaluates again even with the same inputs.
 */
export function diffFindingsGate(
    olds: Readonly<Partial<FindingsGateOutputs>>,
    news: Readonly<Record<string, unknown>>,
): DiffOutcome {
    const changed = INPUT_KEYS.filter((key) => !same(olds[key], news[key]));
    return { changes: changed.length > 0 || olds.passed !== true, replaces: [], deleteBeforeReplace: false };
}

function same(old: unknown, value: unknown): boolean {
    return canonicalJson(old ?? null) === canonicalJson(value ?? null);
}

/** How many members of a list a message names before "and N more". */
const MAX_NAMED = 5;

/** Inputs a change of which is told with its old and new value. */
const SHOWN_SETTINGS = [
    "failOnSeverity",
    "onlyFixAvailable",
    "onlyExploitAvailable",
    "waitForScan",
    "waitTimeoutSeconds",
    "region",
] as const;

/**
 * What `pulumi up` would do with the gate, compared with what it last recorded, in one line for the reviewer of
 * a preview: `release-gate: up would re-evaluate the gate over 2 images (1 new image: …; failOnSeverity HIGH →
 * CRITICAL)`; for a gate not created yet, `up would evaluate the gate over 1 image`. Pure: the read of
 * Inspector that tells whether it would pass is the preview's own (lifecycle.ts).
 */
export function describeGateChange(
    olds: Readonly<Partial<FindingsGateOutputs>>,
    news: Readonly<Record<string, unknown>>,
): string {
    const label = typeof news.resourceUrn === "string" ? `${parseUrn(news.resourceUrn).name}: ` : "";
    const counted = describeGated(
        SUBJECT_LISTS.map((list) => ({ ...list, count: knownList(news[list.property])?.length ?? 0 })),
    );
    const gated = counted === "nothing" ? "its subjects" : counted;
    const unknown = INPUT_KEYS.filter((key) => containsUnknown(news[key]));
    const pending = unknown.length > 0 ? ` (${unknown.join(", ")} not known until up runs)` : "";
    if (Object.keys(olds).length === 0) return `${label}up would evaluate the gate over ${gated}${pending}`;
    const reasons = [...subjectChanges(olds, news), ...ruleChanges(olds, news)];
    if (unknown.length > 0) reasons.push(`${unknown.join(", ")} not known until up runs`);
    if (olds.passed === false) reasons.push("the last evaluation failed");
    else if (olds.passed === undefined) reasons.push("no evaluation was recorded");
    const why = reasons.length > 0 ? ` (${reasons.join("; ")})` : "";
    return `${label}up would re-evaluate the gate over ${gated}${why}`;
}

/** Per subject list, the members added and removed: `1 new image: …`, `1 Lambda function no longer gated: …`. */
function subjectChanges(
    olds: Readonly<Partial<FindingsGateOutputs>>,
    news: Readonly<Record<string, unknown>>,
): string[] {
    const changes: string[] = [];
    for (const list of SUBJECT_LISTS) {
        const after = knownList(news[list.property]);
        if (!after) continue;
        const before = new Set((olds[list.property] ?? []).map(memberName));
        const now = after.map(memberName);
        const added = now.filter((member) => !before.has(member));
        const kept = new Set(now);
        const removed = [...before].filter((member) => !kept.has(member));
        if (added.length > 0) {
            changes.push(`${plural(added.length, `new ${list.one}`, `new ${list.many}`)}: ${named(added)}`);
        }
        if (removed.length > 0) {
            changes.push(`${plural(removed.length, list.one, list.many)} no longer gated: ${named(removed)}`);
        }
    }
    return changes;
}

/** The rules and settings that changed: `failOnSeverity HIGH → CRITICAL`, `the ignore list changed`. */
function ruleChanges(
    olds: Readonly<Partial<FindingsGateOutputs>>,
    news: Readonly<Record<string, unknown>>,
): string[] {
    const changes: string[] = [];
    const changed = (key: (typeof INPUT_KEYS)[number]) =>
        !containsUnknown(news[key]) && canonicalJson(olds[key] ?? null) !== canonicalJson(news[key] ?? null);
    for (const key of SHOWN_SETTINGS) {
        if (changed(key)) changes.push(`${key} ${shown(olds[key])} → ${shown(news[key])}`);
    }
    if (changed("thresholds")) {
        const thresholds = (value: unknown) =>
            value ? `{ ${formatCounts(value as Record<string, number>)} }` : "none";
        changes.push(`thresholds ${thresholds(olds.thresholds)} → ${thresholds(news.thresholds)}`);
    }
    if (changed("ignore")) changes.push("the ignore list changed");
    if (changed("triggers")) changes.push("the triggers changed");
    if (changed("profile") || changed("assumeRole")) changes.push("other credentials");
    return changes;
}

/** A list whose every member is known, or undefined. */
function knownList(value: unknown): readonly unknown[] | undefined {
    return Array.isArray(value) && !containsUnknown(value) ? value : undefined;
}

/** A subject as a message names it: as given, or an image reference as `repository@digest`. */
function memberName(member: unknown): string {
    if (typeof member === "string") return member;
    const image = member as { readonly repositoryName?: unknown; readonly imageDigest?: unknown };
    return image.repositoryName !== undefined
        ? `${String(image.repositoryName)}@${String(image.imageDigest)}`
        : canonicalJson(member);
}

function named(members: readonly string[]): string {
    const more = members.length - MAX_NAMED;
    return members.slice(0, MAX_NAMED).join(", ") + (more > 0 ? ` and ${more} more` : "");
}

function shown(value: unknown): string {
    return value === undefined || value === null ? "none" : String(value);
}
