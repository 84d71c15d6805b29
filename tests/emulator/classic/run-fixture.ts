import { noFindings } from "../../../emulator/classic/findings";
import type { RunOutcome, RunRecord } from "../../../emulator/classic/records";
import { planRun } from "../../../emulator/classic/run-lifecycle";

export const TEMPLATE_ARN = "arn:aws:inspector:us-east-1:111122223333:target/0-AbCd1234/template/0-EfGh5678";
export const CVE = "arn:aws:inspector:us-east-1:316112463485:rulespackage/0-gEjTy7T7";
export const CIS = "arn:aws:inspector:us-east-1:316112463485:rulespackage/0-rExsr2X8";

export interface RunSpec {
    readonly seq: number;
    readonly name: string;
    readonly createdAt: number;
    readonly durationInSeconds?: number;
    readonly rulesPackageArns?: readonly string[];
    readonly outcome?: RunOutcome;
}

/** A run record for filter and view tests; time runs at real speed (time scale 1). */
export function runRecord(spec: RunSpec): RunRecord {
    const durationInSeconds = spec.durationInSeconds ?? 600;
    const outcome = spec.outcome ?? "COMPLETED";
    return {
        seq: spec.seq,
        arn: `${TEMPLATE_ARN}/run/0-Run${String(spec.seq).padStart(5, "0")}`,
        name: spec.name,
        templateArn: TEMPLATE_ARN,
        targetArn: TEMPLATE_ARN.split("/template/")[0],
        durationInSeconds,
        rulesPackageArns: spec.rulesPackageArns ?? [CVE],
        userAttributesForFindings: [],
        createdAt: spec.createdAt,
        timeScale: 1,
        outcome,
        findingCounts: { ...noFindings(), High: 2, Low: 5 },
        timeline: planRun(spec.createdAt, durationInSeconds, 1, outcome),
    };
}
