import { describe, expect, it } from 'vitest';
import { matchRoute, normalisePath } from '../../../web/src/router';
import type { Route } from '../../../web/src/router';

const page = () => ({ title: '', content: null as unknown as Node });
const routes: Route[] = [
  { path: '/', page },
  { path: '/aanmelden', page },
  { path: '/aanmelden/terug', page },
  { path: '/kennis/:slug', page },
];

describe('router', () => {
  it('normalises trailing slashes but keeps the root', () => {
    expect(normalisePath('/')).toBe('/');
    expect(normalisePath('/aanmelden/')).toBe('/aanmelden');
    expect(normalisePath('')).toBe('/');
  });

  it('matches static and parameterised paths', () => {
    expect(matchRoute(routes, '/')?.route.path).toBe('/');
    expect(matchRoute(routes, '/aanmelden/terug')?.route.path).toBe('/aanmelden/terug');
    expect(matchRoute(routes, '/kennis/angst%20en%20depressie')?.params).toEqual({ slug: 'angst en depressie' });
  });

  it('does not match unknown, too long or empty-param paths', () => {
    expect(matchRoute(routes, '/bestaat-niet')).toBeNull();
    expect(matchRoute(routes, '/kennis/a/b')).toBeNull();
    expect(matchRoute(routes, '/kennis/%E0%A4%A')).toBeNull();
  });
});
