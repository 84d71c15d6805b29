/** Inspector Classic's documented per-account quotas that the emulator enforces (per account and region). */
export const MAX_ASSESSMENT_TARGETS = 50;
export const MAX_ASSESSMENT_TEMPLATES = 500;
