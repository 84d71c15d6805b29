/**
 * The AWS region format: partition prefix, area and number, for example `eu-west-1` or `us-gov-east-1`. The same
 * rule as the provider's, kept here because the emulator shares no code with the provider.
 */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
