import type { Caller } from "../../service";
import { Organisation } from "../organisation";
import { withPolicies } from "../organization-policies";
import type { Inspector2Runtime } from "../runtime";
import { scanResourcesOf, type ScanResource } from "./scan-resource";

/** How long a resource stays PENDING_INITIAL_SCAN when the settings give no `delays.scanMs`. */
export const DEFAULT_SCAN_MS = 500;

/** Where a covered resource's scan stands. */
export type ScanState =
    | { readonly kind: "pending" }
    | { readonly kind: "scanned"; readonly lastScannedAt: number }
    | { readonly kind: "inactive"; readonly reason: string };

/** A resource the caller sees, with its scan's state at the time of the call. */
export interface ScanView {
    readonly resource: ScanResource;
    /** Clock time (ms) the resource appeared: its `pushedAt`, or when the emulator first saw it. */
    readonly appearedAt: number;
    readonly scan: ScanState;
}

/**
 * The resources the caller sees now, in the caller's region: those of the accounts it manages (its own; the
 * delegated administrator's members too) whose type the account scans. A resource appears when it was pushed
 * (or first seen), is PENDING_INITIAL_SCAN for `delays.scanMs` from then or from when its type became ENABLED,
 * whichever is later, and is scanned after that. Unsupported resources are covered but never scanned; while its
 * type is DISABLING a resource shows INACTIVE with PENDING_DISABLE.
 */
export function scanViews(runtime: Inspector2Runtime, caller: Caller): ScanView[] {
    const { context, state } = runtime;
    const now = context.now();
    const settings = context.settings();
    const resources = scanResourcesOf(settings.scanResources, settings.region);
    state.sightings.see(
        resources.map((resource) => resource.key),
        now,
    );
    const organisation = Organisation.of(settings.accounts);
    const scanMs = settings.delays.scanMs ?? DEFAULT_SCAN_MS;
    const views: ScanView[] = [];
    for (const resource of resources) {
        if (resource.region !== caller.region) continue;
        if (!organisation.mayManage(caller.accountId, resource.accountId)) continue;
        const appearedAt = resource.pushedAt ?? state.sightings.firstSeen(resource.key, now);
        if (now < appearedAt) continue;
        const enabledAt = scanningSince(runtime, resource, now);
        if (enabledAt === undefined) continue;
        if (enabledAt === "disabling" || resource.unsupported !== undefined) {
            const reason = enabledAt === "disabling" ? "PENDING_DISABLE" : resource.unsupported!;
            views.push({ resource, appearedAt, scan: { kind: "inactive", reason } });
            continue;
        }
        const scannedAt = Math.max(appearedAt, enabledAt) + scanMs;
        views.push({
            resource,
            appearedAt,
            scan: now >= scannedAt ? { kind: "scanned", lastScannedAt: scannedAt } : { kind: "pending" },
        });
    }
    return views;
}

/**
 * Since when the resource's account has scanned its type in its region; `disabling` while the type is DISABLING;
 * undefined when it is not scanned (the type is neither, as BatchGetAccountStatus reports it, or the account is
 * suspended). A type an organisation policy holds ENABLED has been scanning since the emulator started.
 */
function scanningSince(
    runtime: Inspector2Runtime,
    resource: ScanResource,
    now: number,
): number | "disabling" | undefined {
    const { context, state } = runtime;
    const settings = context.settings();
    const account = Organisation.of(settings.accounts).account(resource.accountId);
    if (!account || account.state === "suspended") return undefined;
    const statuses = withPolicies(
        settings.organizationPolicies,
        resource.accountId,
        state.statuses.statuses(resource.accountId, resource.region, now),
    );
    if (statuses[resource.scannedBy] === "DISABLING") return "disabling";
    if (statuses[resource.scannedBy] !== "ENABLED") return undefined;
    const enabledAt = state.statuses.enabledAt(resource.accountId, resource.region, resource.scannedBy);
    return enabledAt !== undefined && enabledAt <= now ? enabledAt : state.sightings.epoch;
}
