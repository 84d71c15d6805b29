/** The model's `Status` enum: the Inspector status of an account or of one of its resource types. */
export type Status = "ENABLING" | "ENABLED" | "DISABLING" | "DISABLED" | "SUSPENDING" | "SUSPENDED";

/** Where an Enable or Disable sends a resource type. */
export type TargetStatus = "ENABLED" | "DISABLED";
