import { text, type Text } from '../platform/http/language';
import { Problem } from '../platform/http/problem';
import type { Actor } from './actor';
import { rules, type Action, type Kind, type Resources } from './rules';

type AnyRule = { who: Text; allow: (a: Actor, r: unknown) => boolean };
type AnyKind = { hidden: (a: Actor, r: unknown) => boolean; actions: Record<string, AnyRule> };
const kindRules = (kind: Kind) => rules[kind] as unknown as AnyKind;

/** Whether the actor may take the action on the resource. */
export function can<K extends Kind>(actor: Actor, kind: K, action: Action<K>, resource: Resources[K]): boolean {
  const rule = kindRules(kind).actions[action];
  if (!rule) throw new Error(`No rule for ${kind}.${action}`);
  return rule.allow(actor, resource);
}

/**
 * The one gate routes and use cases call. A refusal is 404 when the resource is hidden from the
 * actor (the same answer as for a resource that does not exist, signed in or not), 401 when an
 * anonymous caller could sign in for it, and 403 otherwise, naming who may.
 */
export function authorize<K extends Kind>(actor: Actor, kind: K, action: Action<K>, resource: Resources[K], notFoundDetail: Text = text('Niet gevonden', 'Not found')): void {
  if (can(actor, kind, action, resource)) return;
  const k = kindRules(kind);
  // The caller passes the very words a missing resource gets, so the two cannot be told apart.
  if (k.hidden(actor, resource)) throw new Problem('notFound', notFoundDetail);
  if (actor.principal === null) throw new Problem('unauthenticated', text('Meld je aan om verder te gaan', 'Sign in to continue'));
  const who = k.actions[action]!.who;
  throw new Problem('forbidden', text(`Dit mogen alleen ${who.nl}`, `Only ${who.en} may do this`));
}

/** Every kind and action with who may take it, in (Dutch) words: the source of docs/access.md. */
export function describeRules(): Array<{ kind: Kind; action: string; who: string }> {
  return (Object.keys(rules) as Kind[]).flatMap((kind) => Object.entries(kindRules(kind).actions).map(([action, r]) => ({ kind, action, who: r.who.nl })));
}
