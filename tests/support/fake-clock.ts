import type { AwsClients } from "../../provider/aws/clients";
import type { WaitPolicy } from "../../provider/core/context";
import { testContext, type TestContext } from "./test-context";

/** A lifecycle context whose clock moves only when it sleeps, with every sleep recorded. */
export interface FakeClock {
    /** Milliseconds since the clock was made. */
    now: number;
    readonly slept: number[];
    readonly context: TestContext;
}

/**
 * A test context on a fake clock: `now` starts at 0 and each sleep advances it by exactly what was asked, at
 * once, so a test can follow a wait of minutes, pause by pause, in no time. The policy is the test's own (the
 * default one, to see production's pauses).
 */
export function fakeClock(
    options: { readonly policy?: WaitPolicy; readonly clients?: AwsClients } = {},
): FakeClock {
    const base = testContext({ clients: options.clients });
    const clock: FakeClock = {
        now: 0,
        slept: [],
        context: {
            ...base,
            ...(options.policy ? { policy: options.policy } : {}),
            now: () => clock.now,
            sleep: async (ms: number) => {
                clock.slept.push(ms);
                clock.now += ms;
            },
        },
    };
    return clock;
}
