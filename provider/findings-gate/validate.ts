import { checkRegionInput } from "../aws/region";
import type { LifecycleContext } from "../core/context";
import { canonicalJson } from "../core/canonical";
import {
    checkBoolean,
    checkChoice,
    checkKnownProperties,
    checkWholeSeconds,
    closestName,
    type CheckOutcome,
    containsUnknown,
    describeValue,
    InputCheck,
    isUnknown,
    listChoices,
    type Unknown,
} from "../dynamic/check";
import { checkCredentialInputs } from "../dynamic/credential-inputs";
import { isUrn } from "../dynamic/urn";
import type { SeverityKey } from "./args";
import {
    DEFAULT_WAIT_TIMEOUT_SECONDS,
    INPUT_KEYS,
    MAX_ACCOUNT_IDS,
    MAX_WAIT_TIMEOUT_SECONDS,
    SUBJECT_LISTS,
} from "./inputs";
import type { Parsed, Subject } from "./subjects";
import { SEVERITIES, SEVERITY_KEYS } from "./verdict";

const SUBJECT_PROPERTIES = listChoices(SUBJECT_LISTS.map((list) => list.property));
const IGNORE_MEMBERS = ["vulnerabilityId", "reason", "expiresOn"];
const MAX_VULNERABILITY_ID_LENGTH = 128;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Validates and normalises the inputs at preview and update time, without calling AWS. Each failure names the
 * property, the value and the rule; unknown values are accepted. Lists come back sorted and without duplicates,
 * severities in their canonical spelling, defaults filled in and the region resolved.
 */
export function checkFindingsGateInputs(
    news: Readonly<Record<string, unknown>>,
    context: Pick<LifecycleContext, "stack" | "env">,
): CheckOutcome {
    const check = new InputCheck();
    const region = checkRegionInput(check, news.region, context);
    let mayHaveSubjects = false;
    let mayHaveResources = false;
    let firstEmpty: string | undefined;
    for (const list of SUBJECT_LISTS) {
        const given = news[list.property];
        check.set(list.property, checkSubjects(check, list.property, given, list.parse, region));
        // An invalid list has failed already: only a list left out or empty leaves the gate without subjects.
        const empty = Array.isArray(given) && given.length === 0;
        const listed = given !== undefined && given !== null && !empty;
        if (empty) firstEmpty ??= list.property;
        mayHaveSubjects ||= listed;
        if (list.property !== "accountIds") mayHaveResources ||= listed;
    }
    if (!mayHaveSubjects) {
        check.fail(
            firstEmpty ?? "images",
            `${firstEmpty ? `${firstEmpty} [] is empty: ` : ""}the gate has nothing to gate: list at least one ` +
                `subject in ${SUBJECT_PROPERTIES} (for example images: [image.repoDigest])`,
        );
    }
    const failOnSeverity = checkChoice(check, "failOnSeverity", news.failOnSeverity, {
        choices: SEVERITIES,
        noun: "severity",
    });
    check.set("failOnSeverity", failOnSeverity);
    const thresholds = checkThresholds(check, news.thresholds);
    check.set("thresholds", thresholds);
    const absent = (value: unknown) => value === undefined || value === null;
    if (absent(news.failOnSeverity) && absent(news.thresholds)) {
        check.fail(
            "failOnSeverity",
            "the gate has no rule: set failOnSeverity (a minimum severity such as HIGH), thresholds (limits per " +
                "severity such as { critical: 0, high: 5 }), or both",
        );
    }
    check.set("onlyFixAvailable", checkBoolean(check, "onlyFixAvailable", news.onlyFixAvailable, false));
    check.set(
        "onlyExploitAvailable",
        checkBoolean(check, "onlyExploitAvailable", news.onlyExploitAvailable, false),
    );
    check.set("ignore", checkIgnore(check, news.ignore));
    check.set("waitForScan", checkWaitForScan(check, news.waitForScan, mayHaveResources));
    check.set(
        "waitTimeoutSeconds",
        checkWholeSeconds(check, "waitTimeoutSeconds", news.waitTimeoutSeconds, {
            min: 1,
            max: MAX_WAIT_TIMEOUT_SECONDS,
            fallback: DEFAULT_WAIT_TIMEOUT_SECONDS,
        }),
    );
    check.set("triggers", checkTriggers(check, news.triggers));
    check.set("region", region);
    check.set("resourceUrn", checkResourceUrn(check, news.resourceUrn));
    checkCredentialInputs(check, news, context.stack);
    checkKnownProperties(check, news, INPUT_KEYS);
    return check.outcome();
}

/**
 * A list of subjects: each item parsed, the region of URIs and ARNs compared with the gate's, duplicates dropped
 * and the list sorted (by canonical JSON, so images given as objects sort too). Unknown items are kept.
 */
function checkSubjects(
    check: InputCheck,
    property: string,
    value: unknown,
    parse: (item: unknown) => Parsed<Subject>,
    region: string | Unknown | undefined,
): unknown[] | Unknown | undefined {
    if (isUnknown(value) || value === undefined || value === null)
        return isUnknown(value) ? value : undefined;
    if (!Array.isArray(value)) {
        check.fail(property, `${property} ${describeValue(value)} is not a list`);
        return undefined;
    }
    const items: unknown[] = [];
    let valid = true;
    value.forEach((item, index) => {
        if (containsUnknown(item)) return void items.push(item);
        const parsed = parse(item);
        const itemRegion =
            "subject" in parsed && "region" in parsed.subject ? parsed.subject.region : undefined;
        const reason =
            "reason" in parsed
                ? parsed.reason
                : typeof region === "string" &&
                    !isUnknown(region) &&
                    itemRegion !== undefined &&
                    itemRegion !== region
                  ? `is in ${itemRegion}, but the gate reads Inspector in ${region}: gate it with a FindingsGate ` +
                    `whose region is ${itemRegion}`
                  : undefined;
        if (reason) {
            valid = false;
            check.fail(property, `${property}[${index}] ${describeValue(item)} ${reason}`);
        } else {
            items.push(normaliseItem(item));
        }
    });
    if (!valid) return undefined;
    if (items.some(containsUnknown)) return items;
    const unique = new Map(items.map((item) => [canonicalJson(item), item]));
    if (property === "accountIds" && unique.size > MAX_ACCOUNT_IDS) {
        check.fail(
            property,
            `${property} ${describeValue(value)} lists ${unique.size} different accounts: a delegated ` +
                `administrator sees the findings of at most ${MAX_ACCOUNT_IDS - 1} member accounts, so give at ` +
                `most ${MAX_ACCOUNT_IDS} (the administrator and its members)`,
        );
        return undefined;
    }
    return [...unique.keys()].sort().map((key) => unique.get(key));
}

/** An image reference without members left undefined (the wire has no undefined). */
function normaliseItem(item: unknown): unknown {
    if (item === null || typeof item !== "object") return item;
    return Object.fromEntries(Object.entries(item).filter(([, member]) => member !== undefined));
}

/** `{ critical?: n, high?: n, … }`: whole numbers of 0 or more, keys in any letter case, stored lower case. */
function checkThresholds(
    check: InputCheck,
    value: unknown,
): Partial<Record<SeverityKey, number | Unknown>> | Unknown | undefined {
    const property = "thresholds";
    if (isUnknown(value) || value === undefined || value === null)
        return isUnknown(value) ? value : undefined;
    const example = "an object such as { critical: 0, high: 5 }";
    if (typeof value !== "object" || Array.isArray(value)) {
        check.fail(property, `${property} ${describeValue(value)} is not ${example}`);
        return undefined;
    }
    const limits: Partial<Record<SeverityKey, number | Unknown>> = {};
    /** The key each severity was first given under, and its limit. */
    const given = new Map<SeverityKey, [key: string, limit: unknown]>();
    let valid = true;
    for (const [key, limit] of Object.entries(value)) {
        if (limit === undefined) continue;
        const severity = SEVERITY_KEYS.find((candidate) => candidate === key.toLowerCase());
        if (!severity) {
            valid = false;
            const closest = closestName(key, SEVERITY_KEYS);
            check.fail(
                `${property}.${key}`,
                `${property}.${key} is not a severity` +
                    (closest ? `: did you mean ${closest}?` : `; use ${listChoices(SEVERITY_KEYS)}`),
            );
            continue;
        }
        const earlier = given.get(severity);
        if (earlier) {
            valid = false;
            check.fail(
                `${property}.${key}`,
                `${property}.${key} ${describeValue(limit)} names ${severity} again (as ${property}.${earlier[0]} ` +
                    `${describeValue(earlier[1])} does): give each severity once, in any letter case`,
            );
            continue;
        }
        given.set(severity, [key, limit]);
        if (!isUnknown(limit) && !(typeof limit === "number" && Number.isInteger(limit) && limit >= 0)) {
            valid = false;
            check.fail(
                `${property}.${key}`,
                `${property}.${key} ${describeValue(limit)} is not a limit: use a whole number of 0 or more (the ` +
                    `gate fails when there are more ${severity} findings than this)`,
            );
            continue;
        }
        limits[severity] = limit;
    }
    if (!valid) return undefined;
    if (Object.keys(limits).length === 0) {
        check.fail(property, `${property} {} has no severity: give at least one, as ${example}`);
        return undefined;
    }
    return Object.fromEntries(SEVERITY_KEYS.filter((key) => key in limits).map((key) => [key, limits[key]]));
}

/** `[{ vulnerabilityId, reason, expiresOn: "YYYY-MM-DD" }]`, one entry per vulnerability, sorted by it. */
function checkIgnore(check: InputCheck, value: unknown): unknown[] | Unknown | undefined {
    const property = "ignore";
    if (isUnknown(value) || value === undefined || value === null)
        return isUnknown(value) ? value : undefined;
    const example =
        '[{ vulnerabilityId: "CVE-2024-3094", reason: "not reachable, see TICKET-1", expiresOn: "2026-09-30" }]';
    if (!Array.isArray(value)) {
        check.fail(property, `${property} ${describeValue(value)} is not a list such as ${example}`);
        return undefined;
    }
    const entries: unknown[] = [];
    const seen = new Map<string, number>();
    let valid = true;
    value.forEach((entry, index) => {
        const at = `${property}[${index}]`;
        if (isUnknown(entry)) return void entries.push(entry);
        const problem = ignoreEntryProblem(entry);
        if (problem) {
            valid = false;
            check.fail(at, `${at} ${describeValue(entry)} ${problem}`);
            return;
        }
        const { vulnerabilityId, reason, expiresOn } = entry as Record<string, unknown>;
        if (typeof vulnerabilityId === "string") {
            const earlier = seen.get(vulnerabilityId);
            if (earlier !== undefined) {
                valid = false;
                check.fail(
                    at,
                    `${at} ignores ${vulnerabilityId} again (as ${property}[${earlier}] does): give each ` +
                        "vulnerability one entry, with one reason and one expiry",
                );
                return;
            }
            seen.set(vulnerabilityId, index);
        }
        entries.push({ vulnerabilityId, reason, expiresOn });
    });
    if (!valid) return undefined;
    if (entries.some(containsUnknown)) return entries;
    return [...entries].sort((a, b) =>
        String((a as Record<string, unknown>).vulnerabilityId).localeCompare(
            String((b as Record<string, unknown>).vulnerabilityId),
        ),
    );
}

function ignoreEntryProblem(entry: unknown): string | undefined {
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
        return "is not an entry: use { vulnerabilityId, reason, expiresOn }";
    }
    const members = entry as Record<string, unknown>;
    for (const key of Object.keys(members)) {
        if (IGNORE_MEMBERS.includes(key) || members[key] === undefined) continue;
        const closest = closestName(key, IGNORE_MEMBERS);
        return (
            `has ${key}, which an ignore entry does not have` +
            (closest ? `: did you mean ${closest}?` : `; it has ${IGNORE_MEMBERS.join(", ")}`)
        );
    }
    const { vulnerabilityId, reason, expiresOn } = members;
    if (
        !isUnknown(vulnerabilityId) &&
        (typeof vulnerabilityId !== "string" ||
            vulnerabilityId.trim() !== vulnerabilityId ||
            vulnerabilityId.length < 1 ||
            vulnerabilityId.length > MAX_VULNERABILITY_ID_LENGTH)
    ) {
        return (
            `has vulnerabilityId ${describeValue(vulnerabilityId)}: give the ID Inspector reports, such as ` +
            `CVE-2024-3094 (1 to ${MAX_VULNERABILITY_ID_LENGTH} characters)`
        );
    }
    if (!isUnknown(reason) && (typeof reason !== "string" || reason.trim() === "")) {
        return `has reason ${describeValue(reason)}: say why the finding may be ignored (a ticket, a risk acceptance)`;
    }
    if (expiresOn === undefined || expiresOn === null) {
        return "has no expiresOn: every ignore entry needs a last day (YYYY-MM-DD), after which its findings count again";
    }
    if (!isUnknown(expiresOn) && !isDate(expiresOn)) {
        return `has expiresOn ${describeValue(expiresOn)}, which is not a date: use YYYY-MM-DD, such as 2026-09-30`;
    }
    return undefined;
}

/** A real calendar day written `YYYY-MM-DD`. */
function isDate(value: unknown): boolean {
    const match = typeof value === "string" ? DATE.exec(value) : null;
    if (!match) return false;
    const [year, month, day] = match.slice(1).map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Waiting defaults to on when resources are listed; whole accounts have nothing to wait for. */
function checkWaitForScan(check: InputCheck, value: unknown, mayHaveResources: boolean): boolean | Unknown {
    const wait = checkBoolean(check, "waitForScan", value, mayHaveResources);
    if (wait === true && !mayHaveResources) {
        check.fail(
            "waitForScan",
            "waitForScan true has nothing to wait for: only images, lambdaFunctions, ec2Instances and " +
                "codeRepositories are scanned one by one (accountIds are not); remove waitForScan or list them",
        );
    }
    return wait;
}

function checkTriggers(check: InputCheck, value: unknown): unknown {
    if (value === undefined || value === null || isUnknown(value))
        return isUnknown(value) ? value : undefined;
    if (Array.isArray(value)) return value;
    check.fail("triggers", `triggers ${describeValue(value)} is not a list: give a list of any values`);
    return undefined;
}

function checkResourceUrn(check: InputCheck, value: unknown): unknown {
    if (isUnknown(value) || isUrn(value)) return value;
    const shown =
        value === undefined || value === null ? "is missing" : `${describeValue(value)} is not a Pulumi URN`;
    check.fail(
        "resourceUrn",
        `resourceUrn ${shown}: create the resource with the FindingsGate class, which sets it`,
    );
    return undefined;
}
