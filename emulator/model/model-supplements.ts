import type { ServiceName } from "../service";

/*
 * Traits the Smithy models carry but the botocore files drop. They are facts about the services (which lists are
 * sets, which status an error travels with), kept here because the emulator reads only the botocore files.
 */

/** List shapes the Smithy models mark `@uniqueItems`: a repeated element is a validation error. */
export const UNIQUE_ITEM_LISTS: Readonly<Record<ServiceName, ReadonlySet<string>>> = {
    inspector2: new Set([
        "AccountIdSet",
        "CisAccountIdList",
        "CisFindingStatusFilterList",
        "CisNumberFilterList",
        "CisScanStatusFilterList",
        "DaysList",
        "TargetAccountList",
    ]),
    inspector: new Set(),
    sts: new Set(),
};

/** HTTP statuses of errors whose botocore shape has none (Smithy `@httpError`). */
export const ERROR_STATUS_CODES: Readonly<Record<ServiceName, Readonly<Record<string, number>>>> = {
    inspector2: {},
    inspector: { AccessDeniedException: 403, ServiceTemporarilyUnavailableException: 503 },
    sts: {},
};
