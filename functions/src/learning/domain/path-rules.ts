/**
 * Validation of a learning path before it is saved or published. Returns field errors (in Dutch
 * and English; the response picks one) for the path editor, keyed by the field they belong to (`steps.{i}.moduleId`,
 * `steps.{i}.unlockAfter`, `minOptional`); an empty array means the path is valid.
 */
import type { LearningModule, LearningPath } from './types';
import { text, type Text } from '../../platform/domain/text';

export interface PathFieldError {
  path: string;
  message: Text;
}

type ModuleRef = Pick<LearningModule, 'id' | 'status' | 'title'>;

export function validatePath(path: Pick<LearningPath, 'steps' | 'minOptional'>, modules: Map<string, ModuleRef>): PathFieldError[] {
  const errors: PathFieldError[] = [];
  if (path.steps.length === 0) errors.push({ path: 'steps', message: text('Een leerpad heeft minstens één stap.', 'A learning path has at least one step.') });

  const firstIndex = new Map<string, number>();
  path.steps.forEach((step, i) => {
    const name = stepName(step.id, i);
    if (step.id.trim() === '') errors.push({ path: `steps.${i}.id`, message: text(`Stap ${i + 1} heeft geen id.`, `Step ${i + 1} has no id.`) });
    else if (firstIndex.has(step.id)) errors.push({ path: `steps.${i}.id`, message: text(`Stap-id ${step.id} komt meer dan één keer voor.`, `Step id ${step.id} occurs more than once.`) });
    else firstIndex.set(step.id, i);

    const module = modules.get(step.moduleId);
    if (!module) {
      errors.push({
        path: `steps.${i}.moduleId`,
        message: text(`Stap ${name} verwijst naar een onbekende module: ${step.moduleId || '(leeg)'}`, `Step ${name} refers to an unknown module: ${step.moduleId || '(empty)'}`),
      });
    } else if (module.status === 'archived') {
      errors.push({ path: `steps.${i}.moduleId`, message: text(`Stap ${name} verwijst naar een gearchiveerde module: ${module.title}`, `Step ${name} refers to an archived module: ${module.title}`) });
    }
  });

  const stepIds = new Set(path.steps.map((s) => s.id));
  path.steps.forEach((step, i) => {
    const name = stepName(step.id, i);
    if (step.unlockAfter.includes(step.id)) errors.push({ path: `steps.${i}.unlockAfter`, message: text(`Stap ${name} kan niet op zichzelf wachten.`, `Step ${name} cannot wait for itself.`) });
    const unknown = [...new Set(step.unlockAfter.filter((id) => !stepIds.has(id)))];
    for (const id of unknown) errors.push({ path: `steps.${i}.unlockAfter`, message: text(`Stap ${name} wacht op een onbekende stap: ${id}`, `Step ${name} waits for an unknown step: ${id}`) });
  });

  for (const cycle of unlockCycles(path.steps)) {
    const at = firstIndex.get(cycle[0]!) ?? 0;
    errors.push({ path: `steps.${at}.unlockAfter`, message: text(`Cyclus in vrijgaveregels: ${cycle.join(' → ')}`, `Cycle in unlock rules: ${cycle.join(' → ')}`) });
  }

  const optional = path.steps.filter((s) => !s.required).length;
  if (!Number.isInteger(path.minOptional)) errors.push({ path: 'minOptional', message: text('Het minimum aantal keuzestappen moet een geheel getal zijn.', 'The minimum number of optional steps must be a whole number.') });
  else if (path.minOptional < 0) errors.push({ path: 'minOptional', message: text('Het minimum aantal keuzestappen kan niet negatief zijn.', 'The minimum number of optional steps cannot be negative.') });
  else if (path.minOptional > optional) {
    errors.push({
      path: 'minOptional',
      message: text(
        `Het minimum aantal keuzestappen (${path.minOptional}) is groter dan het aantal keuzestappen (${optional}).`,
        `The minimum number of optional steps (${path.minOptional}) is greater than the number of optional steps (${optional}).`,
      ),
    });
  }
  return errors;
}

function stepName(id: string, index: number): string {
  return id.trim() === '' ? `${index + 1}` : id;
}

/**
 * One cycle per strongly connected component of the unlock graph, written in unlock order
 * (each step opens the next) and starting and ending at the component's first step in path
 * order. Listing every elementary cycle could be exponential; one per tangle is what an editor
 * needs to find and cut it. Self-references are reported separately and left out here.
 */
export function unlockCycles(steps: Array<{ id: string; unlockAfter: string[] }>): string[][] {
  const order = new Map<string, number>();
  for (const s of steps) if (!order.has(s.id)) order.set(s.id, order.size);
  // Edge prerequisite → dependent: completing the prerequisite (helps) open the dependent.
  const opens = new Map<string, string[]>([...order.keys()].map((id) => [id, []]));
  for (const s of steps) {
    for (const p of new Set(s.unlockAfter)) {
      if (p !== s.id && order.has(p)) opens.get(p)!.push(s.id);
    }
  }

  const cycles: string[][] = [];
  for (const component of stronglyConnected([...order.keys()], opens)) {
    if (component.length < 2) continue;
    const members = new Set(component);
    const start = component.reduce((a, b) => (order.get(a)! <= order.get(b)! ? a : b));
    cycles.push(shortestCycleThrough(start, opens, members));
  }
  return cycles.sort((a, b) => order.get(a[0]!)! - order.get(b[0]!)!);
}

/** Tarjan's algorithm, iterative so a long chain of steps cannot exhaust the stack. */
function stronglyConnected(nodes: string[], edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = edges.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

/** Breadth-first within the component, so the reported cycle is as short as possible. */
function shortestCycleThrough(start: string, edges: Map<string, string[]>, members: Set<string>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const next of edges.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const cycle = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = cameFrom.get(at)) cycle.splice(1, 0, at);
        cycle.push(start);
        return cycle;
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  // Unreachable for a strongly connected component of two or more steps.
  return [start, start];
}
