/** Port: one-time schedules (EventBridge Scheduler `at()` schedules that delete themselves after running). */
export interface OneTimeScheduleRequest {
  /** Deterministic, so a duplicate request finds the schedule already there instead of adding a second one. */
  name: string;
  at: Date;
  /** ARN of the Lambda function the schedule invokes. */
  targetArn: string;
  /** The event the target receives. */
  input: Record<string, unknown>;
  description?: string;
}

export interface ScheduleEntry {
  name: string;
  state?: string;
  targetArn?: string;
  createdAt?: Date;
}

export interface Schedules {
  /** `exists` when a schedule with this name is already there (the first request won; nothing changed). */
  createOnce(request: OneTimeScheduleRequest): Promise<'created' | 'exists'>;
  /** Schedules whose name starts with `namePrefix`, in the controller's schedule group. */
  list(namePrefix: string): Promise<ScheduleEntry[]>;
  cancel(name: string): Promise<'deleted' | 'not-found'>;
}

/** Scheduler names: 1–64 of letters, digits, "-", "_" and ".". */
export const SCHEDULE_NAME = /^[0-9A-Za-z_.-]{1,64}$/;
