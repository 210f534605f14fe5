// Types for scripts/build-main.mjs (imported by the benchmark).
export declare const HOST_BUNDLE: string;
export declare function buildMain(): void;
export declare function buildHost(outfile?: string): Promise<string>;
