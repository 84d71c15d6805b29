import { DEFAULT_SETTINGS } from "../../../emulator";
import type { Caller, ServiceContext } from "../../../emulator/service";
import type { ClassicSettings, EmulatorSettings } from "../../../emulator/settings/settings";

export const ADMIN: Caller = {
    accountId: "111122223333",
    accessKeyId: "AKIAIOSFODNN7EXAMPLE",
    region: "us-east-1",
};

/**
 * A ServiceContext with a hand-driven clock, for tests of ClassicService itself (state files, seeding, settings
 * the HTTP tests cannot reach); everything wire-visible is tested through the real SDK client instead.
 */
export class FakeContext implements ServiceContext {
    time = Date.UTC(2024, 0, 1);
    current: EmulatorSettings = DEFAULT_SETTINGS;
    readonly mutations: { operation: string; accountId: string }[] = [];

    now(): number {
        return this.time;
    }

    settings(): EmulatorSettings {
        return this.current;
    }

    countMutation(operation: string, accountId: string): void {
        this.mutations.push({ operation, accountId });
    }

    withClassic(classic: Partial<ClassicSettings>, seed = this.current.seed): void {
        this.current = { ...this.current, seed, classic: { ...this.current.classic, ...classic } };
    }
}
