import { batchGetAccountStatus } from "./operations/batch-get-account-status";
import { disable } from "./operations/disable";
import { enable } from "./operations/enable";
import { getDelegatedAdminAccount } from "./operations/get-delegated-admin-account";
import { getMember } from "./operations/get-member";
import { listCoverage } from "./operations/list-coverage";
import { listDelegatedAdminAccounts } from "./operations/list-delegated-admin-accounts";
import { listFindingAggregations } from "./operations/list-finding-aggregations";
import { listFindings } from "./operations/list-findings";
import { listMembers } from "./operations/list-members";
import type { Inspector2Handler } from "./runtime";

/**
 * The Inspector (v2) operations the emulator serves, by model name, each with its handler (one file each in
 * `operations/`). Inspector2Service.handle looks the operation up here.
 */
export const INSPECTOR2_OPERATIONS: ReadonlyMap<string, Inspector2Handler> = new Map<
    string,
    Inspector2Handler
>([
    ["Enable", enable],
    ["Disable", disable],
    ["BatchGetAccountStatus", batchGetAccountStatus],
    ["GetDelegatedAdminAccount", getDelegatedAdminAccount],
    ["ListDelegatedAdminAccounts", listDelegatedAdminAccounts],
    ["ListMembers", listMembers],
    ["GetMember", getMember],
    ["ListCoverage", listCoverage],
    ["ListFindings", listFindings],
    ["ListFindingAggregations", listFindingAggregations],
]);
