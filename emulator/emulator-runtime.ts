import { ActivityLog } from "./activity-log";
import { FaultInjector } from "./faults/fault-injector";
import { mergeSettings } from "./settings/merge-settings";
import type { EmulatedService, ServiceContext, ServiceName } from "./service";
import type { ServiceFactory, ServiceSet } from "./service-set";
import type { EmulatorSettings, PartialSettings } from "./settings/settings";
import { InvalidSettingsError } from "./settings/invalid-settings-error";
import { settingsProblems } from "./settings/settings-validation";
import type { SigningKey } from "./signature/verify-signature";
import { accountKey } from "./signature/verify-signature";
import { StsService } from "./sts/service";

/**
 * The state a state file keeps: settings and each service's snapshot. State files written before STS was served
 * have no `sts` entry.
 */
export interface RuntimeSnapshot {
    readonly settings: EmulatorSettings;
    readonly services: Readonly<Record<Exclude<ServiceName, "sts">, unknown>> & { readonly sts?: unknown };
}

/**
 * One emulator's moving parts apart from HTTP: live settings, the services, fault choices and the logs. The admin
 * API and the request pipeline both act through it. STS belongs to the core rather than to the service set: the
 * credentials it issues sign requests to every service.
 */
export class EmulatorRuntime {
    readonly log = new ActivityLog();
    readonly faults: FaultInjector;
    private readonly services: ServiceSet;
    private readonly sts: StsService;
    private currentSettings: EmulatorSettings;
    private seededTemplateArn = "";

    constructor(
        settings: EmulatorSettings,
        readonly now: () => number,
        createServices: ServiceFactory,
    ) {
        assertValidSettings(settings);
        this.currentSettings = settings;
        this.faults = new FaultInjector(settings.seed);
        const contextFor = (service: ServiceName): ServiceContext => ({
            now: () => this.now(),
            settings: () => this.currentSettings,
            countMutation: (operation, accountId) => this.countMutation(service, operation, accountId),
        });
        this.services = createServices(contextFor);
        this.sts = new StsService(contextFor("sts"));
    }

    settings(): EmulatorSettings {
        return this.currentSettings;
    }

    /** Deep-merges `patch` over the settings; throws, changing nothing, when the result is invalid. */
    updateSettings(patch: PartialSettings): void {
        const merged = mergeSettings(this.currentSettings, patch);
        assertValidSettings(merged);
        this.currentSettings = merged;
        if (merged.seed !== this.faults.currentSeed) this.faults.restart(merged.seed);
    }

    service(name: ServiceName): EmulatedService {
        return name === "sts" ? this.sts : this.services[name];
    }

    /** The key behind an access key ID: an account's long-term key pair, else temporary credentials from STS. */
    signingKey(accessKeyId: string): SigningKey | undefined {
        return accountKey(this.currentSettings.accounts, accessKeyId) ?? this.sts.signingKey(accessKeyId);
    }

    /** Grows with every change the state file keeps (executed mutations, issued credentials). */
    get changeCount(): number {
        return this.log.mutationCount + this.sts.changeCount;
    }

    get templateArn(): string {
        return this.seededTemplateArn;
    }

    /** Creates (or finds) the default Classic template of the administrator in the default region. */
    seedDefaults(): void {
        const administrator = this.currentSettings.accounts.find(
            (account) => account.role === "administrator",
        );
        if (!administrator) return;
        this.seededTemplateArn = this.services.seedDefaults(
            administrator.accountId,
            this.currentSettings.region,
        );
    }

    /** Forgets all service state, the logs and the fault sequence, then seeds the defaults again. */
    reset(): void {
        this.services.inspector2.reset();
        this.services.inspector.reset();
        this.sts.reset();
        this.log.clear();
        this.faults.restart(this.currentSettings.seed);
        this.seedDefaults();
    }

    snapshot(): RuntimeSnapshot {
        return {
            settings: this.currentSettings,
            services: {
                inspector2: this.services.inspector2.snapshot(),
                inspector: this.services.inspector.snapshot(),
                sts: this.sts.snapshot(),
            },
        };
    }

    /** Restores the services' state; seeding afterwards finds the template the snapshot already holds. */
    restore(snapshot: RuntimeSnapshot): void {
        this.services.inspector2.restore(snapshot.services.inspector2);
        this.services.inspector.restore(snapshot.services.inspector);
        if (snapshot.services.sts !== undefined) this.sts.restore(snapshot.services.sts);
    }

    private countMutation(service: ServiceName, operation: string, accountId: string): void {
        this.log.recordMutation({ service, operation, accountId, time: new Date(this.now()).toISOString() });
    }
}

function assertValidSettings(settings: EmulatorSettings): void {
    const problems = settingsProblems(settings);
    if (problems.length > 0) throw new InvalidSettingsError(problems);
}
