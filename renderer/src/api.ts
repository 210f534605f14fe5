// Moved to data/api.ts; kept while features still import it from here.
export * from './data/api.ts';
