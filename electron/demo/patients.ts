// Moved to resources/demo/ (shared with the embedded server's seed); kept for existing imports.
export * from '../../resources/demo/patients.ts';
