/**
 * Whom a mandatory-training requirement applies to: pure. `appliesTo` lists roles, professions
 * and departments; an empty (or absent) list does not narrow. Several lists must all match (a
 * requirement "verpleegkundige in Kliniek" is for nurses of that department); within a list any
 * one value matches. Professions and departments compare case-insensitively. Only staff have
 * mandatory training (partners never), so "everyone" means everyone on staff.
 */
export interface AppliesTo {
  roles?: string[];
  professions?: string[];
  departments?: string[];
}

export interface Person {
  roles: readonly string[];
  profession?: string;
  department?: string;
}

const fold = (s: string) => s.trim().toLocaleLowerCase('nl');

function matches(list: readonly string[] | undefined, values: readonly (string | undefined)[]): boolean {
  if (!list || list.length === 0) return true;
  const wanted = new Set(list.map(fold));
  return values.some((v) => v !== undefined && wanted.has(fold(v)));
}

export function appliesTo(rule: AppliesTo, person: Person): boolean {
  return matches(rule.roles, person.roles) && matches(rule.professions, [person.profession]) && matches(rule.departments, [person.department]);
}
