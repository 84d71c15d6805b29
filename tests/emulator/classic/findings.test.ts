import assert from "node:assert/strict";
import {
    derivedFindingCounts,
    MAX_FINDINGS,
    noFindings,
    runFindingCounts,
} from "../../../emulator/classic/findings";
import { COMPLETED_WITH_ERRORS_SHARE, FAILED_SHARE, runOutcome } from "../../../emulator/classic/outcome";
import { SEVERITIES } from "../../../emulator/classic/records";

const RUN = "arn:aws:inspector:us-east-1:111122223333:target/0-AbCd1234/template/0-EfGh5678/run/0-IjKl9012";
const runArns = Array.from(
    { length: 2000 },
    (_, index) => `${RUN.slice(0, -8)}${String(index).padStart(8, "0")}`,
);

describe("Classic findings and outcomes", () => {
    it("derive the same finding counts from the same seed and run", () => {
        assert.deepEqual(derivedFindingCounts(42, RUN, 4), derivedFindingCounts(42, RUN, 4));
    });

    it("derive other finding counts from another seed", () => {
        const differs = runArns.slice(0, 20).some((arn) => {
            const a = derivedFindingCounts(42, arn, 4);
            const b = derivedFindingCounts(7, arn, 4);
            return SEVERITIES.some((severity) => a[severity] !== b[severity]);
        });
        assert.equal(differs, true);
    });

    it("stay within each severity's maximum and vary between runs", () => {
        const seen = new Set<string>();
        for (const arn of runArns.slice(0, 200)) {
            const counts = derivedFindingCounts(42, arn, 4);
            for (const severity of SEVERITIES) {
                assert.ok(counts[severity] >= 0 && counts[severity] <= MAX_FINDINGS[severity], severity);
            }
            seen.add(JSON.stringify(counts));
        }
        assert.ok(seen.size > 100, `only ${seen.size} distinct counts over 200 runs`);
        assert.ok(runArns.slice(0, 200).some((arn) => derivedFindingCounts(42, arn, 4).High > 0));
    });

    it("find nothing without rules packages", () => {
        assert.deepEqual(derivedFindingCounts(42, RUN, 0), noFindings());
    });

    it("force counts, the severities left out counting zero", () => {
        const derived = derivedFindingCounts(42, RUN, 4);
        assert.deepEqual(runFindingCounts(derived, { High: 3, Low: 1 }), {
            High: 3,
            Medium: 0,
            Low: 1,
            Informational: 0,
            Undefined: 0,
        });
        assert.deepEqual(runFindingCounts(derived, null), derived);
        assert.deepEqual(runFindingCounts(derived, undefined), derived);
    });

    it("end runs as forced", () => {
        for (const forced of ["COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED"] as const) {
            assert.ok(runArns.slice(0, 50).every((arn) => runOutcome(42, arn, forced) === forced));
        }
    });

    it("end runs rarely in failure or errors when nothing is forced, the same way for the same seed", () => {
        const outcomes = runArns.map((arn) => runOutcome(42, arn, null));
        assert.deepEqual(
            outcomes,
            runArns.map((arn) => runOutcome(42, arn)),
        );
        const share = (outcome: string) => outcomes.filter((o) => o === outcome).length / outcomes.length;
        assert.ok(
            share("FAILED") > FAILED_SHARE / 2 && share("FAILED") < FAILED_SHARE * 2,
            `${share("FAILED")}`,
        );
        assert.ok(
            share("COMPLETED_WITH_ERRORS") > COMPLETED_WITH_ERRORS_SHARE / 2 &&
                share("COMPLETED_WITH_ERRORS") < COMPLETED_WITH_ERRORS_SHARE * 2,
            `${share("COMPLETED_WITH_ERRORS")}`,
        );
        assert.notDeepEqual(
            outcomes,
            runArns.map((arn) => runOutcome(7, arn)),
        );
    });
});
