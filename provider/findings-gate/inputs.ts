import type { AssumeRoleSettings } from "../aws/credentials";
import type { Severity, SeverityKey } from "./args";
import {
    parseAccountId,
    parseCodeRepository,
    parseEc2Instance,
    parseImage,
    parseLambdaFunction,
    type Parsed,
    type Subject,
} from "./subjects";
import type { GateRules, IgnoreRule } from "./verdict";

/** A gated image as check stores it and the `images` output shows it: the URI as given, or the reference. */
export type ImageInput =
    | string
    | {
          /** The repository's name. */
          readonly repositoryName: string;
          /** The image's digest, `sha256:` and 64 hex digits. */
          readonly imageDigest: string;
          /** The registry's account, when given. */
          readonly registryId?: string;
      };

/**
 * The inputs after check: validated, lists sorted and without duplicates, enumerations in their canonical
 * spelling, defaults filled in and the region resolved. Optional members are left out rather than undefined
 * (the engine's wire format has no undefined).
 */
export interface FindingsGateInputs {
    readonly images?: readonly ImageInput[];
    readonly lambdaFunctions?: readonly string[];
    readonly ec2Instances?: readonly string[];
    readonly codeRepositories?: readonly string[];
    readonly accountIds?: readonly string[];
    readonly failOnSeverity?: Severity;
    readonly thresholds?: Readonly<Partial<Record<SeverityKey, number>>>;
    readonly onlyFixAvailable: boolean;
    readonly onlyExploitAvailable: boolean;
    readonly ignore?: readonly IgnoreRule[];
    readonly waitForScan: boolean;
    readonly waitTimeoutSeconds: number;
    readonly triggers?: readonly unknown[];
    readonly region: string;
    /** The resource's URN, computed by the class: it names the gate in messages and scopes its ID. */
    readonly resourceUrn: string;
    /** The profile this resource's credentials come from, instead of the stack's (see provider/aws/credentials.ts). */
    readonly profile?: string;
    /** The role this resource assumes, instead of the stack's. */
    readonly assumeRole?: AssumeRoleSettings;
}

/** Every input property, in the order check writes them. */
export const INPUT_KEYS = [
    "images",
    "lambdaFunctions",
    "ec2Instances",
    "codeRepositories",
    "accountIds",
    "failOnSeverity",
    "thresholds",
    "onlyFixAvailable",
    "onlyExploitAvailable",
    "ignore",
    "waitForScan",
    "waitTimeoutSeconds",
    "triggers",
    "region",
    "resourceUrn",
    "profile",
    "assumeRole",
] as const satisfies readonly (keyof FindingsGateInputs)[];

/** The subject lists, with what parses their items and how messages name one item. */
export const SUBJECT_LISTS = [
    { property: "images", parse: parseImage, one: "image", many: "images" },
    {
        property: "lambdaFunctions",
        parse: parseLambdaFunction,
        one: "Lambda function",
        many: "Lambda functions",
    },
    { property: "ec2Instances", parse: parseEc2Instance, one: "EC2 instance", many: "EC2 instances" },
    {
        property: "codeRepositories",
        parse: parseCodeRepository,
        one: "code repository",
        many: "code repositories",
    },
    { property: "accountIds", parse: parseAccountId, one: "account", many: "accounts" },
] as const satisfies readonly {
    property: keyof FindingsGateInputs;
    parse: (item: unknown) => Parsed<Subject>;
    one: string;
    many: string;
}[];

// Defaults and limits; the README and the args' TSDoc state the same values.

/** How long one create or update waits for Inspector's scans: 15 minutes. */
export const DEFAULT_WAIT_TIMEOUT_SECONDS = 900;

/**
 * The most accounts one gate can read: a delegated administrator sees the findings of at most 10,000 member
 * accounts (Inspector's quota), and its own.
 */
export const MAX_ACCOUNT_IDS = 10_001;

/** A day: longer waits belong to a separate process, not to one `pulumi up`. */
export const MAX_WAIT_TIMEOUT_SECONDS = 86_400;

/** The subjects of checked inputs, in the order of {@link SUBJECT_LISTS}. */
export function subjectsOf(inputs: Readonly<Partial<FindingsGateInputs>>): Subject[] {
    const subjects: Subject[] = [];
    for (const { property, parse } of SUBJECT_LISTS) {
        for (const item of (inputs[property] ?? []) as readonly unknown[]) {
            const parsed = parse(item);
            if ("subject" in parsed) subjects.push(parsed.subject);
        }
    }
    return subjects;
}

/** The rules of checked inputs. */
export function rulesOf(inputs: Readonly<Partial<FindingsGateInputs>>): GateRules {
    return {
        ...(inputs.failOnSeverity ? { failOnSeverity: inputs.failOnSeverity } : {}),
        ...(inputs.thresholds ? { thresholds: inputs.thresholds } : {}),
        onlyFixAvailable: inputs.onlyFixAvailable ?? false,
        onlyExploitAvailable: inputs.onlyExploitAvailable ?? false,
        ignore: inputs.ignore ?? [],
    };
}

/** The inputs kept among stored outputs. */
export function pickInputs(properties: Readonly<Partial<FindingsGateInputs>>): Partial<FindingsGateInputs> {
    const inputs: Record<string, unknown> = {};
    for (const key of INPUT_KEYS) if (properties[key] !== undefined) inputs[key] = properties[key];
    return inputs as Partial<FindingsGateInputs>;
}
