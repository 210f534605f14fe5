// Types for scripts/build-main.mjs (imported by the benchmark and the e2e set-up).
export declare const HOST_BUNDLE: string;
export declare function buildMain(): void;
export declare function buildHost(outfile?: string): Promise<string>;
export declare function newestSourceMtime(paths: readonly string[]): number;
