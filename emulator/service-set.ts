import type { EmulatedService, ServiceContext, ServiceName } from "./service";

/** Both emulated services, as one emulator instance runs them. */
export interface ServiceSet {
    readonly inspector2: EmulatedService;
    readonly inspector: EmulatedService;
    /**
     * Creates the state a fresh emulator starts with (the Classic assessment target and template of `accountId`
     * in `region`) and returns the template's ARN.
     */
    seedDefaults(accountId: string, region: string): string;
}

/** Builds the services of one emulator instance; each service gets its own context (mutations name it). */
export type ServiceFactory = (contextFor: (service: ServiceName) => ServiceContext) => ServiceSet;
