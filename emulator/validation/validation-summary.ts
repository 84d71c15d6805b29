import type { Violation } from "./violation";

/** How many violations a message spells out; the rest are counted. */
const LISTED = 5;

/** One sentence for the whole request: how many constraints failed and which. */
export function summariseViolations(violations: readonly Violation[]): string {
    const listed = violations.slice(0, LISTED).map((violation) => violation.message);
    const more = violations.length > LISTED ? `; and ${violations.length - LISTED} more` : "";
    const noun = violations.length === 1 ? "constraint" : "constraints";
    return `The input breaks ${violations.length} ${noun}: ${listed.join("; ")}${more}`;
}
