import assert from "node:assert/strict";
import { parseCliOptions } from "../../../emulator/cli/cli-options";

describe("parseCliOptions", () => {
    const TABLE: readonly [args: string[], expected: ReturnType<typeof parseCliOptions>][] = [
        [[], { port: 0, help: false }],
        [["--port", "4566"], { port: 4566, help: false }],
        [
            ["--config", "emulator.json", "--state-file", ".emulator-state/state.json", "--seed=-3"],
            {
                port: 0,
                help: false,
                configFile: "emulator.json",
                stateFile: ".emulator-state/state.json",
                seed: -3,
            },
        ],
        [["--help"], { port: 0, help: true }],
        [["--port", "http"], '--port "http" must be an integer from 0 to 65535'],
        [["--port", "70000"], '--port "70000" must be an integer from 0 to 65535'],
        [["--seed", "1.5"], '--seed "1.5" must be an integer'],
        [["--seed", ""], '--seed "" must be an integer'],
    ];

    for (const [args, expected] of TABLE) {
        it(`reads ${JSON.stringify(args)}`, () => {
            assert.deepEqual(parseCliOptions(args), expected);
        });
    }

    it("names an unknown option", () => {
        assert.match(parseCliOptions(["--colour", "blue"]) as string, /Unknown option '--colour'/);
    });
});
