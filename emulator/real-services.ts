import { ClassicService } from "./classic/service";
import { Inspector2Service } from "./inspector2/service";
import type { ServiceFactory } from "./service-set";

/** The emulated Inspector (v2) and Inspector Classic. */
export const createInspectorServices: ServiceFactory = (contextFor) => {
    const inspector2 = new Inspector2Service(contextFor("inspector2"));
    const inspector = new ClassicService(contextFor("inspector"));
    return {
        inspector2,
        inspector,
        seedDefaults: (accountId, region) => inspector.seedDefaults(accountId, region).assessmentTemplateArn,
    };
};
