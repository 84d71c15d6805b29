import { loadModel } from "../model/load-model";
import { REGION_PATTERN } from "../region-pattern";
import { organizationPolicyProblems, roleProblems } from "./access-settings-problems";
import { CLASSIC_BEHAVIOUR_KEYS, classicBehaviourProblems } from "./classic-settings-problems";
import { scanDelayProblems, scanResourceProblems } from "./scan-settings-problems";
import { isObject, unknownKeys, type ProblemReporter } from "./setting-problems";

const TOP_LEVEL_KEYS = [
    "region",
    "seed",
    "accounts",
    "roles",
    "organizationPolicies",
    "delays",
    "scanResources",
    "faults",
    "classic",
    "clockSkewMs",
];
const ACCOUNT_KEYS = ["accountId", "accessKeyId", "secretAccessKey", "role", "state", "failures"];
const DELAY_KEYS = ["enablingMs", "disablingMs", "scanMs", "overrides"];
const OVERRIDE_KEYS = ["resourceType", "region", "enablingMs", "disablingMs"];
const FAULT_KEYS = ["service", "operation", "kind", "probability", "count", "value"];
const CLASSIC_KEYS = ["timeScale", "maxConcurrentRuns", ...CLASSIC_BEHAVIOUR_KEYS];
const ROLES = ["administrator", "member", "standalone"];
const ACCOUNT_STATES = ["active", "suspended", "isolated"];
const FAULT_KINDS = ["throttle", "internal", "unavailable", "latency", "drop"];
const SERVICES = ["inspector2", "inspector", "sts"];
const RESOURCE_TYPES = ["EC2", "ECR", "LAMBDA", "LAMBDA_CODE", "CODE_REPOSITORY"];

/**
 * Every problem with a complete settings object (after merging), one sentence each naming the setting, its value
 * and the rule. Config files and the admin API go through this, so a typo is reported instead of ignored.
 */
export function settingsProblems(settings: unknown): string[] {
    const problems: string[] = [];
    const report = (path: string, value: unknown, rule: string) =>
        problems.push(`${path} ${show(value)} ${rule}`);
    if (!isObject(settings)) {
        report("settings", settings, "must be an object");
        return problems;
    }
    unknownKeys("settings", settings, TOP_LEVEL_KEYS, report);
    if (typeof settings.region !== "string" || !REGION_PATTERN.test(settings.region)) {
        report("region", settings.region, "must be a region name such as us-east-1");
    }
    checkInteger("seed", settings.seed, Number.MIN_SAFE_INTEGER, report);
    checkNumber("clockSkewMs", settings.clockSkewMs, 0, report);
    checkAccounts(settings.accounts, report);
    roleProblems(settings.roles, report);
    organizationPolicyProblems(settings.organizationPolicies, settings.accounts, report);
    checkDelays(settings.delays, report);
    scanResourceProblems(settings.scanResources, report);
    checkFaults(settings.faults, report);
    if (isObject(settings.classic)) {
        unknownKeys("classic", settings.classic, CLASSIC_KEYS, report);
        if (!(typeof settings.classic.timeScale === "number" && settings.classic.timeScale > 0)) {
            report("classic.timeScale", settings.classic.timeScale, "must be a number greater than 0");
        }
        checkInteger("classic.maxConcurrentRuns", settings.classic.maxConcurrentRuns, 1, report);
        classicBehaviourProblems(settings.classic, report);
    } else {
        report("classic", settings.classic, "must be an object");
    }
    return problems;
}

function checkAccounts(accounts: unknown, report: ProblemReporter): void {
    if (!Array.isArray(accounts)) return report("accounts", accounts, "must be a list");
    const ids = new Set<string>();
    const keys = new Set<string>();
    accounts.forEach((account: unknown, index) => {
        const path = `accounts[${index}]`;
        if (!isObject(account)) return report(path, account, "must be an object");
        unknownKeys(path, account, ACCOUNT_KEYS, report);
        if (typeof account.accountId !== "string" || !/^\d{12}$/.test(account.accountId)) {
            report(`${path}.accountId`, account.accountId, "must be 12 digits");
        } else if (ids.has(account.accountId)) {
            report(`${path}.accountId`, account.accountId, "appears twice; account IDs must be unique");
        } else {
            ids.add(account.accountId);
        }
        if (!ROLES.includes(account.role as string))
            report(`${path}.role`, account.role, `must be one of ${ROLES.join(", ")}`);
        if (account.state !== undefined && !ACCOUNT_STATES.includes(account.state as string)) {
            report(`${path}.state`, account.state, `must be one of ${ACCOUNT_STATES.join(", ")}`);
        }
        const hasKey = account.accessKeyId !== undefined;
        const hasSecret = account.secretAccessKey !== undefined;
        if (hasKey !== hasSecret) {
            report(
                path + (hasKey ? ".secretAccessKey" : ".accessKeyId"),
                undefined,
                "must be set together with the other half of the key pair",
            );
        }
        if (
            hasKey &&
            (typeof account.accessKeyId !== "string" || !/^[A-Z0-9]{16,128}$/.test(account.accessKeyId))
        ) {
            report(`${path}.accessKeyId`, account.accessKeyId, "must be 16 to 128 capital letters or digits");
        } else if (hasKey && keys.has(account.accessKeyId as string)) {
            report(`${path}.accessKeyId`, account.accessKeyId, "appears twice; access keys must be unique");
        } else if (hasKey) {
            keys.add(account.accessKeyId as string);
        }
        if (hasSecret && (typeof account.secretAccessKey !== "string" || account.secretAccessKey === "")) {
            report(`${path}.secretAccessKey`, "(hidden)", "must be a non-empty string");
        }
        if (account.failures !== undefined) checkFailures(`${path}.failures`, account.failures, report);
    });
}

function checkFailures(path: string, failures: unknown, report: ProblemReporter): void {
    if (!Array.isArray(failures)) return report(path, failures, "must be a list");
    failures.forEach((failure: unknown, index) => {
        const itemPath = `${path}[${index}]`;
        if (!isObject(failure)) return report(itemPath, failure, "must be an object");
        unknownKeys(itemPath, failure, ["errorCode", "times"], report);
        // The codes Enable and Disable report in failedAccounts.
        const errorCodes = loadModel("inspector2").shapes["ErrorCode"]?.enum ?? [];
        if (!errorCodes.includes(failure.errorCode as string)) {
            report(`${itemPath}.errorCode`, failure.errorCode, `must be one of ${errorCodes.join(", ")}`);
        }
        checkInteger(`${itemPath}.times`, failure.times, 0, report);
    });
}

function checkDelays(delays: unknown, report: ProblemReporter): void {
    if (!isObject(delays)) return report("delays", delays, "must be an object");
    unknownKeys("delays", delays, DELAY_KEYS, report);
    checkNumber("delays.enablingMs", delays.enablingMs, 0, report);
    checkNumber("delays.disablingMs", delays.disablingMs, 0, report);
    scanDelayProblems(delays.scanMs, report);
    if (delays.overrides === undefined) return;
    if (!Array.isArray(delays.overrides))
        return report("delays.overrides", delays.overrides, "must be a list");
    delays.overrides.forEach((override: unknown, index) => {
        const path = `delays.overrides[${index}]`;
        if (!isObject(override)) return report(path, override, "must be an object");
        unknownKeys(path, override, OVERRIDE_KEYS, report);
        if (
            override.resourceType !== undefined &&
            !RESOURCE_TYPES.includes(override.resourceType as string)
        ) {
            report(
                `${path}.resourceType`,
                override.resourceType,
                `must be one of ${RESOURCE_TYPES.join(", ")}`,
            );
        }
        if (
            override.region !== undefined &&
            !(typeof override.region === "string" && REGION_PATTERN.test(override.region))
        ) {
            report(`${path}.region`, override.region, "must be a region name such as us-east-1");
        }
        if (override.enablingMs !== undefined)
            checkNumber(`${path}.enablingMs`, override.enablingMs, 0, report);
        if (override.disablingMs !== undefined)
            checkNumber(`${path}.disablingMs`, override.disablingMs, 0, report);
    });
}

function checkFaults(faults: unknown, report: ProblemReporter): void {
    if (!Array.isArray(faults)) return report("faults", faults, "must be a list");
    faults.forEach((fault: unknown, index) => {
        const path = `faults[${index}]`;
        if (!isObject(fault)) return report(path, fault, "must be an object");
        unknownKeys(path, fault, FAULT_KEYS, report);
        if (fault.service !== undefined && !SERVICES.includes(fault.service as string)) {
            report(`${path}.service`, fault.service, `must be one of ${SERVICES.join(", ")}`);
        }
        if (typeof fault.operation !== "string" || fault.operation === "") {
            report(`${path}.operation`, fault.operation, "must be an operation name or *");
        }
        if (!FAULT_KINDS.includes(fault.kind as string)) {
            report(`${path}.kind`, fault.kind, `must be one of ${FAULT_KINDS.join(", ")}`);
        }
        if (
            fault.probability !== undefined &&
            !(typeof fault.probability === "number" && fault.probability >= 0 && fault.probability <= 1)
        ) {
            report(`${path}.probability`, fault.probability, "must be a number from 0 to 1");
        }
        if (fault.count !== undefined) checkInteger(`${path}.count`, fault.count, 0, report);
        if (fault.value !== undefined) checkNumber(`${path}.value`, fault.value, 0, report);
    });
}

function checkNumber(path: string, value: unknown, min: number, report: ProblemReporter): void {
    if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
        report(path, value, `must be a number of at least ${min}`);
    }
}

function checkInteger(path: string, value: unknown, min: number, report: ProblemReporter): void {
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
        report(
            path,
            value,
            min === Number.MIN_SAFE_INTEGER ? "must be an integer" : `must be an integer of at least ${min}`,
        );
    }
}

/** JSON for most values, but NaN and Infinity as themselves (JSON would show them as null). */
function show(value: unknown): string {
    return typeof value === "number" ? String(value) : (JSON.stringify(value) ?? "undefined");
}
