import { digest } from "../core/canonical";
import { parseUrn } from "../dynamic/urn";

/** The longest run name Inspector accepts. */
export const MAX_RUN_NAME_LENGTH = 140;

const DERIVED_HASH_LENGTH = 10;
const TRIGGERS_HASH_LENGTH = 8;

/**
 * The default run name: `<resource>-<stack>-<hash>`, from the resource's URN. StartAssessmentRun has no client
 * token, so this name is what lets a retried `pulumi up` find the run it already started; it must therefore be
 * the same on every update, and differ between stacks, projects, parents, templates and trigger values (a new
 * trigger value must start a new run, not adopt the old one): the hash covers the whole URN, the template and
 * the triggers. Characters outside letters, digits, `.`, `_` and `-` become `-`, which keeps
 * ListAssessmentRuns' name pattern (where `*` is a wildcard) exact.
 */
export function deriveRunName(
    resourceUrn: string,
    templateArn: string,
    triggers: readonly unknown[] | undefined,
): string {
    const { name, stack } = parseUrn(resourceUrn);
    const hash = digest([resourceUrn, templateArn, triggers ?? null]);
    const readable = sanitize(`${name}-${stack}`);
    return `${readable.slice(0, MAX_RUN_NAME_LENGTH - DERIVED_HASH_LENGTH - 1)}-${hash.slice(0, DERIVED_HASH_LENGTH)}`;
}

/**
 * The effective name for a name the user chose. Without triggers it is the user's name unchanged. With
 * triggers, a replacement would otherwise find the previous run under the same name and adopt it, so a hash of
 * the triggers is appended (the user's part is shortened if the whole would exceed 140 characters).
 */
export function effectiveRunName(userName: string, triggers: readonly unknown[] | undefined): string {
    if (triggers === undefined) return userName;
    const suffix = `-${digest(triggers).slice(0, TRIGGERS_HASH_LENGTH)}`;
    return `${userName.slice(0, MAX_RUN_NAME_LENGTH - suffix.length)}${suffix}`;
}

function sanitize(text: string): string {
    return text.replace(/[^A-Za-z0-9._-]/g, "-");
}
