import { DEFAULT_SCAN_RESOURCES } from "./default-scan-resources";
import type { EmulatorSettings } from "./settings";

/** The delegated administrator's account, the one the printed environment signs as. */
export const DEFAULT_ADMINISTRATOR_ACCOUNT_ID = "111122223333";

/**
 * The settings an emulator starts with. The key pairs are the example keys from AWS's documentation, so nothing
 * here resembles a real credential.
 */
export const DEFAULT_SETTINGS: EmulatorSettings = {
    region: "us-east-1",
    seed: 42,
    accounts: [
        {
            accountId: DEFAULT_ADMINISTRATOR_ACCOUNT_ID,
            accessKeyId: "AKIAIOSFODNN7EXAMPLE",
            secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            role: "administrator",
        },
        { accountId: "444455556666", role: "member" },
        { accountId: "777788889999", role: "member" },
        { accountId: "123456789012", role: "member" },
        {
            accountId: "999988887777",
            accessKeyId: "AKIAI44QH8DHBEXAMPLE",
            secretAccessKey: "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
            role: "standalone",
        },
    ],
    roles: [
        { roleArn: `arn:aws:iam::${DEFAULT_ADMINISTRATOR_ACCOUNT_ID}:role/InspectorDeployer` },
        { roleArn: "arn:aws:iam::999988887777:role/InspectorDeployer" },
    ],
    organizationPolicies: [],
    delays: { enablingMs: 200, disablingMs: 200, scanMs: 500 },
    scanResources: DEFAULT_SCAN_RESOURCES,
    faults: [],
    classic: { timeScale: 3600, maxConcurrentRuns: 10 },
    clockSkewMs: 15 * 60 * 1000,
};
