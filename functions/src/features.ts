/**
 * The features, connected once: knowledge learns of the academy through links handed in here
 * (learning imports knowledge, never the other way round). Every composition root (the app, the
 * seed and bench scripts) imports this file.
 */
import { useLearningLinks } from './knowledge';
import { linksForKnowledge } from './learning';

useLearningLinks(linksForKnowledge);

export * as identity from './identity';
export * as knowledge from './knowledge';
export * as learning from './learning';
