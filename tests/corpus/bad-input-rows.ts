import { ASSESSMENT_RUN_TYPE_TOKEN } from "../../provider/assessment-run/resource";
import { ENABLEMENT_TYPE_TOKEN } from "../../provider/enablement/resource";
import { FINDINGS_GATE_TYPE_TOKEN } from "../../provider/findings-gate/resource";
import { resourceUrn, type Properties } from "../support/dynamic-provider-host";

/**
 * The bad-input corpus: inputs a program could give each resource that check must refuse at preview, under the
 * property, with a reason that shows the value and states the rule, without any AWS call. Each row's inputs are
 * laid over the resource's valid inputs ({@link VALID}); a property set to undefined is left out.
 */

export type ResourceName = "InspectorEnablement" | "AssessmentRun" | "FindingsGate";

/** The kinds of badness the corpus covers; every one has rows. */
export const BADNESS = [
    "type",
    "length",
    "pattern",
    "enum",
    "duplicate",
    "empty",
    "missing",
    "unknown property",
    "malformed ARN",
    "foreign ARN",
    "conflicting options",
    "out of range",
    "number for string",
    "nested garbage",
    "oversized list",
] as const;
export type Badness = (typeof BADNESS)[number];

export interface BadInput {
    readonly resource: ResourceName;
    readonly kind: Badness;
    /** Laid over the resource's valid inputs; undefined leaves the property out. */
    readonly inputs: Properties;
    /** The property the failure is reported under (every failure of the row is under it). */
    readonly property: string;
    /** What the reason must match: the property and the value as shown, then the rule. */
    readonly reason: RegExp;
}

/** The stack's region (configure's `aws:region`), where the valid inputs' subjects live. */
export const STACK_REGION = "us-east-1";

export const URNS: Readonly<Record<ResourceName, string>> = {
    InspectorEnablement: resourceUrn("corpus-scanning", ENABLEMENT_TYPE_TOKEN),
    AssessmentRun: resourceUrn("corpus-release-scan", ASSESSMENT_RUN_TYPE_TOKEN),
    FindingsGate: resourceUrn("corpus-release-gate", FINDINGS_GATE_TYPE_TOKEN),
};

const ACCOUNT = "123456789012";
const TEMPLATE_ARN = `arn:aws:inspector:${STACK_REGION}:${ACCOUNT}:target/0-AbCd1234/template/0-EfGh5678`;
const DIGEST = `sha256:${"a".repeat(64)}`;
const IMAGE = `${ACCOUNT}.dkr.ecr.${STACK_REGION}.amazonaws.com/shop@${DIGEST}`;
const FUNCTION_ARN = `arn:aws:lambda:${STACK_REGION}:${ACCOUNT}:function:checkout`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/InspectorDeployer`;
const CVE = "CVE-2024-3094";

/** Inputs each resource accepts (checked as an update, so no read-only look runs): the rows spoil them. */
export const VALID: Readonly<Record<ResourceName, Properties>> = {
    InspectorEnablement: { resourceTypes: ["ECR"], resourceUrn: URNS.InspectorEnablement },
    AssessmentRun: { assessmentTemplateArn: TEMPLATE_ARN, resourceUrn: URNS.AssessmentRun },
    FindingsGate: { images: [IMAGE], failOnSeverity: "HIGH", resourceUrn: URNS.FindingsGate },
};

/** How a message shows a value longer than 100 characters. */
function shortened(text: string): string {
    return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}

/** 10,002 distinct account IDs: one more than a delegated administrator and its 10,000 members. */
const TOO_MANY_ACCOUNTS = Array.from({ length: 10_002 }, (_, i) => String(100_000_000_000 + i));
const TOO_MANY_SHOWN = `${shortened(JSON.stringify(TOO_MANY_ACCOUNTS))} (list)`;

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** A reason that starts with `start` (the property and the value as shown) and goes on to state `rule`. */
function says(start: string, rule: string): RegExp {
    return new RegExp(`^${escape(start)}[^]*${escape(rule)}`);
}

function row(resource: ResourceName) {
    return (kind: Badness, inputs: Properties, property: string, start: string, rule: string): BadInput => ({
        resource,
        kind,
        inputs,
        property,
        reason: says(start, rule),
    });
}

const enablement = row("InspectorEnablement");
const run = row("AssessmentRun");
const gate = row("FindingsGate");

const TYPES_RULE = "use EC2, ECR, LAMBDA, LAMBDA_CODE or CODE_REPOSITORY (any letter case)";
const ACCOUNT_RULE = "is not an account ID: an account ID is a string of exactly 12 digits";
const REGION_RULE = "a region is lower-case words joined by dashes and ending in a number, such as eu-west-1";
const TOKEN_RULE = "a client token is a string of 1 to 64 characters";
const PROFILE_RULE =
    "is not a profile name: give the name of a profile of the shared credentials or config file";
const ROLE_RULE = "is not an IAM role ARN: use arn:aws:iam::<12-digit account ID>:role/<name>";
const SESSION_RULE = "is not a session name: use 2 to 64 letters, digits and +=,.@_-";
const EXTERNAL_ID_RULE = "is not an external ID: use 2 to 1224 letters, digits and +=,.@:/_-";
const DURATION_RULE = "is not allowed: use a whole number of seconds from 900 to 43200";
const TEMPLATE_RULE =
    "is not an Inspector Classic assessment template ARN (arn:<partition>:inspector:<region>:<account>:target/<id>/template/<id>)";
const IMAGE_FORMS = "use <account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<64 hex digits>";
const DIGEST_RULE = "which is not sha256: and 64 lower-case hex digits";
const FUNCTION_RULE = "use the function's name (1 to 64 letters, digits, - and _) or its unqualified ARN";
const INSTANCE_RULE = "is not an EC2 instance ID: i- and 8 or 17 lower-case hex digits";
const PROJECT_RULE =
    "is not a code repository project name: 1 to 1024 characters, without leading or trailing spaces";
const GATE_SEVERITIES = "use CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL or UNTRIAGED (any letter case)";
const LIMIT_RULE = "is not a limit: use a whole number of 0 or more";
const TOO_MANY_RULE =
    "at most 10000 member accounts, so give at most 10001 (the administrator and its members)";

// One row a line, as a table reads: (kind, inputs, property, the reason's start, the rule it states).
// prettier-ignore
export const BAD_INPUTS: readonly BadInput[] = [
    // ---- InspectorEnablement ----
    enablement("type", { resourceTypes: "ECR" }, "resourceTypes", 'resourceTypes "ECR"', "is not a list: give a list such as"),
    enablement("empty", { resourceTypes: [] }, "resourceTypes", "resourceTypes []", "is empty: give at least one of EC2, ECR"),
    enablement("missing", { resourceTypes: undefined }, "resourceTypes", "resourceTypes", "is missing: give at least one of EC2, ECR"),
    enablement("enum", { resourceTypes: ["EC3"] }, "resourceTypes", 'resourceTypes[0] "EC3"', `is not a resource type: ${TYPES_RULE}`),
    enablement("enum", { resourceTypes: ["ECR", "Lambda-Code"] }, "resourceTypes", 'resourceTypes[1] "Lambda-Code"', TYPES_RULE),
    enablement("enum", { resourceTypes: ["ecr "] }, "resourceTypes", 'resourceTypes[0] "ecr "', TYPES_RULE),
    enablement("number for string", { resourceTypes: [2] }, "resourceTypes", "resourceTypes[0] 2", TYPES_RULE),
    enablement("nested garbage", { resourceTypes: [["ECR"]] }, "resourceTypes", 'resourceTypes[0] ["ECR"] (list)', TYPES_RULE),
    enablement("nested garbage", { resourceTypes: [{ type: "ECR" }] }, "resourceTypes", 'resourceTypes[0] {"type":"ECR"} (object)', TYPES_RULE),
    enablement("type", { resourceTypes: [null] }, "resourceTypes", "resourceTypes[0] null", TYPES_RULE),
    enablement("type", { accountIds: ACCOUNT }, "accountIds", `accountIds "${ACCOUNT}"`, "is not a list: give a list of 12-digit account IDs"),
    enablement("empty", { accountIds: [] }, "accountIds", "accountIds []", "is empty: give at least one 12-digit account ID, or leave accountIds out"),
    enablement("length", { accountIds: ["12345678901"] }, "accountIds", 'accountIds[0] "12345678901"', ACCOUNT_RULE),
    enablement("length", { accountIds: ["1234567890123"] }, "accountIds", 'accountIds[0] "1234567890123"', ACCOUNT_RULE),
    enablement("pattern", { accountIds: [ACCOUNT, "12345678901O"] }, "accountIds", 'accountIds[1] "12345678901O"', ACCOUNT_RULE),
    enablement("pattern", { accountIds: [` ${ACCOUNT}`] }, "accountIds", `accountIds[0] " ${ACCOUNT}"`, ACCOUNT_RULE),
    enablement("number for string", { accountIds: [123456789012] }, "accountIds", "accountIds[0] 123456789012", ACCOUNT_RULE),
    enablement("foreign ARN", { accountIds: [`arn:aws:iam::${ACCOUNT}:root`] }, "accountIds", `accountIds[0] "arn:aws:iam::${ACCOUNT}:root"`, ACCOUNT_RULE),
    enablement("nested garbage", { accountIds: [{ accountId: ACCOUNT }] }, "accountIds", `accountIds[0] {"accountId":"${ACCOUNT}"} (object)`, ACCOUNT_RULE),
    enablement("oversized list", { accountIds: TOO_MANY_ACCOUNTS }, "accountIds", `accountIds ${TOO_MANY_SHOWN} lists 10002 different accounts`, TOO_MANY_RULE),
    enablement("length", { clientToken: "" }, "clientToken", 'clientToken ""', `is 0 characters long: ${TOKEN_RULE}`),
    enablement("length", { clientToken: "t".repeat(65) }, "clientToken", `clientToken "${"t".repeat(65)}"`, `is 65 characters long: ${TOKEN_RULE}`),
    enablement("number for string", { clientToken: 12345 }, "clientToken", "clientToken 12345", `is not a string: ${TOKEN_RULE}`),
    enablement("nested garbage", { clientToken: { value: "release" } }, "clientToken", 'clientToken {"value":"release"} (object)', `is not a string: ${TOKEN_RULE}`),
    enablement("pattern", { region: "us-east" }, "region", 'region "us-east"', `is not an AWS region: ${REGION_RULE}`),
    enablement("pattern", { region: "US-EAST-1" }, "region", 'region "US-EAST-1"', `is not an AWS region: ${REGION_RULE}`),
    enablement("number for string", { region: 1 }, "region", "region 1", `is not an AWS region: ${REGION_RULE}`),
    enablement("type", { waitForEnabled: "true" }, "waitForEnabled", 'waitForEnabled "true"', "is not a boolean: use true or false"),
    enablement("type", { waitForEnabled: 1 }, "waitForEnabled", "waitForEnabled 1", "is not a boolean: use true or false"),
    enablement("out of range", { waitTimeoutSeconds: 0 }, "waitTimeoutSeconds", "waitTimeoutSeconds 0", "is not allowed: use a whole number of seconds from 1 to 86400 (1 day)"),
    enablement("out of range", { waitTimeoutSeconds: 86_401 }, "waitTimeoutSeconds", "waitTimeoutSeconds 86401", "from 1 to 86400 (1 day)"),
    enablement("out of range", { waitTimeoutSeconds: 2.5 }, "waitTimeoutSeconds", "waitTimeoutSeconds 2.5", "use a whole number of seconds from 1 to 86400"),
    enablement("type", { waitTimeoutSeconds: "900" }, "waitTimeoutSeconds", 'waitTimeoutSeconds "900"', "use a whole number of seconds from 1 to 86400"),
    enablement("out of range", { pollIntervalSeconds: 0.5 }, "pollIntervalSeconds", "pollIntervalSeconds 0.5", "is not allowed: use a number of seconds from 1 to 300"),
    enablement("out of range", { pollIntervalSeconds: 301 }, "pollIntervalSeconds", "pollIntervalSeconds 301", "use a number of seconds from 1 to 300"),
    enablement("out of range", { pollIntervalSeconds: -1 }, "pollIntervalSeconds", "pollIntervalSeconds -1", "use a number of seconds from 1 to 300"),
    enablement("unknown property", { accountIDs: [ACCOUNT] }, "accountIDs", "accountIDs", "is not a property of this resource: did you mean accountIds?"),
    enablement("unknown property", { resourceType: ["ECR"] }, "resourceType", "resourceType", "is not a property of this resource: did you mean resourceTypes?"),
    enablement("unknown property", { scanEverything: true }, "scanEverything", "scanEverything", "is not a property of this resource; its properties are resourceTypes, accountIds"),
    enablement("pattern", { resourceUrn: "scanning" }, "resourceUrn", 'resourceUrn "scanning"', "is not a Pulumi URN: create the resource with the InspectorEnablement class"),
    enablement("pattern", { profile: "[production]" }, "profile", 'profile "[production]"', PROFILE_RULE),
    enablement("pattern", { profile: " production" }, "profile", 'profile " production"', PROFILE_RULE),
    enablement("number for string", { profile: 7 }, "profile", "profile 7", PROFILE_RULE),
    enablement("type", { assumeRole: ROLE_ARN }, "assumeRole", `assumeRole "${ROLE_ARN}"`, `is not an object: give { roleArn: "arn:aws:iam::123456789012:role/InspectorDeployer" }`),
    enablement("missing", { assumeRole: {} }, "assumeRole.roleArn", "assumeRole.roleArn", "is missing: give the ARN of the role to assume"),
    enablement("foreign ARN", { assumeRole: { roleArn: `arn:aws:iam::${ACCOUNT}:user/deployer` } }, "assumeRole.roleArn", `assumeRole.roleArn "arn:aws:iam::${ACCOUNT}:user/deployer"`, ROLE_RULE),
    enablement("malformed ARN", { assumeRole: { roleArn: `arn:aws:iam::${ACCOUNT}:role/` } }, "assumeRole.roleArn", `assumeRole.roleArn "arn:aws:iam::${ACCOUNT}:role/"`, ROLE_RULE),
    enablement("out of range", { assumeRole: { roleArn: ROLE_ARN, durationSeconds: 43_201 } }, "assumeRole.durationSeconds", "assumeRole.durationSeconds 43201", DURATION_RULE),

    // ---- AssessmentRun ----
    run("missing", { assessmentTemplateArn: undefined }, "assessmentTemplateArn", "assessmentTemplateArn", "is required: the ARN of the Inspector Classic assessment template to run"),
    run("number for string", { assessmentTemplateArn: 42 }, "assessmentTemplateArn", "assessmentTemplateArn 42", "must be a string (a template ARN)"),
    run("nested garbage", { assessmentTemplateArn: [TEMPLATE_ARN] }, "assessmentTemplateArn", `assessmentTemplateArn ["${TEMPLATE_ARN}"] (list)`, "must be a string (a template ARN)"),
    run("length", { assessmentTemplateArn: "" }, "assessmentTemplateArn", 'assessmentTemplateArn ""', "is 0 characters long; it must be 1 to 300"),
    run("length", { assessmentTemplateArn: `${TEMPLATE_ARN}${"9".repeat(301 - TEMPLATE_ARN.length)}` }, "assessmentTemplateArn", `assessmentTemplateArn "${TEMPLATE_ARN}`, "is 301 characters long; it must be 1 to 300"),
    run("foreign ARN", { assessmentTemplateArn: `${TEMPLATE_ARN}/run/0-IjKl9012` }, "assessmentTemplateArn", `assessmentTemplateArn "${TEMPLATE_ARN}/run/0-IjKl9012"`, `${TEMPLATE_RULE}; it is an assessment run ARN, pass the ARN of its template`),
    run("foreign ARN", { assessmentTemplateArn: `arn:aws:inspector:${STACK_REGION}:${ACCOUNT}:target/0-AbCd1234` }, "assessmentTemplateArn", `assessmentTemplateArn "arn:aws:inspector:${STACK_REGION}:${ACCOUNT}:target/0-AbCd1234"`, `${TEMPLATE_RULE}; it is an assessment target ARN`),
    run("foreign ARN", { assessmentTemplateArn: `arn:aws:inspector2:${STACK_REGION}:${ACCOUNT}:finding/0123abcd` }, "assessmentTemplateArn", `assessmentTemplateArn "arn:aws:inspector2:${STACK_REGION}:${ACCOUNT}:finding/0123abcd"`, TEMPLATE_RULE),
    run("foreign ARN", { assessmentTemplateArn: "arn:aws:s3:::release-bucket" }, "assessmentTemplateArn", 'assessmentTemplateArn "arn:aws:s3:::release-bucket"', TEMPLATE_RULE),
    run("foreign ARN", { assessmentTemplateArn: TEMPLATE_ARN.replace("arn:aws:", "arn:aws-cn:") }, "assessmentTemplateArn", `assessmentTemplateArn "${TEMPLATE_ARN.replace("arn:aws:", "arn:aws-cn:")}"`, "names partition aws-cn, which does not hold region us-east-1: the ARN of a template in us-east-1 starts with arn:aws:inspector:us-east-1:"),
    run("foreign ARN", { assessmentTemplateArn: TEMPLATE_ARN.replace(STACK_REGION, "cn-north-1") }, "assessmentTemplateArn", `assessmentTemplateArn "${TEMPLATE_ARN.replace(STACK_REGION, "cn-north-1")}"`, "names partition aws, which does not hold region cn-north-1: the ARN of a template in cn-north-1 starts with arn:aws-cn:inspector:cn-north-1:"),
    run("malformed ARN", { assessmentTemplateArn: TEMPLATE_ARN.replace(ACCOUNT, "12345678901") }, "assessmentTemplateArn", `assessmentTemplateArn "${TEMPLATE_ARN.replace(ACCOUNT, "12345678901")}"`, TEMPLATE_RULE),
    run("malformed ARN", { assessmentTemplateArn: `arn:aws:inspector:${STACK_REGION}:${ACCOUNT}:template/0-EfGh5678` }, "assessmentTemplateArn", `assessmentTemplateArn "arn:aws:inspector:${STACK_REGION}:${ACCOUNT}:template/0-EfGh5678"`, TEMPLATE_RULE),
    run("malformed ARN", { assessmentTemplateArn: TEMPLATE_ARN.slice("arn:".length) }, "assessmentTemplateArn", `assessmentTemplateArn "${TEMPLATE_ARN.slice(4)}"`, TEMPLATE_RULE),
    run("malformed ARN", { assessmentTemplateArn: TEMPLATE_ARN.replace("0-EfGh5678", "0_EfGh5678") }, "assessmentTemplateArn", `assessmentTemplateArn "${TEMPLATE_ARN.replace("0-EfGh5678", "0_EfGh5678")}"`, TEMPLATE_RULE),
    run("malformed ARN", { assessmentTemplateArn: TEMPLATE_ARN.replace(STACK_REGION, "US-EAST-1") }, "assessmentTemplateArn", `assessmentTemplateArn "${TEMPLATE_ARN.replace(STACK_REGION, "US-EAST-1")}"`, TEMPLATE_RULE),
    run("malformed ARN", { assessmentTemplateArn: ` ${TEMPLATE_ARN}` }, "assessmentTemplateArn", `assessmentTemplateArn " ${TEMPLATE_ARN}"`, TEMPLATE_RULE),
    run("type", { triggers: "v1.4.2" }, "triggers", 'triggers "v1.4.2"', "must be a list of values"),
    run("nested garbage", { triggers: { build: 42 } }, "triggers", 'triggers {"build":42} (object)', "must be a list of values"),
    run("length", { assessmentRunName: "" }, "assessmentRunName", 'assessmentRunName ""', "is 0 characters long; it must be 1 to 140"),
    run("length", { assessmentRunName: "r".repeat(141) }, "assessmentRunName", `assessmentRunName "${"r".repeat(97)}..."`, "is 141 characters long; it must be 1 to 140"),
    run("number for string", { assessmentRunName: 42 }, "assessmentRunName", "assessmentRunName 42", "must be a string"),
    run("nested garbage", { assessmentRunName: ["release-42"] }, "assessmentRunName", 'assessmentRunName ["release-42"] (list)', "must be a string"),
    run("conflicting options", { region: "eu-west-1" }, "region", 'region "eu-west-1"', 'differs from the region of assessmentTemplateArn ("us-east-1")'),
    run("pattern", { region: "useast1" }, "region", 'region "useast1"', 'is not an AWS region name such as "us-east-1"'),
    run("number for string", { region: 1 }, "region", "region 1", 'must be a string such as "us-east-1"'),
    run("enum", { failOnFindings: "Critical" }, "failOnFindings", 'failOnFindings "Critical"', "is not a severity: use High, Medium, Low or Informational (any letter case)"),
    run("enum", { failOnFindings: "Undefined" }, "failOnFindings", 'failOnFindings "Undefined"', "cannot be a threshold: findings of severity Undefined have no rank; use High, Medium, Low or Informational"),
    run("number for string", { failOnFindings: 3 }, "failOnFindings", "failOnFindings 3", "is not a severity: use High, Medium, Low or Informational"),
    run("conflicting options", { failOnFindings: "High", waitForCompletion: false }, "failOnFindings", 'failOnFindings "High"', "needs waitForCompletion true (it is false)"),
    run("type", { waitForCompletion: "yes" }, "waitForCompletion", 'waitForCompletion "yes"', "is not a boolean: use true or false"),
    run("out of range", { waitTimeoutSeconds: 604_801 }, "waitTimeoutSeconds", "waitTimeoutSeconds 604801", "use a whole number of seconds from 1 to 604800 (7 days)"),
    run("out of range", { waitTimeoutSeconds: -60 }, "waitTimeoutSeconds", "waitTimeoutSeconds -60", "use a whole number of seconds from 1 to 604800"),
    run("type", { waitTimeoutSeconds: "3600" }, "waitTimeoutSeconds", 'waitTimeoutSeconds "3600"', "use a whole number of seconds from 1 to 604800"),
    run("enum", { stopActionOnDelete: "STOP" }, "stopActionOnDelete", 'stopActionOnDelete "STOP"', "is not a stop action: use START_EVALUATION or SKIP_EVALUATION (any letter case)"),
    run("number for string", { stopActionOnDelete: 0 }, "stopActionOnDelete", "stopActionOnDelete 0", "use START_EVALUATION or SKIP_EVALUATION"),
    run("type", { deleteOnDestroy: "false" }, "deleteOnDestroy", 'deleteOnDestroy "false"', "is not a boolean: use true or false"),
    run("unknown property", { assessmentTemplateARN: TEMPLATE_ARN }, "assessmentTemplateARN", "assessmentTemplateARN", "is not a property of this resource: did you mean assessmentTemplateArn?"),
    run("unknown property", { failOnFinding: "High" }, "failOnFinding", "failOnFinding", "did you mean failOnFindings?"),
    run("unknown property", { images: [IMAGE] }, "images", "images", "is not a property of this resource; its properties are assessmentTemplateArn"),
    run("pattern", { resourceUrn: "release-scan" }, "resourceUrn", 'resourceUrn "release-scan"', "must be this resource's URN"),
    run("length", { assumeRole: { roleArn: ROLE_ARN, sessionName: "a" } }, "assumeRole.sessionName", 'assumeRole.sessionName "a"', SESSION_RULE),
    run("pattern", { assumeRole: { roleArn: ROLE_ARN, sessionName: "release scan" } }, "assumeRole.sessionName", 'assumeRole.sessionName "release scan"', SESSION_RULE),
    run("length", { assumeRole: { roleArn: ROLE_ARN, externalId: "x" } }, "assumeRole.externalId", 'assumeRole.externalId "x"', EXTERNAL_ID_RULE),
    run("out of range", { assumeRole: { roleArn: ROLE_ARN, durationSeconds: 899 } }, "assumeRole.durationSeconds", "assumeRole.durationSeconds 899", DURATION_RULE),
    run("unknown property", { assumeRole: { roleArn: ROLE_ARN, sessionname: "release" } }, "assumeRole.sessionname", "assumeRole.sessionname", "is not a setting of assumeRole: did you mean sessionName?"),
    run("nested garbage", { assumeRole: [ROLE_ARN] }, "assumeRole", `assumeRole ["${ROLE_ARN}"] (list)`, "is not an object: give { roleArn:"),
    run("type", { profile: ["production"] }, "profile", 'profile ["production"] (list)', PROFILE_RULE),

    // ---- FindingsGate ----
    gate("type", { images: IMAGE }, "images", `images "${shortened(IMAGE)}"`, "is not a list"),
    gate("empty", { images: [] }, "images", "images []", "is empty: the gate has nothing to gate: list at least one subject in images, lambdaFunctions"),
    gate("empty", { images: undefined, accountIds: [] }, "accountIds", "accountIds []", "is empty: the gate has nothing to gate: list at least one subject in images"),
    gate("missing", { images: undefined }, "images", "the gate has nothing to gate", "list at least one subject in images, lambdaFunctions"),
    gate("pattern", { images: [`${ACCOUNT}.dkr.ecr.${STACK_REGION}.amazonaws.com/shop:latest`] }, "images", `images[0] "${ACCOUNT}.dkr.ecr.${STACK_REGION}.amazonaws.com/shop:latest"`, 'names tag "latest" but no digest: a tag can move to another image, so the gate needs the digest'),
    gate("length", { images: [`${ACCOUNT}.dkr.ecr.${STACK_REGION}.amazonaws.com/shop@sha256:abc`] }, "images", `images[0] "${ACCOUNT}.dkr.ecr.${STACK_REGION}.amazonaws.com/shop@sha256:abc"`, `has digest "sha256:abc", ${DIGEST_RULE}`),
    gate("pattern", { images: [IMAGE.replace(DIGEST, DIGEST.toUpperCase().replace("SHA256", "sha256"))] }, "images", `images[0] "${shortened(IMAGE.replace(DIGEST, DIGEST.toUpperCase().replace("SHA256", "sha256")))}"`, DIGEST_RULE),
    gate("foreign ARN", { images: [`arn:aws:ecr:${STACK_REGION}:${ACCOUNT}:repository/shop/${DIGEST}`] }, "images", `images[0] "arn:aws:ecr:${STACK_REGION}:${ACCOUNT}:repository/shop/sha256:`, `is not an ECR image URI: ${IMAGE_FORMS}`),
    gate("pattern", { images: [`docker.io/library/nginx@${DIGEST}`] }, "images", 'images[0] "docker.io/library/nginx@sha256:', `is not an ECR image URI: ${IMAGE_FORMS}`),
    gate("conflicting options", { images: [IMAGE.replace(STACK_REGION, "eu-west-1")] }, "images", `images[0] "${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/shop@sha256:`, "is in eu-west-1, but the gate reads Inspector in us-east-1: gate it with a FindingsGate whose region is eu-west-1"),
    gate("unknown property", { images: [{ repository: "shop", imageDigest: DIGEST }] }, "images", 'images[0] {"imageDigest":"sha256:', "has repository, which an image does not have: did you mean repositoryName?"),
    gate("pattern", { images: [{ repositoryName: "Shop", imageDigest: DIGEST }] }, "images", 'images[0] {"imageDigest":"sha256:', 'has repositoryName "Shop", which is not an ECR repository name: 2 to 256 lower-case letters'),
    gate("length", { images: [{ repositoryName: "s", imageDigest: DIGEST }] }, "images", 'images[0] {"imageDigest":"sha256:', 'has repositoryName "s", which is not an ECR repository name: 2 to 256'),
    gate("missing", { images: [{ repositoryName: "shop" }] }, "images", 'images[0] {"repositoryName":"shop"} (object)', "has imageDigest undefined, which is not a digest: sha256: and 64 lower-case hex digits"),
    gate("length", { images: [{ repositoryName: "shop", imageDigest: DIGEST, registryId: "1234" }] }, "images", 'images[0] {"imageDigest":"sha256:', 'has registryId "1234", which is not a 12-digit account ID'),
    gate("number for string", { images: [{ repositoryName: "shop", imageDigest: DIGEST, registryId: 123456789012 }] }, "images", 'images[0] {"imageDigest":"sha256:', "has registryId 123456789012, which is not a 12-digit account ID"),
    gate("number for string", { images: [42] }, "images", "images[0] 42", `is not an image: ${IMAGE_FORMS}`),
    gate("nested garbage", { images: [[IMAGE]] }, "images", `images[0] ["${ACCOUNT}.dkr.ecr.`, `is not an image: ${IMAGE_FORMS}`),
    gate("type", { images: [null] }, "images", "images[0] null", `is not an image: ${IMAGE_FORMS}`),
    gate("malformed ARN", { lambdaFunctions: [`${FUNCTION_ARN}:prod`] }, "lambdaFunctions", `lambdaFunctions[0] "${FUNCTION_ARN}:prod"`, 'is qualified with "prod": Inspector reports findings per function, not per version or alias'),
    gate("malformed ARN", { lambdaFunctions: [FUNCTION_ARN.replace(ACCOUNT, "1234")] }, "lambdaFunctions", `lambdaFunctions[0] "${FUNCTION_ARN.replace(ACCOUNT, "1234")}"`, `is not a Lambda function name or ARN: ${FUNCTION_RULE}`),
    gate("length", { lambdaFunctions: ["f".repeat(65)] }, "lambdaFunctions", `lambdaFunctions[0] "${"f".repeat(65)}"`, `is not a Lambda function name or ARN: ${FUNCTION_RULE}`),
    gate("pattern", { lambdaFunctions: ["checkout service"] }, "lambdaFunctions", 'lambdaFunctions[0] "checkout service"', FUNCTION_RULE),
    gate("foreign ARN", { lambdaFunctions: [ROLE_ARN] }, "lambdaFunctions", `lambdaFunctions[0] "${ROLE_ARN}"`, FUNCTION_RULE),
    gate("foreign ARN", { lambdaFunctions: [FUNCTION_ARN.replace("arn:aws:", "arn:aws-cn:")] }, "lambdaFunctions", `lambdaFunctions[0] "${FUNCTION_ARN.replace("arn:aws:", "arn:aws-cn:")}"`, "names partition aws-cn, which does not hold region us-east-1: the ARN of a function in us-east-1 starts with arn:aws:lambda:us-east-1:"),
    gate("conflicting options", { lambdaFunctions: [FUNCTION_ARN.replace(STACK_REGION, "eu-west-1")] }, "lambdaFunctions", `lambdaFunctions[0] "${FUNCTION_ARN.replace(STACK_REGION, "eu-west-1")}"`, "is in eu-west-1, but the gate reads Inspector in us-east-1"),
    gate("number for string", { lambdaFunctions: [7] }, "lambdaFunctions", "lambdaFunctions[0] 7", `is not a Lambda function: ${FUNCTION_RULE}`),
    gate("length", { ec2Instances: ["i-123"] }, "ec2Instances", 'ec2Instances[0] "i-123"', INSTANCE_RULE),
    gate("pattern", { ec2Instances: ["i-0ABCDEF1234567890"] }, "ec2Instances", 'ec2Instances[0] "i-0ABCDEF1234567890"', INSTANCE_RULE),
    gate("foreign ARN", { ec2Instances: [`arn:aws:ec2:${STACK_REGION}:${ACCOUNT}:instance/i-0123456789abcdef0`] }, "ec2Instances", `ec2Instances[0] "arn:aws:ec2:${STACK_REGION}:${ACCOUNT}:instance/i-0123456789abcdef0"`, INSTANCE_RULE),
    gate("type", { ec2Instances: "i-0123456789abcdef0" }, "ec2Instances", 'ec2Instances "i-0123456789abcdef0"', "is not a list"),
    gate("length", { codeRepositories: [""] }, "codeRepositories", 'codeRepositories[0] ""', PROJECT_RULE),
    gate("pattern", { codeRepositories: [" shop-backend"] }, "codeRepositories", 'codeRepositories[0] " shop-backend"', PROJECT_RULE),
    gate("length", { codeRepositories: ["r".repeat(1025)] }, "codeRepositories", `codeRepositories[0] "${"r".repeat(97)}..."`, PROJECT_RULE),
    gate("number for string", { codeRepositories: [7] }, "codeRepositories", "codeRepositories[0] 7", PROJECT_RULE),
    gate("length", { accountIds: ["1234"] }, "accountIds", 'accountIds[0] "1234"', ACCOUNT_RULE),
    gate("number for string", { accountIds: [123456789012] }, "accountIds", "accountIds[0] 123456789012", ACCOUNT_RULE),
    gate("oversized list", { images: undefined, accountIds: TOO_MANY_ACCOUNTS }, "accountIds", `accountIds ${TOO_MANY_SHOWN} lists 10002 different accounts`, TOO_MANY_RULE),
    gate("enum", { failOnSeverity: "SEVERE" }, "failOnSeverity", 'failOnSeverity "SEVERE"', `is not a severity: ${GATE_SEVERITIES}`),
    gate("enum", { failOnSeverity: "" }, "failOnSeverity", 'failOnSeverity ""', `is not a severity: ${GATE_SEVERITIES}`),
    gate("number for string", { failOnSeverity: 3 }, "failOnSeverity", "failOnSeverity 3", `is not a severity: ${GATE_SEVERITIES}`),
    gate("missing", { failOnSeverity: undefined }, "failOnSeverity", "the gate has no rule", "set failOnSeverity (a minimum severity such as HIGH), thresholds"),
    gate("unknown property", { thresholds: { critcal: 0 } }, "thresholds.critcal", "thresholds.critcal", "is not a severity: did you mean critical?"),
    gate("out of range", { thresholds: { critical: -1 } }, "thresholds.critical", "thresholds.critical -1", LIMIT_RULE),
    gate("out of range", { thresholds: { high: 1.5 } }, "thresholds.high", "thresholds.high 1.5", LIMIT_RULE),
    gate("type", { thresholds: { critical: "0" } }, "thresholds.critical", 'thresholds.critical "0"', LIMIT_RULE),
    // Object keys reach the provider sorted (a protobuf Struct is a map): "Medium" before "medium".
    gate("duplicate", { thresholds: { medium: 3, Medium: 3 } }, "thresholds.medium", "thresholds.medium 3", "names medium again (as thresholds.Medium 3 does): give each severity once, in any letter case"),
    gate("duplicate", { thresholds: { critical: 0, CRITICAL: 1 } }, "thresholds.critical", "thresholds.critical 0", "names critical again (as thresholds.CRITICAL 1 does): give each severity once"),
    gate("type", { thresholds: [0] }, "thresholds", "thresholds [0] (list)", "is not an object such as { critical: 0, high: 5 }"),
    gate("empty", { thresholds: {} }, "thresholds", "thresholds {}", "has no severity: give at least one"),
    gate("type", { onlyFixAvailable: "yes" }, "onlyFixAvailable", 'onlyFixAvailable "yes"', "is not a boolean: use true or false"),
    gate("type", { onlyExploitAvailable: 1 }, "onlyExploitAvailable", "onlyExploitAvailable 1", "is not a boolean: use true or false"),
    gate("type", { ignore: CVE }, "ignore", `ignore "${CVE}"`, "is not a list such as [{ vulnerabilityId:"),
    gate("nested garbage", { ignore: [CVE] }, "ignore[0]", `ignore[0] "${CVE}"`, "is not an entry: use { vulnerabilityId, reason, expiresOn }"),
    gate("missing", { ignore: [{ vulnerabilityId: CVE, reason: "TICKET-1" }] }, "ignore[0]", `ignore[0] {"reason":"TICKET-1","vulnerabilityId":"${CVE}"} (object)`, "has no expiresOn: every ignore entry needs a last day (YYYY-MM-DD)"),
    gate("out of range", { ignore: [{ vulnerabilityId: CVE, reason: "TICKET-1", expiresOn: "2026-02-30" }] }, "ignore[0]", 'ignore[0] {"expiresOn":"2026-02-30"', 'has expiresOn "2026-02-30", which is not a date: use YYYY-MM-DD'),
    gate("pattern", { ignore: [{ vulnerabilityId: CVE, reason: "TICKET-1", expiresOn: "30/09/2026" }] }, "ignore[0]", 'ignore[0] {"expiresOn":"30/09/2026"', 'has expiresOn "30/09/2026", which is not a date: use YYYY-MM-DD'),
    gate("number for string", { ignore: [{ vulnerabilityId: CVE, reason: "TICKET-1", expiresOn: 20_260_930 }] }, "ignore[0]", 'ignore[0] {"expiresOn":20260930', "has expiresOn 20260930, which is not a date: use YYYY-MM-DD"),
    gate("empty", { ignore: [{ vulnerabilityId: CVE, reason: " ", expiresOn: "2026-09-30" }] }, "ignore[0]", 'ignore[0] {"expiresOn":"2026-09-30","reason":" "', 'has reason " ": say why the finding may be ignored'),
    gate("pattern", { ignore: [{ vulnerabilityId: ` ${CVE}`, reason: "TICKET-1", expiresOn: "2026-09-30" }] }, "ignore[0]", 'ignore[0] {"expiresOn":"2026-09-30"', `has vulnerabilityId " ${CVE}": give the ID Inspector reports, such as CVE-2024-3094 (1 to 128 characters)`),
    gate("length", { ignore: [{ vulnerabilityId: "C".repeat(129), reason: "TICKET-1", expiresOn: "2026-09-30" }] }, "ignore[0]", 'ignore[0] {"expiresOn":"2026-09-30"', `has vulnerabilityId "${"C".repeat(97)}...": give the ID Inspector reports`),
    gate("duplicate", { ignore: [{ vulnerabilityId: CVE, reason: "TICKET-1", expiresOn: "2026-09-30" }, { vulnerabilityId: CVE, reason: "TICKET-2", expiresOn: "2026-12-31" }] }, "ignore[1]", `ignore[1] ignores ${CVE} again (as ignore[0] does)`, "give each vulnerability one entry, with one reason and one expiry"),
    gate("unknown property", { ignore: [{ vulnerabilityId: CVE, reason: "TICKET-1", expires: "2026-09-30" }] }, "ignore[0]", 'ignore[0] {"expires":"2026-09-30"', "has expires, which an ignore entry does not have: did you mean expiresOn?"),
    gate("conflicting options", { images: undefined, accountIds: [ACCOUNT], waitForScan: true }, "waitForScan", "waitForScan true", "has nothing to wait for: only images, lambdaFunctions, ec2Instances and codeRepositories are scanned one by one"),
    gate("type", { waitForScan: "true" }, "waitForScan", 'waitForScan "true"', "is not a boolean: use true or false"),
    gate("out of range", { waitTimeoutSeconds: 86_401 }, "waitTimeoutSeconds", "waitTimeoutSeconds 86401", "use a whole number of seconds from 1 to 86400 (1 day)"),
    gate("out of range", { waitTimeoutSeconds: 0 }, "waitTimeoutSeconds", "waitTimeoutSeconds 0", "use a whole number of seconds from 1 to 86400"),
    gate("type", { triggers: "deploy-42" }, "triggers", 'triggers "deploy-42"', "is not a list: give a list of any values"),
    gate("pattern", { region: "us_east_1" }, "region", 'region "us_east_1"', `is not an AWS region: ${REGION_RULE}`),
    gate("unknown property", { image: [IMAGE] }, "image", "image", "is not a property of this resource: did you mean images?"),
    gate("unknown property", { failOnSeverities: "HIGH" }, "failOnSeverities", "failOnSeverities", "did you mean failOnSeverity?"),
    gate("pattern", { resourceUrn: "release-gate" }, "resourceUrn", 'resourceUrn "release-gate"', "is not a Pulumi URN: create the resource with the FindingsGate class"),
    gate("pattern", { profile: "prod\nuser" }, "profile", 'profile "prod\\nuser"', PROFILE_RULE),
    gate("length", { assumeRole: { roleArn: `arn:aws:iam::${ACCOUNT}:role/${"r".repeat(65)}` } }, "assumeRole.roleArn", `assumeRole.roleArn "arn:aws:iam::${ACCOUNT}:role/rrr`, ROLE_RULE),
    gate("number for string", { assumeRole: { roleArn: 123456789012 } }, "assumeRole.roleArn", "assumeRole.roleArn 123456789012", ROLE_RULE),
    gate("foreign ARN", { assumeRole: { roleArn: "arn:aws:s3:::release-bucket" } }, "assumeRole.roleArn", 'assumeRole.roleArn "arn:aws:s3:::release-bucket"', ROLE_RULE),
    gate("pattern", { assumeRole: { roleArn: ROLE_ARN, externalId: "partner id" } }, "assumeRole.externalId", 'assumeRole.externalId "partner id"', EXTERNAL_ID_RULE),
    gate("type", { assumeRole: { roleArn: ROLE_ARN, durationSeconds: "3600" } }, "assumeRole.durationSeconds", 'assumeRole.durationSeconds "3600"', DURATION_RULE),
];
