/**
 * A phone number SNS accepts for an SMS subscription: an optional `+`, then digits in groups that single `-`, `.` or
 * `/` may separate (AWS accepted `+12/34-567.890` and refused `+15--551234567`, `+15551234567.` and `/+15551234567`),
 * 15 digits at most (E.164).
 */
export function isSmsEndpoint(value: string): boolean {
  return /^\+?\d+(?:[-./]\d+)*$/.test(value) && value.replace(/\D/g, '').length <= 15;
}

/** A number Publish sends to directly: E.164 digits with an optional `+`. */
export function isPhoneNumber(value: string): boolean {
  return /^\+?[0-9]{1,15}$/.test(value);
}
