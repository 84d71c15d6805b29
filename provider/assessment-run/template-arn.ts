/** The parts of an Inspector Classic assessment template ARN that matter here. */
export interface TemplateArnParts {
    readonly partition: string;
    readonly region: string;
    readonly accountId: string;
}

const PREFIX = String.raw`^arn:(aws(?:-[a-z]+)*):inspector:([a-z0-9-]+):(\d{12}):`;
const ID = String.raw`[A-Za-z0-9-]+`;
const TEMPLATE_ARN = new RegExp(`${PREFIX}target/${ID}/template/${ID}$`);
const RUN_ARN = new RegExp(`${PREFIX}target/${ID}/template/${ID}/run/${ID}$`);
const TARGET_ARN = new RegExp(`${PREFIX}target/${ID}$`);

/** The form of a template ARN, as messages show it. */
export const TEMPLATE_ARN_FORM = "arn:<partition>:inspector:<region>:<account>:target/<id>/template/<id>";

/** The partition, region and account of a template ARN, or undefined when the text is not one. */
export function parseTemplateArn(arn: string): TemplateArnParts | undefined {
    const match = TEMPLATE_ARN.exec(arn);
    return match ? { partition: match[1], region: match[2], accountId: match[3] } : undefined;
}

/** What a string that is not a template ARN looks like instead, for a message that helps fix it. */
export function misusedArnKind(arn: string): "run" | "target" | undefined {
    if (RUN_ARN.test(arn)) return "run";
    if (TARGET_ARN.test(arn)) return "target";
    return undefined;
}
