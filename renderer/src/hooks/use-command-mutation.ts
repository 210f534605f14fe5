// Moved to data/; kept while features still import it from here.
export * from '../data/use-command-mutation.ts';
