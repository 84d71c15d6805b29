import { rulesPackageArn } from "./arns";
import { seededBytes } from "./hash";
import { idFrom } from "./ids";

/** One rules package as DescribeRulesPackages returns it. */
export interface RulesPackage {
    readonly arn: string;
    readonly name: string;
    readonly version: string;
    readonly provider: string;
    readonly description: string;
}

interface PackageKind {
    readonly name: string;
    readonly description: string;
}

/** The four packages every region offered, in the order of the ids in REGION_PACKAGES. */
const KINDS: readonly PackageKind[] = [
    {
        name: "Common Vulnerabilities and Exposures",
        description: "Checks the assessed instances for software exposed to publicly known vulnerabilities.",
    },
    {
        name: "CIS Operating System Security Configuration Benchmarks",
        description: "Checks the operating system configuration against the CIS hardening benchmarks.",
    },
    {
        name: "Network Reachability",
        description:
            "Checks which ports of the assessed instances can be reached from outside their network.",
    },
    {
        name: "Security Best Practices",
        description: "Checks the assessed instances against common operating system security practices.",
    },
];

/**
 * The real rules package ARNs of some regions (published in the Inspector Classic user guide): the owning
 * account, then the ids of the KINDS in order. Programs written against AWS then work unchanged here.
 */
const REGION_PACKAGES: Readonly<Record<string, readonly [string, readonly string[]]>> = {
    "us-east-1": ["316112463485", ["gEjTy7T7", "rExsr2X8", "PmNV0Tcd", "R01qwB5Q"]],
    "us-east-2": ["646659390643", ["JnA8Zp85", "m8r61nnh", "cE4kTR30", "AxKmMHPX"]],
    "us-west-1": ["166987590008", ["TKgzoVOa", "xUY8iRqX", "TxmXimXF", "byoQRFYm"]],
    "us-west-2": ["758058086616", ["9hgA516p", "H5hpSawc", "rD1z6dpl", "JJOtZiqQ"]],
    "eu-west-1": ["357557129151", ["ubA5XvBh", "sJBhCr0F", "SPzU33xe", "SnojL3Z6"]],
    "eu-central-1": ["537503971621", ["wNqHa8M9", "nZrAVuv8", "6yunpJ91", "ZujVHEPB"]],
};

const PROVIDER = "Amazon Web Services, Inc.";
const VERSION = "1.1";

/** A stable stand-in for regions not in the table: an owner account and ids derived from the region's name. */
function generatedPackages(region: string): readonly [string, readonly string[]] {
    const owner = Array.from(
        seededBytes("rules-package-owner", region).subarray(0, 12),
        (byte) => byte % 10,
    ).join("");
    return [owner, KINDS.map((_, index) => idFrom("rules-package", region, index))];
}

/** The rules packages Inspector Classic offers in a region. */
export function rulesPackagesFor(region: string): readonly RulesPackage[] {
    const [owner, ids] = REGION_PACKAGES[region] ?? generatedPackages(region);
    return KINDS.map((kind, index) => ({
        arn: rulesPackageArn(region, owner, ids[index]),
        name: kind.name,
        version: VERSION,
        provider: PROVIDER,
        description: kind.description,
    }));
}
