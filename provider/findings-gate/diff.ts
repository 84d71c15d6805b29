import { canonicalJson } from "../core/canonical";
import type { DiffOutcome } from "../dynamic/adapter";
import { INPUT_KEYS } from "./inputs";
import type { FindingsGateOutputs } from "./outputs";

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
