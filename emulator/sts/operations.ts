import { assumeRole } from "./operations/assume-role";
import { getCallerIdentity } from "./operations/get-caller-identity";
import type { StsHandler } from "./runtime";

/**
 * The STS operations the emulator serves, by model name, each with its handler (one file each in `operations/`).
 * StsService.handle looks the operation up here.
 */
export const STS_OPERATIONS: ReadonlyMap<string, StsHandler> = new Map<string, StsHandler>([
    ["GetCallerIdentity", getCallerIdentity],
    ["AssumeRole", assumeRole],
]);
