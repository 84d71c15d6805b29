/** Inspector Classic ARNs, shaped like AWS's: runs nest under templates, templates under targets. */

export type ArnKind = "resourcegroup" | "target" | "template" | "run" | "rulespackage";

/** The ARN partition a region belongs to. */
export function partitionOf(region: string): string {
    if (region.startsWith("cn-")) return "aws-cn";
    if (region.startsWith("us-gov-")) return "aws-us-gov";
    return "aws";
}

function servicePrefix(region: string, accountId: string): string {
    return `arn:${partitionOf(region)}:inspector:${region}:${accountId}`;
}

export function resourceGroupArn(region: string, accountId: string, id: string): string {
    return `${servicePrefix(region, accountId)}:resourcegroup/0-${id}`;
}

export function targetArn(region: string, accountId: string, id: string): string {
    return `${servicePrefix(region, accountId)}:target/0-${id}`;
}

export function templateArn(parentTargetArn: string, id: string): string {
    return `${parentTargetArn}/template/0-${id}`;
}

export function runArn(parentTemplateArn: string, id: string): string {
    return `${parentTemplateArn}/run/0-${id}`;
}

export function rulesPackageArn(region: string, ownerAccountId: string, id: string): string {
    return `${servicePrefix(region, ownerAccountId)}:rulespackage/0-${id}`;
}

const ID = "0-[A-Za-z0-9]+";
const ARN_PATTERN = new RegExp(
    `^arn:aws(?:-[a-z]+)*:inspector:[a-z0-9-]+:\\d{12}:` +
        `(?:(resourcegroup)/${ID}|(rulespackage)/${ID}|target/${ID}(?:(/template/${ID})(/run/${ID})?)?)$`,
);

/** What an Inspector Classic ARN names, or undefined when the string is not one. */
export function arnKind(arn: string): ArnKind | undefined {
    const match = ARN_PATTERN.exec(arn);
    if (!match) return undefined;
    if (match[1]) return "resourcegroup";
    if (match[2]) return "rulespackage";
    if (match[4]) return "run";
    if (match[3]) return "template";
    return "target";
}

/** The form each kind of ARN takes, for error messages. */
export const ARN_FORMS: Readonly<Record<ArnKind, string>> = {
    resourcegroup: "arn:aws:inspector:<region>:<account>:resourcegroup/0-<id>",
    target: "arn:aws:inspector:<region>:<account>:target/0-<id>",
    template: "arn:aws:inspector:<region>:<account>:target/0-<id>/template/0-<id>",
    run: "arn:aws:inspector:<region>:<account>:target/0-<id>/template/0-<id>/run/0-<id>",
    rulespackage: "arn:aws:inspector:<region>:<account>:rulespackage/0-<id>",
};
