import { classifyError, errorSummary, type CallTarget } from "../aws/errors";

/**
 * Messages of the FindingsGate besides the verdict (verdict.ts): failed calls, and what preview says. They go to
 * the user through the engine, so they name operations, regions and resources, never credentials.
 */

/** The read-only permissions the gate needs, named in an access-denied message. */
export const REQUIRED_PERMISSIONS = [
    "inspector2:ListCoverage",
    "inspector2:ListFindings",
    "inspector2:ListFindingAggregations",
    "inspector2:BatchGetAccountStatus",
];

/**
 * The `explain` of every Inspector call of the gate (see `callAws`): a denied call names every read permission
 * the gate needs, a refused one says Inspector refused it. Everything else keeps the shared message.
 */
export function explainCall(target: CallTarget): (error: unknown) => string | undefined {
    return (error) => {
        const kind = classifyError(error);
        const advice =
            kind === "access-denied"
                ? `the credentials need ${REQUIRED_PERMISSIONS.join(", ")} (read-only; the gate changes nothing)`
                : kind === "refused"
                  ? "Inspector refused the request"
                  : undefined;
        if (!advice) return undefined;
        return `Inspector ${target.operation} failed in ${target.region}: ${errorSummary(error)} (${advice})`;
    };
}

/** The preview's warning when applying now would fail: the verdict and its worst findings. */
export function wouldFailWarning(label: string, message: string): string {
    return `${label}: this gate would fail if applied now (read at preview, nothing was changed):\n${message}`;
}

/** The preview's warning when the read-only evaluation itself failed: the preview goes on. */
export function previewReadFailed(label: string, error: unknown): string {
    const why = error instanceof Error ? error.message : String(error);
    return `${label}: could not read Inspector's findings at preview, so the gate's outcome is not known yet: ${why}`;
}
