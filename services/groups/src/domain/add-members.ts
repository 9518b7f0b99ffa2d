import { InvalidPhoneNumberError, normalisePhone } from '@kz/phone';
import type { GroupRole } from '../entities/membership.entity';

export const MAX_MEMBERS_PER_CALL = 10_000;

export type AddMemberStatus = 'ADDED' | 'PENDING' | 'ALREADY_MEMBER' | 'INVALID' | 'NOT_ALLOWED';

export interface NewMember {
  phone: string;
  role: GroupRole;
}

export interface AddMemberOutcome {
  phone: string;
  status: AddMemberStatus;
  message: string | null;
  userId: string | null;
}

export interface ValidatedRequest {
  /** Outcome slot per input item, in input order; null slots are decided by the database. */
  outcomes: (AddMemberOutcome | null)[];
  /** Valid, de-duplicated members keyed by E.164 number, with the input index they answer. */
  candidates: Map<string, Candidate>;
}

export interface Candidate {
  role: 'ADMIN' | 'MEMBER';
  /** Position in the request, where its outcome goes. */
  index: number;
  /** The number as the caller wrote it, echoed in the outcome. */
  input: string;
  /**
   * False for numbers already written in E.164, which are checked in full only
   * if they turn out not to be registered: registered ones were checked at sign-up.
   */
  verified: boolean;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Pure validation of a bulk add: numbers normalised, roles checked, repeats
 * inside the request answered once.
 */
export function validateNewMembers(members: readonly NewMember[], defaultRegion: string): ValidatedRequest {
  const outcomes: (AddMemberOutcome | null)[] = [];
  const candidates = new Map<string, Candidate>();
  members.forEach((member, index) => {
    let phone: string;
    const verified = !E164.test(member.phone);
    try {
      phone = verified ? normalisePhone(member.phone, defaultRegion) : member.phone;
    } catch (err) {
      if (!(err instanceof InvalidPhoneNumberError)) throw err;
      outcomes.push({ phone: member.phone, status: 'INVALID', message: err.message, userId: null });
      return;
    }
    if (member.role === 'OWNER') {
      outcomes.push({
        phone: member.phone,
        status: 'NOT_ALLOWED',
        message: 'New members can be MEMBER or ADMIN; ownership is transferred, not granted.',
        userId: null,
      });
      return;
    }
    if (candidates.has(phone)) {
      outcomes.push({ phone: member.phone, status: 'ALREADY_MEMBER', message: 'This number appears earlier in the same request.', userId: null });
      return;
    }
    candidates.set(phone, { role: member.role, index, input: member.phone, verified });
    outcomes.push(null);
  });
  return { outcomes, candidates };
}

/** The full check for an E.164 number that no registered person has: null when valid, else why not. */
export function invalidUnregistered(candidate: Candidate, phone: string, defaultRegion: string): string | null {
  if (candidate.verified) return null;
  try {
    normalisePhone(phone, defaultRegion);
    return null;
  } catch (err) {
    if (err instanceof InvalidPhoneNumberError) return err.message;
    throw err;
  }
}
