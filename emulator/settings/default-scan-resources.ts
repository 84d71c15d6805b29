import type { ScanResourceSettings } from "./scan-settings";

/** The digest of the seeded `shop` image. */
export const SEEDED_IMAGE_HASH = "sha256:efd83a05b027ea2c46739a9fc2a4188ef9be83d1a35812a5be4655d7de8df468";

/**
 * The resources the emulator covers by default, all of the delegated administrator 111122223333 in us-east-1 (the
 * EC2 instance in the settings' region): an image with four findings, a function with one, and an instance
 * Inspector cannot scan. Documented in the README, so examples give the same answer on every run.
 */
export const DEFAULT_SCAN_RESOURCES: readonly ScanResourceSettings[] = [
    {
        resourceType: "AWS_ECR_CONTAINER_IMAGE",
        resourceId: `arn:aws:ecr:us-east-1:111122223333:repository/shop/${SEEDED_IMAGE_HASH}`,
        ecrImage: { imageTags: ["1.4.2", "latest"] },
        findings: [
            {
                vulnerabilityId: "CVE-2023-38545",
                severity: "CRITICAL",
                packageName: "curl",
                packageVersion: "7.88.1-10+deb12u1",
                fixedInVersion: "7.88.1-10+deb12u4",
                exploitAvailable: true,
            },
            {
                vulnerabilityId: "CVE-2023-44487",
                severity: "HIGH",
                packageName: "libnghttp2-14",
                packageVersion: "1.52.0-1",
                fixedInVersion: "1.52.0-1+deb12u1",
            },
            {
                vulnerabilityId: "CVE-2023-4911",
                severity: "HIGH",
                packageName: "libc6",
                packageVersion: "2.36-9+deb12u1",
                fixedInVersion: "2.36-9+deb12u3",
            },
            {
                vulnerabilityId: "CVE-2023-4039",
                severity: "MEDIUM",
                packageName: "libgcc-s1",
                packageVersion: "12.2.0-14",
            },
        ],
    },
    {
        resourceType: "AWS_LAMBDA_FUNCTION",
        resourceId: "arn:aws:lambda:us-east-1:111122223333:function:checkout",
        lambdaFunction: { runtime: "NODEJS_22_X" },
        findings: [
            {
                vulnerabilityId: "CVE-2024-21538",
                severity: "HIGH",
                packageName: "cross-spawn",
                packageVersion: "7.0.3",
                fixedInVersion: "7.0.5",
            },
        ],
    },
    {
        resourceType: "AWS_EC2_INSTANCE",
        resourceId: "i-0abcd1234ef567890",
        ec2Instance: { platform: "LINUX" },
        unsupported: "UNSUPPORTED_OS",
    },
];
