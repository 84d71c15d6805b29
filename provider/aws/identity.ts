import type { LifecycleContext } from "../core/context";
import { callAws, type CallOptions } from "./call";
import { stsSdk } from "./sdk-modules";

/** Who the credentials are, as STS says. */
export interface CallerIdentity {
    readonly accountId: string;
    /** `arn:aws:iam::<account>:user/<name>`, `arn:aws:sts::<account>:assumed-role/<role>/<session>`, … */
    readonly arn: string;
}

/**
 * The calling account, from STS GetCallerIdentity with the context's credentials, in `region` (the regional STS
 * endpoint, or `AWS_ENDPOINT_URL_STS`): what the AWS CLI, the SDKs' tooling and `@pulumi/aws` ask. It needs no
 * permission, and answers whichever service the credentials are used for next.
 */
export async function callerIdentity(
    context: LifecycleContext,
    region: string,
    options: Pick<CallOptions, "deadline"> = {},
): Promise<CallerIdentity> {
    const target = { service: "sts", operation: "GetCallerIdentity", region } as const;
    const client = context.clients.sts(region);
    const answer = await callAws(
        context,
        target,
        () => client.send(new (stsSdk().GetCallerIdentityCommand)({})),
        options,
    );
    if (!answer.Account) {
        throw new Error(`STS GetCallerIdentity in ${region} did not name the calling account`);
    }
    return { accountId: answer.Account, arn: answer.Arn ?? "" };
}
