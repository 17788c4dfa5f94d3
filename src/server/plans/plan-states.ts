// The one state machine of a plan, as data: the states, each action with the states it starts from,
// where it leads, the permission it needs and whether a reason is required. Use-cases and the UI
// (allowedActions) read this table; nothing else decides what a plan may become.
import type { PlanState } from '../db/schema';
import type { Permission } from '../auth/access';
import { PLAN_ACTION_LABELS, PLAN_STATE_LABELS } from '../../shared/labels';

export const PLAN_STATES: readonly PlanState[] = ['draft', 'submitted', 'issued', 'in_progress', 'midterm_review', 'final_review', 'closed'];

export type PlanAction = keyof typeof PLAN_ACTION_LABELS;

export type TTransition = {
  from: readonly PlanState[];
  to: PlanState;
  permission: Permission;
  reasonRequired: boolean;
  /** The issue action also needs the number, date and signer. */
  needsIssueData?: boolean;
};

export const PLAN_TRANSITIONS: Record<PlanAction, TTransition> = {
  submit: { from: ['draft'], to: 'submitted', permission: 'plan.write', reasonRequired: false },
  return: { from: ['submitted'], to: 'draft', permission: 'plan.approve', reasonRequired: true },
  issue: { from: ['submitted'], to: 'issued', permission: 'plan.approve', reasonRequired: false, needsIssueData: true },
  start: { from: ['issued'], to: 'in_progress', permission: 'plan.write', reasonRequired: false },
  midterm: { from: ['in_progress'], to: 'midterm_review', permission: 'plan.write', reasonRequired: false },
  resume: { from: ['midterm_review'], to: 'in_progress', permission: 'plan.write', reasonRequired: false },
  final: { from: ['in_progress', 'midterm_review'], to: 'final_review', permission: 'plan.write', reasonRequired: false },
  close: { from: ['final_review'], to: 'closed', permission: 'plan.approve', reasonRequired: false },
};

export const PLAN_ACTIONS = Object.keys(PLAN_TRANSITIONS) as PlanAction[];

/** States after issue: the plan is an official document and its content no longer changes. */
export const ISSUED_STATES: readonly PlanState[] = ['issued', 'in_progress', 'midterm_review', 'final_review', 'closed'];
export const isIssuedState = (s: PlanState): boolean => ISSUED_STATES.includes(s);
export const isEditableState = (s: PlanState): boolean => s === 'draft';

export type TTransitionCheck = { ok: true; to: PlanState } | { ok: false; message: string; missingReason?: boolean };

/** Whether `action` may be applied to a plan in `state` (permission checked separately). */
export function checkTransition(state: PlanState, action: PlanAction, reason: string | null | undefined): TTransitionCheck {
  const t = PLAN_TRANSITIONS[action];
  if (!t.from.includes(state)) {
    return { ok: false, message: `Không thể "${PLAN_ACTION_LABELS[action].toLowerCase()}" kế hoạch đang ở trạng thái "${PLAN_STATE_LABELS[state]}"` };
  }
  if (t.reasonRequired && !(reason ?? '').trim()) return { ok: false, message: `Cần ghi lý do khi ${PLAN_ACTION_LABELS[action].toLowerCase()} kế hoạch`, missingReason: true };
  return { ok: true, to: t.to };
}

/** Actions available from `state` for someone holding `permissions` on the plan's unit. */
export function allowedActions(state: PlanState, permissions: ReadonlySet<Permission>): PlanAction[] {
  return PLAN_ACTIONS.filter((a) => PLAN_TRANSITIONS[a].from.includes(state) && permissions.has(PLAN_TRANSITIONS[a].permission));
}
