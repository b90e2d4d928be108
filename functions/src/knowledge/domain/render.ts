/** Articles render with the platform's one Markdown renderer and allow-list (shared with network goals). */
export * from '../../platform/domain/markdown';
