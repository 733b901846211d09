import "../../i18n/teamWords";
import type { TFunction } from "i18next";
import { limits } from "../../api/limits.gen";
import { textErrors, wholeNumberErrors } from "../../ui/validation";

/** The API's limits on the teams' forms, from its OpenAPI document (never copied by hand). */
export const teamLimits = limits["Teams.CreateTeam.Command"];
export const taskLimits = limits["Teams.CreateTask.Command"];
export const absenceLimits = limits["Teams.MarkUnavailable.Command"];
export const inviteLimits = limits["Teams.InviteMember.Command"];
export const deliveryLimits = limits["Teams.SubmitTask.Command"];
export const returnLimits = limits["Teams.ReturnTask.Command"];
export const membershipLimits = limits["Teams.UpdateMyMembership.Command"];

/** As many skills as the API takes on a team (CreateTeam.MaxSkills; the document publishes no maxItems for it yet). */
export const maxTeamSkills = 20;

type Errors<K extends string> = Record<K, string[]>;
export const hasErrors = (errors: Record<string, string[]>) => Object.values(errors).some((e) => e.length > 0);

/** Skills typed as one line, split on commas (both the Latin and the Japanese one), blanks dropped. */
export const splitSkills = (text: string) =>
  text
    .split(/[,、，]/)
    .map((s) => s.trim())
    .filter(Boolean);

export interface TeamForm {
  name: string;
  description: string;
  region: string;
  skills: string;
  weeklyHours: string;
}

export function teamErrors(t: TFunction, form: TeamForm): Errors<keyof TeamForm> {
  const skills = splitSkills(form.skills);
  const longSkill = skills.find((s) => s.length > (teamLimits.skills.items.maxLength ?? 50));
  return {
    name: textErrors(t, form.name, teamLimits.name),
    description: textErrors(t, form.description, teamLimits.description),
    region: textErrors(t, form.region, teamLimits.region),
    skills:
      skills.length > maxTeamSkills
        ? [t("validation.tooManySkills")]
        : longSkill
          ? [t("validation.maxLength", { max: teamLimits.skills.items.maxLength })]
          : [],
    weeklyHours: wholeNumberErrors(t, form.weeklyHours, teamLimits.weeklyHours),
  };
}

export function inviteErrors(t: TFunction, email: string): string[] {
  if (!/^[^@\s]+@[^@\s]+$/.test(email.trim())) return [t("validation.email")];
  return textErrors(t, email, inviteLimits.email);
}

export interface TaskForm {
  title: string;
  instructions: string;
  amount: string;
  hours: string;
  dueAt: string;
  assigneeId: string;
}

/**
 * A task against the contract: its amount no more than what is still unassigned of the team's net (the API's cap,
 * 409 tasksAboveShare), due in the future and no later than the contract's deadline, given to a member.
 */
export function taskErrors(t: TFunction, form: TaskForm, contract: { unassigned: number; deadline: string }, now: Date = new Date()): Errors<keyof TaskForm> {
  const amount = wholeNumberErrors(t, form.amount, taskLimits.amount);
  const due = form.dueAt ? new Date(form.dueAt) : null;
  return {
    title: textErrors(t, form.title, taskLimits.title),
    instructions: textErrors(t, form.instructions, taskLimits.instructions),
    amount: amount.length ? amount : Number(form.amount) > contract.unassigned ? [t("teams.task.aboveShare", { left: contract.unassigned.toLocaleString() })] : [],
    hours: wholeNumberErrors(t, form.hours, taskLimits.hours),
    dueAt:
      !due || Number.isNaN(due.getTime())
        ? [t("validation.required")]
        : due <= now
          ? [t("validation.deadlineInPast")]
          : due > new Date(contract.deadline)
            ? [t("teams.task.afterDeadline")]
            : [],
    assigneeId: form.assigneeId ? [] : [t("validation.required")],
  };
}

export interface AbsenceForm {
  from: string;
  to: string;
  reason: string;
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** Days away: both given, the last not before the first, at most a year at a time (the API's rules). */
export function absenceErrors(t: TFunction, form: AbsenceForm): Errors<keyof AbsenceForm> {
  const from = form.from ? [] : [t("validation.required")];
  let to = form.to ? [] : [t("validation.required")];
  if (form.from && form.to) {
    const days = dayNumber(form.to) - dayNumber(form.from);
    if (days < 0) to = [t("teams.away.toBeforeFrom")];
    else if (days >= 366) to = [t("teams.away.tooLong")];
  }
  return { from, to, reason: textErrors(t, form.reason, absenceLimits.reason) };
}

interface BoardMemberLoad {
  userId: string;
  weeklyHours: number;
  openTaskHours: number;
  awayFrom?: string | null;
}

/**
 * Whom a task at risk can go to with one tap: the other members not away, the least loaded first (open hours against
 * the hours a week they give, so that a member giving 10 hours with 8 open is fuller than one giving 40 with 20).
 */
export function reassignCandidates<M extends BoardMemberLoad>(members: M[], assigneeId: string): M[] {
  const load = (m: M) => (m.weeklyHours > 0 ? m.openTaskHours / m.weeklyHours : Number.POSITIVE_INFINITY);
  return members.filter((m) => m.userId !== assigneeId && !m.awayFrom).sort((a, b) => load(a) - load(b));
}
