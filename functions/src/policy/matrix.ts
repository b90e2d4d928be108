import type { Role } from '../platform/auth/roles';
import { actorOf, type Actor, type Membership } from './actor';
import { can } from './authorize';
import { rules, type Kind, type Resources } from './rules';

/**
 * The policy enumerated: every action of every kind, for every persona, in the resource states
 * that matter. docs/access.md is this table (scripts/access-doc.ts writes it), and the tests read
 * their expectations from it rather than from the routes.
 */
export const network = 'n-voorbeeld';

const person = (id: string, roles: Role[], memberships: Membership[] = [], organisationId?: string): Actor =>
  actorOf({ id, name: id, roles, ...(organisationId ? { organisationId } : {}) }, memberships);

export const personas = {
  anonymous: actorOf(null),
  partner: person('partner', ['partner'], [], 'org-voorbeeld'),
  'partner (ex-lead)': person('ex-lead', ['partner'], [{ networkId: network, role: 'lead' }], 'org-voorbeeld'),
  employee: person('employee', ['employee']),
  'team-manager': person('manager', ['team-manager', 'employee']),
  trainer: person('trainer', ['trainer', 'employee']),
  'trainer of the session': person('session-trainer', ['trainer', 'employee']),
  'author (other network)': person('outsider', ['author', 'employee']),
  'author (member)': person('member', ['author', 'employee'], [{ networkId: network, role: 'member' }]),
  'network author': person('net-author', ['employee'], [{ networkId: network, role: 'author' }]),
  'lead expert': person('lead', ['employee'], [{ networkId: network, role: 'lead' }]),
  'academy-admin': person('admin', ['academy-admin', 'employee']),
} satisfies Record<string, Actor>;
export type Persona = keyof typeof personas;

const employeesModule = { status: 'published', enrolAudience: 'employees', kind: 'classroom' } as const;
const session = (callerHasSeat: boolean) => ({ module: employeesModule, trainerIds: ['session-trainer'], callerHasSeat });

/** Resource states per kind, by name. A persona's relation (author, owner, trainer) is part of the state. */
export const states: { [K in Kind]: Record<string, Resources[K]> } = {
  partnerOrganisation: { 'a partner organisation': {} },
  article: {
    'internal article': { networkId: network, audience: 'internal', readable: true },
    'partner article': { networkId: network, audience: 'partners', readable: true },
    'public article': { networkId: network, audience: 'public', readable: true },
    "an attachment the published public version shows": { networkId: network, audience: 'public', readable: true, attachmentPublished: true },
    "an attachment the published internal version shows": { networkId: network, audience: 'internal', readable: true, attachmentPublished: true },
    'unpublished draft': { networkId: network, audience: 'public', readable: false },
    'draft by the member': { networkId: network, audience: 'internal', readable: true, authorIds: ['member'] },
    'draft by the lead': { networkId: network, audience: 'internal', readable: true, authorIds: ['lead'] },
    'draft by the admin': { networkId: network, audience: 'internal', readable: true, authorIds: ['admin'] },
  },
  team: {
    "the manager's own team": { teamId: 'team-a', callerTeamId: 'team-a' },
    'another team': { teamId: 'team-b', callerTeamId: 'team-a' },
  },
  portfolio: {
    "the employee's own": { ownerId: 'employee' },
    "the manager's own": { ownerId: 'manager' },
    "the partner's": { ownerId: 'partner' },
  },
  sharedProgress: {
    'a member of the own team, shared': { ownerId: 'employee', ownerTeamId: 'team-a', callerTeamId: 'team-a', shared: true },
    'a member of the own team, not shared': { ownerId: 'employee', ownerTeamId: 'team-a', callerTeamId: 'team-a', shared: false },
    'a member of another team, shared': { ownerId: 'employee', ownerTeamId: 'team-b', callerTeamId: 'team-a', shared: true },
  },
  registers: { 'the registers': {} },
  mandatory: { 'the mandatory training': {} },
  certificate: { 'any certificate': {} },
  reports: { 'the academy reports': {} },
  person: {
    "the employee's data": { personId: 'employee' },
    "the admin's own data": { personId: 'admin' },
    "the partner's data": { personId: 'partner' },
  },
  audit: { 'the audit log': {} },
  knowledge: { 'the knowledge base': {} },
  network: {
    'the network': { networkId: network },
    'open to partners': { networkId: network, openToPartners: true },
    // Appointments are asked of the person appointed (take-role).
    'appointed as lead expert': { networkId: network, role: 'lead' },
    'appointed as member, open to partners': { networkId: network, openToPartners: true, role: 'member' },
  },
  academy: { 'the academy': {} },
  module: {
    'published, employees': employeesModule,
    'published, partners': { status: 'published', enrolAudience: 'partners', kind: 'classroom' },
    'published, public': { status: 'published', enrolAudience: 'public', kind: 'classroom' },
    'draft, employees': { status: 'draft', enrolAudience: 'employees', kind: 'classroom' },
  },
  session: { 'without a seat': session(false), 'with a seat': session(true) },
  seat: {
    "someone else's seat": { session: session(false), learnerId: 'employee' },
    "the session trainer's own seat": { session: session(true), learnerId: 'session-trainer' },
  },
  path: { published: { status: 'published' }, draft: { status: 'draft' } },
  learnerWork: {
    "the employee's assignment": { learnerId: 'employee', moduleKind: 'assignment' },
    "the employee's certificate": { learnerId: 'employee', moduleKind: 'external' },
    "the trainer's own assignment": { learnerId: 'trainer', moduleKind: 'assignment' },
  },
  scormPackage: {
    'published e-learning, employees': { module: { status: 'published', enrolAudience: 'employees', kind: 'elearning' } },
    'draft e-learning': { module: { status: 'draft', enrolAudience: 'employees', kind: 'elearning' } },
  },
  question: {
    "the employee's own network question": { networkId: network, askerId: 'employee', visibility: 'network' },
    "another member's network question": { networkId: network, askerId: 'member', visibility: 'network' },
    "another member's organisation question": { networkId: network, askerId: 'member', visibility: 'organisation' },
  },
  networkEvent: { 'the network': { networkId: network } },
  networkActivity: { 'the network': { networkId: network } },
  scormAttempt: {
    "the employee's own, published e-learning": { module: { status: 'published', enrolAudience: 'employees', kind: 'elearning' }, learnerId: 'employee' },
    "the admin's own, published e-learning": { module: { status: 'published', enrolAudience: 'employees', kind: 'elearning' }, learnerId: 'admin' },
    "the partner's own, e-learning for partners": { module: { status: 'published', enrolAudience: 'partners', kind: 'elearning' }, learnerId: 'partner' },
    "the employee's own, draft e-learning": { module: { status: 'draft', enrolAudience: 'employees', kind: 'elearning' }, learnerId: 'employee' },
  },
};

export interface MatrixRow {
  kind: Kind;
  action: string;
  state: string;
  who: string;
  allowed: Record<Persona, boolean>;
}

export function accessMatrix(): MatrixRow[] {
  return (Object.keys(rules) as Kind[]).flatMap((kind) =>
    Object.entries(rules[kind].actions).flatMap(([action, rule]) =>
      Object.entries(states[kind]).map(([state, resource]) => ({
        kind,
        action,
        state,
        who: (rule as { who: { nl: string } }).who.nl,
        allowed: Object.fromEntries(Object.entries(personas).map(([name, actor]) => [name, can(actor, kind, action as never, resource as never)])) as Record<Persona, boolean>,
      })),
    ),
  );
}

/** docs/access.md, generated. */
export function accessMarkdown(): string {
  const names = Object.keys(personas) as Persona[];
  const lines = [
    '# Access policy',
    '',
    'Generated from `functions/src/policy/` by `npm run access-doc`; a test fails when this file is stale.',
    'Every rule lives in the policy module; routes and use cases only ask it (`authorize`, `can`).',
    'A refusal of something hidden from the caller answers 404, exactly like a missing resource.',
    '',
  ];
  for (const kind of Object.keys(rules) as Kind[]) {
    lines.push(`## ${kind}`, '', `| action | states | who may | ${names.join(' | ')} |`, `|---|---|---|${names.map(() => ':-:').join('|')}|`);
    // States in which an action answers alike for every persona share one row.
    const groups = new Map<string, MatrixRow[]>();
    for (const row of accessMatrix().filter((r) => r.kind === kind)) {
      const key = `${row.action}|${names.map((n) => (row.allowed[n] ? 1 : 0)).join('')}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    for (const rows of groups.values()) {
      const row = rows[0]!;
      lines.push(`| ${row.action} | ${rows.map((r) => r.state).join(', ')} | ${row.who} | ${names.map((n) => (row.allowed[n] ? '✓' : '·')).join(' | ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
