import type { PathStep, Violation } from "./violation";

/** Member names whose error code does not follow from the name itself. */
const NAME_ALIASES: Readonly<Record<string, string>> = {
    nextToken: "PAGINATION_TOKEN",
    durationInSeconds: "DURATION",
};

/**
 * The InvalidInputErrorCode value for a violation, derived from the names on its path the way Classic names its
 * codes: `INVALID_<SUBJECT>` (optionally `_PATTERN`) for a bad value, `INVALID_NUMBER_OF_<SUBJECT>S` for a bad
 * list size, where the subject may be qualified by the enclosing element (tags[0].key → TAG_KEY) or by the
 * operation's noun (ListAssessmentRuns' filter.states → ASSESSMENT_RUN_STATES). The innermost name that yields a
 * known code wins; when none does, the first code about the operation's noun, else the first code at all.
 */
export function classicErrorCode(
    errorCodes: readonly string[],
    operation: string,
    violation: Violation,
): string {
    const known = new Set(errorCodes);
    for (const candidate of candidates(errorCodes, operation, violation))
        if (known.has(candidate)) return candidate;
    const noun = operationNoun(operation);
    return (
        errorCodes.find((code) => code.startsWith(`INVALID_${noun}`)) ?? errorCodes[0] ?? "INVALID_ATTRIBUTE"
    );
}

function* candidates(
    errorCodes: readonly string[],
    operation: string,
    violation: Violation,
): Generator<string> {
    const subjects = subjectsOf(violation.path);
    const noun = operationNoun(operation);
    for (const [position, subject] of subjects.entries()) {
        const outer = subjects[position + 1];
        const prefixes = ["", ...(outer ? [`${outer}_`] : []), `${noun}_`];
        // Only the innermost subject's list is the one whose size is wrong.
        const counting = violation.rule === "count" && position === 0;
        for (const variant of truncations(subject)) {
            for (const prefix of prefixes) {
                if (counting) yield `INVALID_NUMBER_OF_${prefix}${variant}`;
                else {
                    if (violation.rule === "pattern") yield `INVALID_${prefix}${variant}_PATTERN`;
                    yield `INVALID_${prefix}${variant}`;
                }
            }
        }
        // A code that qualifies the subject further: roleArn → INVALID_IAM_ROLE_ARN.
        for (const code of errorCodes) {
            if (code.startsWith("INVALID_NUMBER_OF_") === counting && code.endsWith(`_${subject}`))
                yield code;
        }
    }
}

/**
 * The names along the path, innermost first, in UPPER_SNAKE form: a list or map member inside whose element the
 * violation lies is named in the singular (assessmentRunArns[0] → ASSESSMENT_RUN_ARN).
 */
function subjectsOf(path: readonly PathStep[]): string[] {
    const subjects: string[] = [];
    path.forEach((step, index) => {
        if (!("member" in step)) return;
        const name = NAME_ALIASES[step.member] ?? upperSnake(step.member);
        const next = path[index + 1];
        subjects.push(next !== undefined && !("member" in next) ? singular(name) : name);
    });
    return subjects.reverse();
}

/** ASSESSMENT_RUN_NAME, ASSESSMENT_RUN, ASSESSMENT: longer, more specific forms first. */
function truncations(subject: string): string[] {
    const words = subject.split("_");
    return words.map((_, index) => words.slice(0, words.length - index).join("_"));
}

/** The noun an operation acts on, singular: ListAssessmentRuns → ASSESSMENT_RUN. */
function operationNoun(operation: string): string {
    const words = operation.match(/[A-Z][a-z0-9]*/g) ?? [operation];
    const nounWords: string[] = [];
    for (const word of words.slice(1)) {
        if (word === "To" || word === "For" || word === "From") break;
        nounWords.push(word.toUpperCase());
    }
    return singular(nounWords.join("_"));
}

function upperSnake(name: string): string {
    return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}

/** The last word in the singular: SEVERITIES → SEVERITY, ARNS → ARN; STATUS and ADDRESS stay. */
function singular(name: string): string {
    if (name.endsWith("IES")) return `${name.slice(0, -3)}Y`;
    if (name.endsWith("S") && !name.endsWith("SS") && !name.endsWith("US")) return name.slice(0, -1);
    return name;
}
