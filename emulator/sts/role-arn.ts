/** The parts of an IAM role ARN that STS answers with. */
export interface RoleArnParts {
    readonly partition: string;
    readonly accountId: string;
    /** The role's name, without its path: assumed-role ARNs name the role by it alone. */
    readonly roleName: string;
}

/** `arn:<partition>:iam::<12 digits>:role/<optional path/><name>`, with IAM's rules for paths and names. */
const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[\x21-\x7E]*\/)?([\w+=,.@-]{1,64})$/;

/** The role ARN's parts, or undefined when the text is no IAM role ARN. */
export function parseRoleArn(roleArn: string): RoleArnParts | undefined {
    const match = ROLE_ARN.exec(roleArn);
    if (!match) return undefined;
    return { partition: match[1], accountId: match[2], roleName: match[3] };
}

/** The characters and length STS allows in an external ID. */
export const EXTERNAL_ID_PATTERN = /^[\w+=,.@:/-]{2,1224}$/;
