import { resetClients } from "../../provider/aws/clients";
import { type PartialSettings, type RunningEmulator, startEmulator } from "../../emulator";

/** The variables through which the SDK's default chain finds the emulator and its keys. */
export const ENV_KEYS = [
    "AWS_ENDPOINT_URL_INSPECTOR",
    "AWS_ENDPOINT_URL_INSPECTOR2",
    "AWS_ENDPOINT_URL_STS",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_REGION",
] as const;

export interface EmulatorFixture {
    readonly emulator: RunningEmulator;
}

/**
 * One emulator for the enclosing describe block, with the SDK's environment pointed at it, so the provider's
 * shared clients reach it exactly as they would reach AWS. Before each test its state and call log are forgotten,
 * its settings put back with `perTest`, and the shared clients recreated (a region's throttling pause must not carry
 * one test's throttling into the next). Everything is undone after the block.
 */
export function useSdkEmulator(
    settings: PartialSettings,
    perTest: PartialSettings = settings,
): EmulatorFixture {
    const fixture = {} as { emulator: RunningEmulator };
    const saved: Partial<Record<(typeof ENV_KEYS)[number], string>> = {};
    before(async () => {
        fixture.emulator = await startEmulator({ settings });
        for (const key of ENV_KEYS) {
            saved[key] = process.env[key];
            process.env[key] = fixture.emulator.env[key];
        }
        resetClients();
    });
    beforeEach(() => {
        fixture.emulator.admin.reset();
        fixture.emulator.admin.updateSettings(perTest);
        resetClients();
    });
    after(async () => {
        resetClients();
        await fixture.emulator?.close();
        for (const key of ENV_KEYS) {
            if (saved[key] === undefined) delete process.env[key];
            else process.env[key] = saved[key];
        }
    });
    return fixture;
}
