import { canonicalJson } from "../core/canonical";
import type { SeverityKey } from "./args";
import type { FindingsGateInputs } from "./inputs";
import type { ResourceReport } from "./scan";
import type { IgnoredFindings, WorstFinding } from "./verdict";

/** One evaluation of the gate, as the state records it. */
export interface Evaluation {
    /** Per judged severity (those at or above failOnSeverity, and those with a threshold), after filters and ignores. */
    readonly findingCounts: Readonly<Partial<Record<SeverityKey, number>>>;
    /** At most 10 counted findings, most severe first. */
    readonly worstFindings: readonly WorstFinding[];
    /** Per gated image, function, instance and repository: where Inspector's scan stands. */
    readonly resources: readonly ResourceReport[];
    /** Per ignore entry in force that matched findings: how many it kept from counting. */
    readonly ignoredFindings: readonly IgnoredFindings[];
    readonly passed: boolean;
    /** The verdict in one line. */
    readonly verdict: string;
    /** When the evaluation was made, ISO 8601; kept by a refresh that finds nothing new. */
    readonly evaluatedAt: string;
}

/** Everything kept in the state: the checked inputs and the last evaluation. */
export interface FindingsGateOutputs extends FindingsGateInputs, Evaluation {}

/** The output properties besides the inputs, in the order the class registers them. */
export const EVALUATION_KEYS = [
    "findingCounts",
    "worstFindings",
    "resources",
    "ignoredFindings",
    "passed",
    "verdict",
    "evaluatedAt",
] as const satisfies readonly (keyof Evaluation)[];

export function gateOutputs(inputs: FindingsGateInputs, evaluation: Evaluation): FindingsGateOutputs {
    return { ...inputs, ...evaluation };
}

/** Whether two evaluations found the same (their times aside): a refresh then keeps the recorded one. */
export function sameEvaluation(a: Partial<Evaluation>, b: Partial<Evaluation>): boolean {
    const found = (evaluation: Partial<Evaluation>) =>
        canonicalJson(
            EVALUATION_KEYS.filter((key) => key !== "evaluatedAt").map((key) => evaluation[key] ?? null),
        );
    return found(a) === found(b);
}
