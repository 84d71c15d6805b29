import type { PathStep, Violation } from "./violation";

/** Member names whose error code does not follow from the name itself. */
const NAME_ALIASES: Readonly<Record<string, string>> = {
    nextToken: "PAGINATION_TOKEN",
    durationInSeconds: "DURATION",
};

/** A name on the violation's path, as UPPER_SNAKE words; `element` when the violation lies inside one item. */
interface Subject {
    readonly words: readonly string[];
    readonly element: boolean;
}

/**
 * The InvalidInputErrorCode value for a violation, derived from the names on its path the way Classic names its
 * codes: `INVALID_<SUBJECT>` (or `…_PATTERN`) for a bad value, `INVALID_NUMBER_OF_<SUBJECT>S` for a bad list
 * size. The subject may be qualified by the enclosing item (resourceGroupTags[0].key → RESOURCE_GROUP_TAG_KEY), by
 * the operation's noun (ListAssessmentRuns' filter.states → ASSESSMENT_RUN_STATES) or by one extra word
 * (roleArn → IAM_ROLE_ARN). Inner names win over outer ones; when no name yields a code, the first code about
 * the operation's noun stands in, else the first code of all.
 */
export function classicErrorCode(
    errorCodes: readonly string[],
    operation: string,
    violation: Violation,
): string {
    const known = new Set(errorCodes);
    for (const candidate of candidates(operation, violation)) if (known.has(candidate)) return candidate;
    const counting = violation.rule === "count";
    for (const subject of subjectsOf(violation.path)) {
        for (const variant of variants(subject)) {
            const qualified = errorCodes.find((code) => isQualifiedBy(code, variant, counting));
            if (qualified) return qualified;
        }
    }
    const noun = operationNoun(operation);
    return (
        errorCodes.find((code) => code.startsWith(`INVALID_${noun}`)) ?? errorCodes[0] ?? "INVALID_ATTRIBUTE"
    );
}

function* candidates(operation: string, violation: Violation): Generator<string> {
    const subjects = subjectsOf(violation.path);
    const noun = operationNoun(operation);
    for (const [position, subject] of subjects.entries()) {
        const outer = subjects[position + 1];
        const prefixes = ["", ...(outer ? variants(outer).map((variant) => `${variant}_`) : []), `${noun}_`];
        // Only the innermost name is the list whose size is wrong.
        const counting = violation.rule === "count" && position === 0;
        for (const variant of variants(subject)) {
            for (const prefix of prefixes) {
                if (counting) {
                    yield `INVALID_NUMBER_OF_${prefix}${variant}`;
                    continue;
                }
                if (violation.rule === "pattern") yield `INVALID_${prefix}${variant}_PATTERN`;
                yield `INVALID_${prefix}${variant}`;
            }
        }
    }
}

/** `INVALID_<ONE WORD>_<variant>`, of the kind (size or value) wanted. */
function isQualifiedBy(code: string, variant: string, counting: boolean): boolean {
    const start = counting ? "INVALID_NUMBER_OF_" : "INVALID_";
    if (!code.startsWith(start) || !code.endsWith(`_${variant}`)) return false;
    if (!counting && code.startsWith("INVALID_NUMBER_OF_")) return false;
    const qualifier = code.slice(start.length, code.length - variant.length - 1);
    return /^[A-Z0-9]+$/.test(qualifier);
}

/** The names along the path, innermost first. */
function subjectsOf(path: readonly PathStep[]): Subject[] {
    const subjects: Subject[] = [];
    path.forEach((step, index) => {
        if (!("member" in step)) return;
        const name = NAME_ALIASES[step.member] ?? upperSnake(step.member);
        const next = path[index + 1];
        subjects.push({ words: name.split("_"), element: next !== undefined && !("member" in next) });
    });
    return subjects.reverse();
}

/**
 * The subject and its shorter forms, longest first (USER_ATTRIBUTES_FOR_FINDINGS, USER_ATTRIBUTES_FOR,
 * USER_ATTRIBUTES, USER), each in the singular when the violation is about one item of the list.
 */
function variants(subject: Subject): string[] {
    const { words } = subject;
    return words.map((_, index) => {
        const variant = words.slice(0, words.length - index).join("_");
        return subject.element ? singular(variant) : variant;
    });
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
