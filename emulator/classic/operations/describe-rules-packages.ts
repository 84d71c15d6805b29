import { describeBatch } from "../batch";
import type { ClassicHandler } from "../request";
import { rulesPackagesFor } from "../rules-packages";

export interface DescribeRulesPackagesInput {
    readonly rulesPackageArns: readonly string[];
    /** EN_US is the only locale the model offers. */
    readonly locale?: "EN_US";
}

/** Rules packages belong to AWS, not the caller: any package of the caller's region can be described. */
export const describeRulesPackages: ClassicHandler<DescribeRulesPackagesInput> = ({ scope }, input) => {
    const offered = new Map(
        rulesPackagesFor(scope.region).map((rulesPackage) => [rulesPackage.arn, rulesPackage]),
    );
    const { found, failedItems } = describeBatch(input.rulesPackageArns, "rulespackage", (arn) => {
        const rulesPackage = offered.get(arn);
        return rulesPackage && { ...rulesPackage };
    });
    return { rulesPackages: found, failedItems };
};
