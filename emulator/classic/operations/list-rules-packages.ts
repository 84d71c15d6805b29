import { paginate } from "../pagination";
import type { ClassicHandler } from "../request";
import { rulesPackagesFor } from "../rules-packages";

export interface ListRulesPackagesInput {
    readonly nextToken?: string;
    readonly maxResults?: number;
}

export const listRulesPackages: ClassicHandler<ListRulesPackagesInput> = ({ scope }, input) => {
    const packages = rulesPackagesFor(scope.region).map((rulesPackage, seq) => ({
        seq,
        arn: rulesPackage.arn,
    }));
    const page = paginate(packages, input.nextToken, input.maxResults);
    return {
        rulesPackageArns: page.items.map((rulesPackage) => rulesPackage.arn),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
};
